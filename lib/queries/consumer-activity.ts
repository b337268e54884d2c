// Unique consumers over time, split into new (first seen in that bucket) and returning.
// "First seen" is the consumer's first request ever (Consumer.firstSeen), not the first
// in the window: a consumer active all month is returning on day two.
import { BUCKET_MINUTES } from "@/lib/buckets";
import { sql } from "@/lib/db";
import type { Filters } from "@/lib/filters";
import { fillSeries, type Filled, type SeriesPoint } from "./series";
import { requestSource } from "./source";
import { bucketSql } from "./where";

export interface ConsumerActivity {
  active: number;
  new: number;
  returning: number;
}
export type ConsumerActivityPoint = SeriesPoint & Filled<ConsumerActivity>;

export async function getConsumerActivity(appId: number, f: Filters): Promise<ConsumerActivityPoint[]> {
  const src = requestSource(appId, f, { needs: ["consumer"], grain: BUCKET_MINUTES[f.window.bucket] });
  const b = bucketSql(`"r"."minute"`, f.window.bucket);
  const firstMinute = `("Consumer"."firstSeen" / 60)`;
  const rows = await sql().all<{ bucket: number; active: number; new: number }>(
    `SELECT ${b} AS "bucket", COUNT(DISTINCT "r"."consumerId") AS "active",
       COUNT(DISTINCT CASE WHEN ${firstMinute} >= ${b} AND ${firstMinute} < ${b} + ${BUCKET_MINUTES[f.window.bucket]}
         THEN "r"."consumerId" END) AS "new"
     FROM ${src.text} JOIN "Consumer" ON "Consumer"."appId" = "r"."appId" AND "Consumer"."id" = "r"."consumerId"
     WHERE "r"."consumerId" <> 0 GROUP BY 1`,
    src.params,
  );
  const byBucket = new Map(
    rows.map((r) => [Number(r.bucket), { active: Number(r.active), new: Number(r.new), returning: Number(r.active) - Number(r.new) }]),
  );
  return fillSeries(f.window, byBucket, () => ({ active: 0, new: 0, returning: 0 }));
}
