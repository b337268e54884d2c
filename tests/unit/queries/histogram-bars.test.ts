import { describe, expect, it } from "vitest";
import { histogramBars } from "@/components/charts/histogram-bars";

describe("histogram bars", () => {
  it("keeps 10 ms bars when the data spans few bins", () => {
    expect(
      histogramBars([
        { bin: 0, count: 2 },
        { bin: 20, count: 1 },
      ]),
    ).toEqual([
      { from: 0, to: 10, count: 2 },
      { from: 10, to: 20, count: 0 },
      { from: 20, to: 30, count: 1 },
    ]);
  });

  it("merges bins into round widths and folds the tail beyond p99 into one bar", () => {
    // 99 requests between 0 and 990 ms, one outlier at 30 s
    const bins = [...Array.from({ length: 99 }, (_, i) => ({ bin: i * 10, count: 1 })), { bin: 30_000, count: 1 }];
    const bars = histogramBars(bins, 30);
    expect(bars.length).toBeLessThanOrEqual(31);
    expect(bars[0]).toEqual({ from: 0, to: 50, count: 5 });
    expect(bars.at(-1)).toEqual({ from: 1000, to: null, count: 1 });
    expect(bars.reduce((n, b) => n + b.count, 0)).toBe(100);
  });

  it("is empty without data", () => {
    expect(histogramBars([])).toEqual([]);
  });
});
