// Requests over time stacked by status class, plus the per-bucket values behind every
// headline number (the stat cards switch the chart between them).
import { BUCKET_MINUTES, type Bucket } from "@/lib/buckets";
import { sql } from "@/lib/db";
import type { Filters } from "@/lib/filters";
import type { StatusClass } from "@/lib/status";
import { fillSeries, groupByBucket, type Filled, type SeriesPoint } from "./series";
import { bucketSql, CONSUMERS_COUNT, filterWhere, rollupColumns } from "./where";


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

const zero = (): TrafficValues => ({ "1xx": 0, "2xx": 0, "3xx": 0, "4xx": 0, "5xx": 0, requests: 0, errors: 0, bytesIn: 0, bytesOut: 0, consumers: 0 });

export async function getTrafficChart(appId: number, f: Filters): Promise<TrafficChart> {
  const { bucket } = f.window;
  const where = filterWhere(appId, f, rollupColumns("RequestRollup"));
  const b = bucketSql(`"RequestRollup"."minute"`, bucket);
  const [byClass, consumers] = await Promise.all([
    sql().all<{ bucket: number; cls: number; requests: number; bytesIn: number; bytesOut: number }>(
      `SELECT ${b} AS "bucket", "RequestRollup"."statusCode" / 100 AS "cls", SUM("RequestRollup"."requestCount") AS "requests",
         SUM("RequestRollup"."requestSizeSum") AS "bytesIn", SUM("RequestRollup"."responseSizeSum") AS "bytesOut"
       FROM "RequestRollup" WHERE ${where.text} GROUP BY 1, 2`,
      where.params,
    ),
    sql().all<{ bucket: number; consumers: number }>(
      `SELECT ${b} AS "bucket", ${CONSUMERS_COUNT(`"RequestRollup"."consumerId"`)} AS "consumers"
       FROM "RequestRollup" WHERE ${where.text} GROUP BY 1`,
      where.params,
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
