// OTLP exponential histogram buckets → Tallyhub's fixed-width bins (10 ms for response
// times, 1 KB for sizes), the bins every view computes percentiles from.
//
// Bucket i of scale s holds values in (base^i, base^(i+1)], base = 2^(2^-s): at the scale
// apitally-py uses (3) each bucket is ~9 % wide. Its count is spread evenly over the fixed
// bins the bucket overlaps — in proportion to the overlap, with largest-remainder rounding —
// so counts stay exact and a percentile lands within the bucket it came from: its error is
// bounded by the bucket's width (±4.5 % at scale 3, and never finer than the 10 ms bin).
// Values at or below zero (zero_count, negative buckets) go to bin 0.
import { INT32_MAX } from "../../model/limits";
import type { ExponentialPoint } from "./schema";

export interface BinSpec {
  /** Multiplies the recorded value into the bin unit (seconds → ms: 1000). */
  factor: number;
  /** Width of one bin in that unit. */
  width: number;
  /**
   * The key a bin is stored under (docs/hub-protocol.md §4: response times by the bin's lower ms, sizes by KB index).
   */
  key: (index: number) => number;
}

export const RESPONSE_TIME_BINS: BinSpec = { factor: 1000, width: 10, key: (i) => i * 10 };
export const SIZE_BINS: BinSpec = { factor: 1, width: 1000, key: (i) => i };

/** The bin one exact value (in the recorded unit) falls in: a span's own duration or size. */
export const binOf = (value: number, spec: BinSpec) =>
  new Map([[spec.key(Math.floor((value * spec.factor) / spec.width)), 1]]);

// The fixed bins one data point may be spread over, shared by its buckets: a bucket wider
// than its share (values in the minutes, or megabytes) is spread over evenly spaced bins.
// The shape stays, and the work per point stays bounded whatever a client sends.
const BINS_PER_POINT = 2000;
export const SCALE_MIN = -10;
export const SCALE_MAX = 20;

export function exponentialToBins(p: ExponentialPoint, spec: BinSpec): Map<number, number> {
  const bins = new Map<number, number>();
  const add = (key: number, n: number) => {
    const k = Math.min(key, INT32_MAX);
    if (n > 0) bins.set(k, (bins.get(k) ?? 0) + n);
  };
  add(spec.key(0), p.zeroCount + p.negative.counts.reduce((a, b) => a + b, 0));
  const base = 2 ** (2 ** -p.scale);
  const filled = p.positive.counts.reduce((n, c) => n + (c > 0 ? 1 : 0), 0);
  const share = Math.max(1, Math.floor(BINS_PER_POINT / Math.max(1, filled)));
  p.positive.counts.forEach((count, k) => {
    if (count <= 0) return;
    const index = p.positive.offset + k;
    const lower = base ** index * spec.factor;
    const upper = base ** (index + 1) * spec.factor;
    spread(lower, upper, count, Math.min(share, count), spec, add);
  });
  return bins;
}

function spread(
  lower: number,
  upper: number,
  count: number,
  maxShares: number,
  spec: BinSpec,
  add: (key: number, n: number) => void,
) {
  const first = Math.floor(lower / spec.width);
  // The upper bound belongs to the bucket; a bin starting exactly there does not.
  const last = Math.max(first, Math.ceil(upper / spec.width) - 1);
  if (!Number.isFinite(lower) || !Number.isFinite(upper) || last - first > Number.MAX_SAFE_INTEGER / 4) {
    add(INT32_MAX, count);
    return;
  }
  const span = last - first + 1;
  const step = Math.ceil(span / maxShares);
  const shares: { index: number; exact: number }[] = [];
  for (let b = first; b <= last; b += step) {
    const from = Math.max(lower, b * spec.width);
    const to = Math.min(upper, (b + step) * spec.width);
    if (to > from) shares.push({ index: b, exact: (count * (to - from)) / (upper - lower) });
  }
  if (shares.length === 0) shares.push({ index: first, exact: count });
  let given = 0;
  const whole = shares.map((s) => {
    const n = Math.floor(s.exact);
    given += n;
    return n;
  });
  // Largest remainders take the counts rounding left over, so the bucket's total is exact.
  const order = shares.map((s, i) => [s.exact - whole[i], i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let r = 0; r < count - given; r++) whole[order[r % order.length][1]]++;
  shares.forEach((s, i) => add(spec.key(Math.min(s.index, INT32_MAX)), whole[i]));
}
