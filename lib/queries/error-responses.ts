// The Errors view's table: 4xx and 5xx responses per status code and endpoint.
import { sql } from "@/lib/db";
import type { Filters } from "@/lib/filters";
import { CONSUMERS_COUNT } from "./aggregates";
import { requestRowsFrom } from "./source";

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
  // Distinct consumers per endpoint and status: from the tables of error rows only.
  const src = requestRowsFrom(appId, f, { needs: ["endpoint", "consumer", "status"], minStatus: 400 });
  const rows = await sql().all<Omit<ErrorResponseRow, "lastSeen"> & { lastMinute: number }>(
    `SELECT "g"."endpointId" AS "endpointId", "Endpoint"."method" AS "method", "Endpoint"."path" AS "path",
       "g"."statusCode" AS "statusCode", "g"."occurrences" AS "occurrences", "g"."consumers" AS "consumers",
       "g"."lastMinute" AS "lastMinute"
     FROM (SELECT "r"."endpointId" AS "endpointId", "r"."statusCode" AS "statusCode",
         SUM("r"."requestCount") AS "occurrences",
         ${CONSUMERS_COUNT(`"r"."consumerId"`)} AS "consumers", MAX("r"."lastMinute") AS "lastMinute"
       FROM ${src.text} GROUP BY "r"."endpointId", "r"."statusCode") AS "g"
       JOIN "Endpoint" ON "Endpoint"."appId" = ? AND "Endpoint"."id" = "g"."endpointId"
     ORDER BY 5 DESC, 4, 1`,
    [...src.params, appId],
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
