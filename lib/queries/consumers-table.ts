// The Consumers view's table: each visible consumer with traffic in the window, with a
// small trend of its requests per bucket.
import { bucketStarts } from "@/lib/buckets";
import { sql } from "@/lib/db";
import type { Filters } from "@/lib/filters";
import { and, bucketSql, ERRORS_SUM, filterWhere, rollupColumns, VISIBLE_CONSUMER } from "./where";

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
  const where = and(filterWhere(appId, f, rollupColumns("RequestRollup")), `"RequestRollup"."consumerId" <> 0`);
  const visible = and(where, VISIBLE_CONSUMER);
  const [rows, trendRows] = await Promise.all([
    sql().all<{ id: number; identifier: string; name: string | null; groupId: number | null; groupName: string | null; requests: number; errors: number; lastMinute: number }>(
      `SELECT "Consumer"."id" AS "id", "Consumer"."identifier" AS "identifier", "Consumer"."name" AS "name",
         "Consumer"."groupId" AS "groupId", "ConsumerGroup"."name" AS "groupName",
         SUM("RequestRollup"."requestCount") AS "requests", ${ERRORS_SUM("RequestRollup")} AS "errors", MAX("RequestRollup"."minute") AS "lastMinute"
       FROM "RequestRollup"
         JOIN "Consumer" ON "Consumer"."appId" = "RequestRollup"."appId" AND "Consumer"."id" = "RequestRollup"."consumerId"
         LEFT JOIN "ConsumerGroup" ON "ConsumerGroup"."appId" = "Consumer"."appId" AND "ConsumerGroup"."id" = "Consumer"."groupId"
       WHERE ${visible.text}
       GROUP BY "Consumer"."id", "Consumer"."identifier", "Consumer"."name", "Consumer"."groupId", "ConsumerGroup"."name"
       ORDER BY 6 DESC, 1 LIMIT ${CONSUMER_LIST_LIMIT}`,
      visible.params,
    ),
    sql().all<{ id: number; bucket: number; requests: number }>(
      `SELECT "RequestRollup"."consumerId" AS "id", ${bucketSql(`"RequestRollup"."minute"`, f.window.bucket)} AS "bucket",
         SUM("RequestRollup"."requestCount") AS "requests"
       FROM "RequestRollup" WHERE ${where.text} GROUP BY 1, 2`,
      where.params,
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
