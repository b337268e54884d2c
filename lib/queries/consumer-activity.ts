// Unique consumers over time, split into new (first seen in that bucket) and returning.
// "First seen" is the consumer's first request ever (Consumer.firstSeen), not the first
// in the window: a consumer active all month is returning on day two.
import { BUCKET_MINUTES } from "@/lib/buckets";
import { sql } from "@/lib/db";
import type { Filters } from "@/lib/filters";
import { fillSeries, type Filled, type SeriesPoint } from "./series";
import { and, bucketSql, filterWhere, rollupColumns } from "./where";

export interface ConsumerActivity {
  active: number;
  new: number;
  returning: number;
}
export type ConsumerActivityPoint = SeriesPoint & Filled<ConsumerActivity>;

export async function getConsumerActivity(appId: number, f: Filters): Promise<ConsumerActivityPoint[]> {
  const where = and(filterWhere(appId, f, rollupColumns("RequestRollup")), `"RequestRollup"."consumerId" <> 0`);
  const b = bucketSql(`"RequestRollup"."minute"`, f.window.bucket);
  const firstMinute = `("Consumer"."firstSeen" / 60)`;
  const rows = await sql().all<{ bucket: number; active: number; new: number }>(
    `SELECT ${b} AS "bucket", COUNT(DISTINCT "RequestRollup"."consumerId") AS "active",
       COUNT(DISTINCT CASE WHEN ${firstMinute} >= ${b} AND ${firstMinute} < ${b} + ${BUCKET_MINUTES[f.window.bucket]}
         THEN "RequestRollup"."consumerId" END) AS "new"
     FROM "RequestRollup" JOIN "Consumer" ON "Consumer"."appId" = "RequestRollup"."appId" AND "Consumer"."id" = "RequestRollup"."consumerId"
     WHERE ${where.text} GROUP BY 1`,
    where.params,
  );
  const byBucket = new Map(
    rows.map((r) => [Number(r.bucket), { active: Number(r.active), new: Number(r.new), returning: Number(r.active) - Number(r.new) }]),
  );
  return fillSeries(f.window, byBucket, () => ({ active: 0, new: 0, returning: 0 }));
}
