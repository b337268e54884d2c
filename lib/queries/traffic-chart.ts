// Requests over time stacked by status class, plus the per-bucket values behind every
// headline number (the stat cards switch the chart between them).
import { BUCKET_MINUTES, type Bucket } from "@/lib/buckets";
import { sql } from "@/lib/db";
import type { Filters } from "@/lib/filters";
import { fillSeries, groupByBucket, type Filled, type SeriesPoint } from "@/lib/stats/series";
import type { StatusClass } from "@/lib/status";
import { CONSUMERS_COUNT } from "./aggregates";
import { requestRowsFrom } from "./source";
import { bucketSql } from "./where";

export interface TrafficValues extends Record<StatusClass, number> {
  requests: number;
  errors: number;
  bytesIn: number;
  bytesOut: number;
  consumers: number;
}
export type TrafficPoint = SeriesPoint & Filled<TrafficValues>;

export interface TrafficChart {
  bucket: Bucket;
  bucketMinutes: number;
  points: TrafficPoint[];
}

const zero = (): TrafficValues => ({
  "1xx": 0,
  "2xx": 0,
  "3xx": 0,
  "4xx": 0,
  "5xx": 0,
  requests: 0,
  errors: 0,
  bytesIn: 0,
  bytesOut: 0,
  consumers: 0,
});

export async function getTrafficChart(appId: number, f: Filters): Promise<TrafficChart> {
  const { bucket } = f.window;
  const grain = BUCKET_MINUTES[bucket];
  const sums = requestRowsFrom(appId, f, { grain });
  const consumerRows = requestRowsFrom(appId, f, { grain, needs: ["consumer"] });
  const b = bucketSql(`"r"."minute"`, bucket);
  const [byClass, consumers] = await Promise.all([
    sql().all<{ bucket: number; cls: number; requests: number; bytesIn: number; bytesOut: number }>(
      `SELECT ${b} AS "bucket", "r"."statusCode" / 100 AS "cls", SUM("r"."requestCount") AS "requests",
         SUM("r"."requestSizeSum") AS "bytesIn", SUM("r"."responseSizeSum") AS "bytesOut"
       FROM ${sums.text} GROUP BY 1, 2`,
      sums.params,
    ),
    sql().all<{ bucket: number; consumers: number }>(
      `SELECT ${b} AS "bucket", ${CONSUMERS_COUNT(`"r"."consumerId"`)} AS "consumers"
       FROM ${consumerRows.text} GROUP BY 1`,
      consumerRows.params,
    ),
  ]);
  const values = groupByBucket(byClass, zero, (acc, r) => {
    const n = Number(r.requests);
    const cls = `${Number(r.cls)}xx` as StatusClass;
    if (cls in acc) acc[cls] += n;
    acc.requests += n;
    if (Number(r.cls) >= 4) acc.errors += n;
    acc.bytesIn += Number(r.bytesIn);
    acc.bytesOut += Number(r.bytesOut);
  });
  for (const r of consumers) {
    const v = values.get(Number(r.bucket));
    if (v) v.consumers = Number(r.consumers);
  }
  return { bucket, bucketMinutes: BUCKET_MINUTES[bucket], points: fillSeries(f.window, values, zero) };
}
