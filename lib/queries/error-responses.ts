// The Errors view's table: 4xx and 5xx responses per status code and endpoint.
import { sql } from "@/lib/db";
import type { Filters } from "@/lib/filters";
import { and, CONSUMERS_COUNT, filterWhere, rollupColumns } from "./where";

export interface ErrorResponseRow {
  endpointId: number;
  method: string;
  path: string;
  statusCode: number;
  occurrences: number;
  /** Distinct identified consumers that got this response. */
  consumers: number;
  /** Start of the last minute with such a response, epoch seconds. */
  lastSeen: number;
}

export async function getErrorResponses(appId: number, f: Filters): Promise<ErrorResponseRow[]> {
  const where = and(filterWhere(appId, f, rollupColumns("RequestRollup")), `"RequestRollup"."statusCode" >= 400`);
  const rows = await sql().all<Omit<ErrorResponseRow, "lastSeen"> & { lastMinute: number }>(
    `SELECT "RequestRollup"."endpointId" AS "endpointId", "Endpoint"."method" AS "method", "Endpoint"."path" AS "path",
       "RequestRollup"."statusCode" AS "statusCode", SUM("RequestRollup"."requestCount") AS "occurrences",
       ${CONSUMERS_COUNT(`"RequestRollup"."consumerId"`)} AS "consumers", MAX("RequestRollup"."minute") AS "lastMinute"
     FROM "RequestRollup" JOIN "Endpoint" ON "Endpoint"."appId" = "RequestRollup"."appId" AND "Endpoint"."id" = "RequestRollup"."endpointId"
     WHERE ${where.text}
     GROUP BY "RequestRollup"."endpointId", "Endpoint"."method", "Endpoint"."path", "RequestRollup"."statusCode"
     ORDER BY 5 DESC, 4, 1`,
    where.params,
  );
  return rows.map((r) => ({
    endpointId: Number(r.endpointId),
    method: r.method,
    path: r.path,
    statusCode: Number(r.statusCode),
    occurrences: Number(r.occurrences),
    consumers: Number(r.consumers),
    lastSeen: Number(r.lastMinute) * 60,
  }));
}
