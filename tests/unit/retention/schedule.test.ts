// The in-server schedule: first pass after the delay, then one per interval, never two at
// once, a failing pass does not stop the next, and interval 0 turns it off.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

const runRetention = vi.fn();
vi.mock("@/lib/retention/run", () => ({ runRetention }));

async function load(interval: string) {
  vi.resetModules();
  vi.stubEnv("TALLYHUB_RETENTION_INTERVAL_MINUTES", interval);
  return import("@/lib/retention/schedule");
}

describe("retention schedule", () => {
  beforeEach(() => {
    vi.useFakeTimers();
    runRetention.mockReset();
    vi.spyOn(console, "log").mockImplementation(() => {});
    vi.spyOn(console, "error").mockImplementation(() => {});
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllEnvs();
  });

  it("runs after the first delay, then every interval, one pass at a time", async () => {
    let finish: () => void = () => {};
    runRetention.mockImplementation(
      () => new Promise((r) => (finish = () => r({ apps: 1, foldedHours: 0, foldedRows: 0, deleted: {}, ms: 1 }))),
    );
    const { startRetentionSchedule } = await load("5");
    expect(startRetentionSchedule(1000)).toBe(true);
    expect(startRetentionSchedule(1000)).toBe(false); // already running
    await vi.advanceTimersByTimeAsync(999);
    expect(runRetention).toHaveBeenCalledTimes(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(runRetention).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(20 * 60_000); // the pass is still running: no second one
    expect(runRetention).toHaveBeenCalledTimes(1);
    finish();
    await vi.advanceTimersByTimeAsync(5 * 60_000);
    expect(runRetention).toHaveBeenCalledTimes(2);
  });

  it("keeps going after a failed pass", async () => {
    runRetention
      .mockRejectedValueOnce(new Error("database is locked"))
      .mockResolvedValue({ apps: 0, foldedHours: 0, foldedRows: 0, deleted: {}, ms: 1 });
    const { startRetentionSchedule } = await load("1");
    startRetentionSchedule(0);
    await vi.advanceTimersByTimeAsync(0);
    expect(console.error).toHaveBeenCalledWith(expect.stringContaining("retention pass failed"), "database is locked");
    await vi.advanceTimersByTimeAsync(60_000);
    expect(runRetention).toHaveBeenCalledTimes(2);
  });

  it("is off with interval 0", async () => {
    const { startRetentionSchedule } = await load("0");
    expect(startRetentionSchedule(0)).toBe(false);
    await vi.advanceTimersByTimeAsync(3_600_000);
    expect(runRetention).not.toHaveBeenCalled();
  });
});
