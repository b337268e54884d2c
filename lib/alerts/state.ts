// A rule's state machine, pure: ok → pending → firing → ok. A rule fires after its condition held for
// `notifyAfter` consecutive checks and resolves after it cleared for `resolveAfter` consecutive checks; a
// pending rule that clears goes back to ok without a word, so a flapping metric does not notify.

export type RuleState = "ok" | "pending" | "firing";

export interface StateCounters {
  state: RuleState;
  /** Consecutive checks the condition held (toward firing). */
  breaches: number;
  /** Consecutive checks it cleared while firing (toward resolved). */
  clears: number;
}

export interface Step extends StateCounters {
  /** What to tell the channels, if anything. */
  transition: "firing" | "resolved" | null;
}

export function nextState(
  prev: StateCounters,
  breached: boolean,
  rule: { notifyAfter: number; resolveAfter: number },
): Step {
  if (prev.state === "firing") {
    if (breached) return { state: "firing", breaches: prev.breaches + 1, clears: 0, transition: null };
    const clears = prev.clears + 1;
    return clears >= rule.resolveAfter
      ? { state: "ok", breaches: 0, clears: 0, transition: "resolved" }
      : { state: "firing", breaches: 0, clears, transition: null };
  }
  if (!breached) return { state: "ok", breaches: 0, clears: 0, transition: null };
  const breaches = prev.breaches + 1;
  return breaches >= rule.notifyAfter
    ? { state: "firing", breaches, clears: 0, transition: "firing" }
    : { state: "pending", breaches, clears: 0, transition: null };
}
