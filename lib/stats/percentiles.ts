// Statistics from histogram bins, the only place response times and sizes are known
// (rollups keep no individual requests). Pure functions, unit tested.
//
// A bin `b` of width `w` holds the values in [b, b + w): response times use 10 ms bins
// keyed by floor(ms / 10) * 10, sizes 1 KB bins keyed by floor(bytes / 1000).
//
// Percentile p of N values: the rank r = p * N is located in the first bin whose
// cumulative count reaches r, and the value is interpolated linearly inside that bin,
// assuming its values are spread evenly:  b + w * (r - countBefore) / countInBin.
// So the median of one 123 ms request (bin 120) is 125 ms, and p100 is a bin's upper edge.

export interface BinCount {
  bin: number;
  count: number;
}

export const RESPONSE_TIME_BIN_MS = 10;

/** Merges duplicate bins and sorts them; drops empty ones. */
export function normaliseBins(bins: Iterable<BinCount>): BinCount[] {
  const merged = new Map<number, number>();
  for (const { bin, count } of bins) if (count > 0) merged.set(bin, (merged.get(bin) ?? 0) + count);
  return [...merged].sort((a, b) => a[0] - b[0]).map(([bin, count]) => ({ bin, count }));
}

/** The p-th percentile (0 < p ≤ 1) of the binned values, or null when there are none. */
export function percentile(bins: Iterable<BinCount>, p: number, width = RESPONSE_TIME_BIN_MS): number | null {
  if (!(p > 0 && p <= 1)) throw new RangeError(`percentile p must be in (0, 1], got ${p}`);
  const sorted = normaliseBins(bins);
  const total = sorted.reduce((n, b) => n + b.count, 0);
  if (total === 0) return null;
  const rank = p * total;
  let before = 0;
  for (const { bin, count } of sorted) {
    if (before + count >= rank) return bin + (width * (rank - before)) / count;
    before += count;
  }
  const last = sorted[sorted.length - 1];
  return last.bin + width; // only reached through floating-point rounding of rank
}

export function percentiles<P extends Record<string, number>>(
  bins: Iterable<BinCount>,
  ps: P,
  width = RESPONSE_TIME_BIN_MS,
): { [K in keyof P]: number | null } {
  const sorted = normaliseBins(bins);
  return Object.fromEntries(Object.entries(ps).map(([k, p]) => [k, percentile(sorted, p, width)])) as {
    [K in keyof P]: number | null;
  };
}

export const P50_P95 = { p50: 0.5, p95: 0.95 };
export const P50_TO_P99 = { p50: 0.5, p75: 0.75, p95: 0.95, p99: 0.99 };

/** Groups rows of (key, bin, count) into one bin list per key. */
export function binsByKey<K>(rows: Iterable<{ key: K; bin: number; count: number }>): Map<K, BinCount[]> {
  const out = new Map<K, BinCount[]>();
  for (const r of rows) {
    const list = out.get(r.key) ?? [];
    list.push({ bin: Number(r.bin), count: Number(r.count) });
    out.set(r.key, list);
  }
  return out;
}
