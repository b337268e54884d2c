// Regroups 10 ms response-time bins into at most ~maxBars bars of a round width, with
// the slow tail beyond the 99th percentile folded into one last "≥ x" bar, so a few
// outliers do not squeeze the rest of the distribution into one column.
import { normaliseBins, percentile, RESPONSE_TIME_BIN_MS, type BinCount } from "@/lib/stats/percentiles";

export interface HistogramBar {
  from: number;
  /** Exclusive upper edge; null for the open-ended tail bar. */
  to: number | null;
  count: number;
}

const WIDTHS = [10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 2500, 5000, 10_000, 20_000, 50_000, 100_000];

export function histogramBars(bins: BinCount[], maxBars = 30): HistogramBar[] {
  const sorted = normaliseBins(bins);
  if (!sorted.length) return [];
  const p99 = percentile(sorted, 0.99)!;
  const lastEdge = sorted[sorted.length - 1].bin + RESPONSE_TIME_BIN_MS;
  const limit = Math.min(lastEdge, Math.max(p99, RESPONSE_TIME_BIN_MS));
  const width = WIDTHS.find((w) => Math.ceil(limit / w) <= maxBars) ?? WIDTHS[WIDTHS.length - 1];
  const cut = Math.ceil(limit / width) * width;
  const bars = new Map<number, number>();
  let tail = 0;
  for (const { bin, count } of sorted) {
    if (bin >= cut) tail += count;
    else bars.set(Math.floor(bin / width) * width, (bars.get(Math.floor(bin / width) * width) ?? 0) + count);
  }
  const out: HistogramBar[] = [];
  for (let from = 0; from < cut; from += width) out.push({ from, to: from + width, count: bars.get(from) ?? 0 });
  if (tail) out.push({ from: cut, to: null, count: tail });
  return out;
}
