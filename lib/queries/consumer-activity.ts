// Unique consumers over time, split into new (first seen in that bucket) and returning.
// "First seen" is the consumer's first request ever (Consumer.firstSeen), not the first
// in the window: a consumer active all month is returning on day two.
import { BUCKET_MINUTES } from "@/lib/buckets";
import { sql } from "@/lib/db";
import type { Filters } from "@/lib/filters";
import { fillSeries, type Filled, type SeriesPoint } from "@/lib/stats/series";
import { requestRowsFrom } from "./source";
import { bucketSql } from "./where";

export interface ConsumerActivity {
  active: number;
  new: number;
  returning: number;
}
export type ConsumerActivityPoint = SeriesPoint & Filled<ConsumerActivity>;

export async function getConsumerActivity(appId: number, f: Filters): Promise<ConsumerActivityPoint[]> {
  const src = requestRowsFrom(appId, f, { needs: ["consumer"], grain: BUCKET_MINUTES[f.window.bucket] });
  const b = bucketSql(`"r"."minute"`, f.window.bucket);
  const firstMinute = `("Consumer"."firstSeen" / 60)`;
  // Distinct (bucket, consumer) pairs first, then one Consumer lookup per pair.
  const rows = await sql().all<{ bucket: number; active: number; new: number }>(
    `SELECT "p"."bucket" AS "bucket", COUNT(*) AS "active",
       SUM(CASE WHEN ${firstMinute} >= "p"."bucket"
         AND ${firstMinute} < "p"."bucket" + ${BUCKET_MINUTES[f.window.bucket]} THEN 1 ELSE 0 END) AS "new"
     FROM (SELECT ${b} AS "bucket", "r"."consumerId" AS "consumerId" FROM ${src.text}
           WHERE "r"."consumerId" <> 0 GROUP BY 1, 2) AS "p"
       JOIN "Consumer" ON "Consumer"."appId" = ? AND "Consumer"."id" = "p"."consumerId"
     GROUP BY "p"."bucket"`,
    [...src.params, appId],
  );
  const byBucket = new Map(
    rows.map((r) => [
      Number(r.bucket),
      { active: Number(r.active), new: Number(r.new), returning: Number(r.active) - Number(r.new) },
    ]),
  );
  return fillSeries(f.window, byBucket, () => ({ active: 0, new: 0, returning: 0 }));
}
