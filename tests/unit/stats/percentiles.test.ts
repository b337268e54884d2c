import { describe, expect, it } from "vitest";
import { apdex } from "@/lib/stats/apdex";
import { binsByKey, normaliseBins, P50_TO_P99, percentile, percentiles } from "@/lib/stats/percentiles";

describe("percentile from 10 ms bins", () => {
  it("interpolates linearly inside the bin that holds the rank", () => {
    // 10 requests: 4 in [0,10), 4 in [10,20), 2 in [100,110)
    const bins = [
      { bin: 0, count: 4 },
      { bin: 10, count: 4 },
      { bin: 100, count: 2 },
    ];
    expect(percentile(bins, 0.5)).toBe(12.5); // rank 5: 1 of 4 into bin 10
    expect(percentile(bins, 0.4)).toBe(10); // rank 4: the upper edge of bin 0
    expect(percentile(bins, 0.95)).toBe(107.5); // rank 9.5: 1.5 of 2 into bin 100
    expect(percentile(bins, 1)).toBe(110);
    expect(percentile(bins, 0.1)).toBe(2.5);
  });

  it("puts the median of a single request in the middle of its bin", () => {
    expect(percentile([{ bin: 120, count: 1 }], 0.5)).toBe(125);
  });

  it("is null without data and ignores empty bins, order and duplicates", () => {
    expect(percentile([], 0.5)).toBeNull();
    expect(percentile([{ bin: 50, count: 0 }], 0.5)).toBeNull();
    const shuffled = [
      { bin: 100, count: 1 },
      { bin: 0, count: 2 },
      { bin: 100, count: 1 },
      { bin: 30, count: 0 },
    ];
    expect(normaliseBins(shuffled)).toEqual([
      { bin: 0, count: 2 },
      { bin: 100, count: 2 },
    ]);
    expect(percentile(shuffled, 0.75)).toBe(105);
  });

  it("supports other bin widths (1 KB size bins)", () => {
    expect(percentile([{ bin: 2, count: 4 }], 0.5, 1)).toBe(2.5);
  });

  it("rejects p outside (0, 1]", () => {
    expect(() => percentile([{ bin: 0, count: 1 }], 0)).toThrow(RangeError);
    expect(() => percentile([{ bin: 0, count: 1 }], 1.5)).toThrow(RangeError);
  });

  it("computes p50/p75/p95/p99 together", () => {
    const bins = Array.from({ length: 100 }, (_, i) => ({ bin: i * 10, count: 1 })); // one request per bin 0..990
    expect(percentiles(bins, P50_TO_P99)).toEqual({ p50: 500, p75: 750, p95: 950, p99: 990 });
  });

  it("groups SQL rows by key", () => {
    const m = binsByKey([
      { key: 1, bin: 0, count: 2 },
      { key: 2, bin: 10, count: 1 },
      { key: 1, bin: 20, count: 3 },
    ]);
    expect(m.get(1)).toEqual([
      { bin: 0, count: 2 },
      { bin: 20, count: 3 },
    ]);
  });
});

describe("apdex from bins", () => {
  it("counts bins wholly ≤ T satisfied, wholly ≤ 4T tolerating, the rest frustrated", () => {
    const bins = [
      { bin: 0, count: 50 },
      { bin: 490, count: 10 }, // [490, 500) ≤ 500: satisfied
      { bin: 500, count: 20 }, // [500, 510): tolerating
      { bin: 1990, count: 10 }, // [1990, 2000) ≤ 2000: tolerating
      { bin: 2000, count: 10 }, // frustrated
    ];
    expect(apdex(bins, 500)).toEqual({
      score: (60 + 30 / 2) / 100,
      thresholdMs: 500,
      satisfied: 60,
      tolerating: 30,
      frustrated: 10,
    });
  });

  it("is null without requests and honours another T", () => {
    expect(apdex([], 500).score).toBeNull();
    expect(apdex([{ bin: 100, count: 4 }], 100).score).toBe(0.5);
    expect(apdex([{ bin: 100, count: 4 }], 110).score).toBe(1);
  });
});
