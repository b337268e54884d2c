// The Consumers view's table: each visible consumer with traffic in the window, with a
// small trend of its requests per bucket.
import { BUCKET_MINUTES, bucketStarts } from "@/lib/buckets";
import { sql } from "@/lib/db";
import type { Filters } from "@/lib/filters";
import { VISIBLE_CONSUMER } from "./aggregates";
import { JOIN_CONSUMER, perConsumer } from "./per-consumer";
import { requestRowsFrom } from "./source";
import { bucketSql } from "./where";

export interface ConsumerRow {
  id: number;
  identifier: string;
  name: string | null;
  groupId: number | null;
  groupName: string | null;
  requests: number;
  errorRate: number | null;
  /** Start of the last minute with a request (within the filters), epoch seconds. */
  lastRequest: number;
  /** Requests per chart bucket, oldest first. */
  trend: number[];
}

export const CONSUMER_LIST_LIMIT = 1000;

export async function getConsumersTable(appId: number, f: Filters): Promise<ConsumerRow[]> {
  const totals = perConsumer(requestRowsFrom(appId, f, { needs: ["consumer"] }));
  const perBucket = requestRowsFrom(appId, f, { needs: ["consumer"], grain: BUCKET_MINUTES[f.window.bucket] });
  const [rows, trendRows] = await Promise.all([
    sql().all<{
      id: number;
      identifier: string;
      name: string | null;
      groupId: number | null;
      groupName: string | null;
      requests: number;
      errors: number;
      lastMinute: number;
    }>(
      `SELECT "Consumer"."id" AS "id", "Consumer"."identifier" AS "identifier", "Consumer"."name" AS "name",
         "Consumer"."groupId" AS "groupId", "ConsumerGroup"."name" AS "groupName",
         "c"."requests" AS "requests", "c"."errors" AS "errors", "c"."lastMinute" AS "lastMinute"
       FROM ${totals.text} ${JOIN_CONSUMER}
         LEFT JOIN "ConsumerGroup"
           ON "ConsumerGroup"."appId" = "Consumer"."appId" AND "ConsumerGroup"."id" = "Consumer"."groupId"
       WHERE ${VISIBLE_CONSUMER}
       ORDER BY 6 DESC, 1 LIMIT ${CONSUMER_LIST_LIMIT}`,
      [...totals.params, appId],
    ),
    sql().all<{ id: number; bucket: number; requests: number }>(
      `SELECT "r"."consumerId" AS "id", ${bucketSql(`"r"."minute"`, f.window.bucket)} AS "bucket",
         SUM("r"."requestCount") AS "requests"
       FROM ${perBucket.text} WHERE "r"."consumerId" <> 0 GROUP BY 1, 2`,
      perBucket.params,
    ),
  ]);
  const starts = bucketStarts(f.window);
  const index = new Map(starts.map((s, i) => [s, i]));
  const trends = new Map<number, number[]>();
  for (const r of trendRows) {
    const trend = trends.get(Number(r.id)) ?? new Array<number>(starts.length).fill(0);
    trend[index.get(Number(r.bucket)) ?? 0] += Number(r.requests);
    trends.set(Number(r.id), trend);
  }
  return rows.map((r) => ({
    id: Number(r.id),
    identifier: r.identifier,
    name: r.name,
    groupId: r.groupId == null ? null : Number(r.groupId),
    groupName: r.groupName,
    requests: Number(r.requests),
    errorRate: Number(r.requests) ? Number(r.errors) / Number(r.requests) : null,
    lastRequest: Number(r.lastMinute) * 60,
    trend: trends.get(Number(r.id)) ?? [],
  }));
}
