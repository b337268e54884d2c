// The rule state machine driven check by check, as a fake clock would: one entry per check.
import { describe, expect, it } from "vitest";
import { nextState, type StateCounters, type Step } from "@/lib/alerts/state";

function run(checks: boolean[], rule = { notifyAfter: 1, resolveAfter: 1 }, start?: StateCounters): Step[] {
  let s: StateCounters = start ?? { state: "ok", breaches: 0, clears: 0 };
  return checks.map((breached) => {
    const step = nextState(s, breached, rule);
    s = step;
    return step;
  });
}

const states = (steps: Step[]) => steps.map((s) => s.state);
const transitions = (steps: Step[]) => steps.map((s) => s.transition);

describe("alert rule state", () => {
  it("fires on the first breach and resolves on the first clear by default", () => {
    const steps = run([false, true, true, false, false]);
    expect(states(steps)).toEqual(["ok", "firing", "firing", "ok", "ok"]);
    expect(transitions(steps)).toEqual([null, "firing", null, "resolved", null]);
  });

  it("waits notifyAfter consecutive breaches, pending meanwhile", () => {
    const steps = run([true, true, true, true], { notifyAfter: 3, resolveAfter: 1 });
    expect(states(steps)).toEqual(["pending", "pending", "firing", "firing"]);
    expect(transitions(steps)).toEqual([null, null, "firing", null]);
  });

  it("a flapping metric that never holds long enough never notifies", () => {
    const steps = run([true, true, false, true, false, true, true, false], { notifyAfter: 3, resolveAfter: 1 });
    expect(transitions(steps).every((t) => t === null)).toBe(true);
    expect(states(steps)).toEqual(["pending", "pending", "ok", "pending", "ok", "pending", "pending", "ok"]);
  });

  it("resolves only after resolveAfter consecutive clears; a breach in between starts the count again", () => {
    const steps = run([true, false, false, true, false, false, false], { notifyAfter: 1, resolveAfter: 3 });
    expect(states(steps)).toEqual(["firing", "firing", "firing", "firing", "firing", "firing", "ok"]);
    expect(transitions(steps)).toEqual(["firing", null, null, null, null, null, "resolved"]);
    expect(steps[2].clears).toBe(2);
    expect(steps[3].clears).toBe(0);
  });

  it("continues from stored counters (a restart): no second firing, the pending resolve still happens", () => {
    const firing: StateCounters = { state: "firing", breaches: 4, clears: 1 };
    const steps = run([true], { notifyAfter: 1, resolveAfter: 2 }, firing);
    expect(transitions(steps)).toEqual([null]);
    const resolving = run([false], { notifyAfter: 1, resolveAfter: 2 }, firing);
    expect(resolving[0]).toEqual({ state: "ok", breaches: 0, clears: 0, transition: "resolved" });
  });
});
