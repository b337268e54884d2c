// PLACEHOLDER until the rule evaluator lands.
export async function evaluateDueRules(nowMs: number) {
  void nowMs;
  return { evaluated: 0 };
}
