// Exponential histogram buckets → 10 ms / 1 KB bins: counts exact, percentiles within the
// width of the bucket they came from (the rule lib/ingest/otlp/exponential.ts documents).
import { describe, expect, it } from "vitest";
import { exponentialToBins, RESPONSE_TIME_BINS, SIZE_BINS } from "@/lib/ingest/otlp/exponential";
import type { ExponentialPoint } from "@/lib/ingest/otlp/schema";
import { percentile } from "@/lib/stats/percentiles";

// A seeded generator, so a failure repeats.
function rng(seed: number) {
  return () => {
    seed = (seed * 1664525 + 1013904223) % 2 ** 32;
    return seed / 2 ** 32;
  };
}

/** What an OpenTelemetry SDK records: bucket index = ceil(log2(v) * 2^scale) - 1. */
function record(values: number[], scale: number): ExponentialPoint {
  const counts = new Map<number, number>();
  let zero = 0;
  for (const v of values) {
    if (v <= 0) zero++;
    else {
      const i = Math.ceil(Math.log2(v) * 2 ** scale) - 1;
      counts.set(i, (counts.get(i) ?? 0) + 1);
    }
  }
  const indexes = [...counts.keys()];
  const offset = indexes.length ? Math.min(...indexes) : 0;
  const top = indexes.length ? Math.max(...indexes) : -1;
  return {
    attributes: new Map(),
    start: 0,
    count: values.length,
    sum: values.reduce((a, b) => a + b, 0),
    scale,
    zeroCount: zero,
    positive: { offset, counts: Array.from({ length: top - offset + 1 }, (_, k) => counts.get(offset + k) ?? 0) },
    negative: { offset: 0, counts: [] },
  };
}

const total = (bins: Map<number, number>) => [...bins.values()].reduce((a, b) => a + b, 0);
const asBinCounts = (bins: Map<number, number>) => [...bins].map(([bin, count]) => ({ bin, count }));
const exact = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.max(0, Math.ceil(p * values.length) - 1)];

describe("exponential buckets to fixed bins", () => {
  it.each([-2, 0, 3, 6, 10])("keeps every count at scale %i", (scale) => {
    const next = rng(scale + 100);
    const values = Array.from({ length: 5000 }, () => 0.001 + next() ** 3 * 4); // 1 ms … 4 s, skewed low
    const bins = exponentialToBins(record(values, scale), RESPONSE_TIME_BINS);
    expect(total(bins)).toBe(5000);
    for (const key of bins.keys()) expect(key % 10).toBe(0);
  });

  it("puts a percentile within its bucket's width of the true one (scale 3: ±9 %, never finer than 10 ms)", () => {
    const next = rng(7);
    const values = Array.from({ length: 20_000 }, () => 0.002 + next() ** 2 * 2.5);
    const bins = asBinCounts(exponentialToBins(record(values, 3), RESPONSE_TIME_BINS));
    for (const p of [0.5, 0.75, 0.95, 0.99]) {
      const truth = exact(values, p) * 1000;
      const estimate = percentile(bins, p)!;
      expect(Math.abs(estimate - truth), `p${p * 100}: ${estimate} vs ${truth}`).toBeLessThanOrEqual(
        Math.max(truth * (2 ** (1 / 8) - 1), 10),
      );
    }
  });

  it("sends zero and negative values to bin 0, and spreads a wide bucket over the bins it covers", () => {
    const p = record([0, 0, 3.0, 3.05, 3.1, 3.15, 3.2], 3);
    p.negative = { offset: 0, counts: [2] };
    const bins = exponentialToBins(p, RESPONSE_TIME_BINS);
    expect(bins.get(0)).toBe(4);
    expect(total(bins)).toBe(9);
    // 2.83 s … 3.08 s and 3.08 s … 3.36 s: 5 values over ~55 bins of 10 ms, each somewhere inside.
    for (const key of [...bins.keys()].filter((k) => k > 0)) expect(key >= 2820 && key < 3370).toBe(true);
  });

  it("bins sizes by KB and caps the work for huge buckets", () => {
    const bins = exponentialToBins(record([1e12, 1e12, 500, 1500], 3), SIZE_BINS);
    expect(total(bins)).toBe(4);
    expect(bins.get(0)).toBe(1);
    expect(bins.get(1)).toBe(1);
    expect(bins.size).toBeLessThanOrEqual(4);
  });
});
