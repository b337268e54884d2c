// Response times over the window: p50/p75/p95/p99 per bucket and the whole-window
// histogram, from the 10 ms bins. For the Endpoints view (all endpoints in the filters)
// and the drill-down (one endpoint).
import { BUCKET_MINUTES } from "@/lib/buckets";
import { sql } from "@/lib/db";
import type { Filters } from "@/lib/filters";
import { binsByKey, normaliseBins, P50_TO_P99, percentiles, type BinCount } from "@/lib/stats/percentiles";
import { fillSeries, type SeriesPoint } from "@/lib/stats/series";
import { binRowsFrom } from "./source";
import { bucketSql } from "./where";

export type ResponseTimePercentiles = {
  p50: number | null;
  p75: number | null;
  p95: number | null;
  p99: number | null;
};
export type ResponseTimePoint = SeriesPoint & ResponseTimePercentiles;

export interface ResponseTimes {
  overall: ResponseTimePercentiles;
  points: ResponseTimePoint[];
  /** 10 ms bins over the whole window, ascending. */
  histogram: BinCount[];
}

export async function getResponseTimes(appId: number, f: Filters): Promise<ResponseTimes> {
  const bins = binRowsFrom(appId, f, [0], { grain: BUCKET_MINUTES[f.window.bucket] });
  const rows = await sql().all<{ bucket: number; bin: number; count: number }>(
    `SELECT ${bucketSql(`"r"."minute"`, f.window.bucket)} AS "bucket", "r"."bin" AS "bin", SUM("r"."count") AS "count"
     FROM ${bins.text} GROUP BY 1, 2`,
    bins.params,
  );
  const byBucket = binsByKey(rows.map((r) => ({ key: Number(r.bucket), bin: r.bin, count: r.count })));
  const histogram = normaliseBins([...byBucket.values()].flat());
  const none = (): ResponseTimePercentiles => ({ p50: null, p75: null, p95: null, p99: null });
  return {
    overall: percentiles(histogram, P50_TO_P99),
    points: fillSeries(f.window, new Map([...byBucket].map(([b, bins]) => [b, percentiles(bins, P50_TO_P99)])), none),
    histogram,
  };
}
