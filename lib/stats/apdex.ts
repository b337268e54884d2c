// Apdex from response-time bins: (satisfied + tolerating / 2) / total.
// A request is satisfied at ≤ T and tolerating at ≤ 4T. Bins hold [b, b + 10) ms, so a
// bin counts as satisfied only when it lies wholly at or below T (b + 10 ≤ T) and as
// tolerating when it lies wholly at or below 4T; a bin straddling a threshold goes to
// the worse side. With T a multiple of 10 ms that differs from exact values only for
// requests of exactly T or 4T ms.
import { normaliseBins, RESPONSE_TIME_BIN_MS, type BinCount } from "./percentiles";

export const DEFAULT_APDEX_T_MS = 500;

export interface Apdex {
  score: number | null;
  thresholdMs: number;
  satisfied: number;
  tolerating: number;
  frustrated: number;
}

export function apdex(bins: Iterable<BinCount>, thresholdMs: number, width = RESPONSE_TIME_BIN_MS): Apdex {
  let satisfied = 0;
  let tolerating = 0;
  let frustrated = 0;
  for (const { bin, count } of normaliseBins(bins)) {
    if (bin + width <= thresholdMs) satisfied += count;
    else if (bin + width <= 4 * thresholdMs) tolerating += count;
    else frustrated += count;
  }
  const total = satisfied + tolerating + frustrated;
  return { score: total ? (satisfied + tolerating / 2) / total : null, thresholdMs, satisfied, tolerating, frustrated };
}
