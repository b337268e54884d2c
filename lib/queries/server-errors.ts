// Server errors: exceptions the clients captured on 500 responses, grouped by fingerprint.
// The list leaves tracebacks out (up to 64 KB each); the view loads one on expand.
import { sql } from "@/lib/db";
import type { Filters } from "@/lib/filters";
import { CONSUMERS_COUNT } from "./aggregates";
import { ERROR_KINDS, ERROR_LIST_LIMIT, errorFrom, errorRollupColumns, statusAllows } from "./error-kinds";
import { filterWhere } from "./where";

export interface ServerErrorRow {
  id: number;
  endpointId: number;
  method: string;
  path: string;
  type: string;
  msg: string;
  count: number;
  consumers: number;
  /** When the error was first ever seen (any filter), epoch seconds. */
  firstSeen: number;
  /**
   * When it last occurred within the filters, epoch seconds: the exact time stored with the
   * error when that falls in the last minute the filters see, else the start of that minute;
   * never before firstSeen.
   */
  lastSeen: number;
  sentryEventId: string | null;
}

export async function getServerErrors(appId: number, f: Filters): Promise<ServerErrorRow[]> {
  if (!statusAllows(f, ERROR_KINDS.server.statusCodes)) return [];
  const where = filterWhere(appId, f, errorRollupColumns("server"));
  const rows = await sql().all<Omit<ServerErrorRow, "lastSeen"> & { lastMinute: number; storedLastSeen: number }>(
    `SELECT "ServerError"."id" AS "id", "ServerError"."endpointId" AS "endpointId", "Endpoint"."method" AS "method", "Endpoint"."path" AS "path",
       "ServerError"."type" AS "type", "ServerError"."msg" AS "msg", "ServerError"."firstSeen" AS "firstSeen", "ServerError"."lastSeen" AS "storedLastSeen",
       "ServerError"."sentryEventId" AS "sentryEventId",
       SUM("ServerErrorRollup"."count") AS "count", ${CONSUMERS_COUNT(`"ServerErrorRollup"."consumerId"`)} AS "consumers",
       MAX("ServerErrorRollup"."minute") AS "lastMinute"
     FROM ${errorFrom("server")}
       JOIN "Endpoint" ON "Endpoint"."appId" = "ServerError"."appId" AND "Endpoint"."id" = "ServerError"."endpointId"
     WHERE ${where.text}
     GROUP BY "ServerError"."id", "ServerError"."endpointId", "Endpoint"."method", "Endpoint"."path", "ServerError"."type", "ServerError"."msg",
       "ServerError"."firstSeen", "ServerError"."lastSeen", "ServerError"."sentryEventId"
     ORDER BY 10 DESC, 1 LIMIT ${ERROR_LIST_LIMIT}`,
    where.params,
  );
  return rows.map((r) => ({
    id: Number(r.id),
    endpointId: Number(r.endpointId),
    method: r.method,
    path: r.path,
    type: r.type,
    msg: r.msg,
    count: Number(r.count),
    consumers: Number(r.consumers),
    firstSeen: Number(r.firstSeen),
    lastSeen: Math.max(Number(r.firstSeen), exactLastSeen(Number(r.lastMinute), Number(r.storedLastSeen))),
    sentryEventId: r.sentryEventId,
  }));
}

/**
 * The time of the last occurrence the filters see: rollups keep only its minute, the error
 * row keeps the exact time of its latest occurrence, which is the one when it is in that minute.
 */
export function exactLastSeen(lastMinute: number, storedLastSeen: number): number {
  const start = lastMinute * 60;
  return storedLastSeen >= start && storedLastSeen < start + 60 ? storedLastSeen : start;
}

/** The traceback of one server error of the app, or null when there is none / no such error. */
export async function getServerErrorTraceback(appId: number, errorId: number): Promise<string | null> {
  const [row] = await sql().all<{ traceback: string | null }>(
    `SELECT "ServerError"."traceback" AS "traceback" FROM "ServerError" WHERE "ServerError"."appId" = ? AND "ServerError"."id" = ?`,
    [appId, errorId],
  );
  return row?.traceback ?? null;
}
