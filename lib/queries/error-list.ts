// The one error-list question, asked of either error kind: each error with its endpoint, how
// often and by how many consumers it occurred within the filters, and when it last did. The
// kinds differ only in the columns of their own that they show.
import { sql } from "@/lib/db";
import type { Filters } from "@/lib/filters";
import { CONSUMERS_COUNT } from "./aggregates";
import {
  ERROR_KINDS,
  ERROR_LIST_LIMIT,
  errorFrom,
  errorRollupColumns,
  statusAllows,
  type ErrorKind,
} from "./error-kinds";
import { filterWhere } from "./where";

export interface ErrorListRow {
  id: number;
  endpointId: number;
  method: string;
  path: string;
  count: number;
  consumers: number;
  /** When it last occurred within the filters (exact when known, else its minute's start), epoch seconds. */
  lastSeen: number;
}

type Raw = Record<string, unknown> & { lastMinute: number; storedLastSeen: number };

/** Errors of a kind, most frequent first; `columns` are the kind's own, returned as stored. */
export async function listErrors<C extends string>(
  kind: ErrorKind,
  appId: number,
  f: Filters,
  columns: readonly C[],
): Promise<(ErrorListRow & Record<C, unknown>)[]> {
  const { rollup, table, statusCodes } = ERROR_KINDS[kind];
  if (!statusAllows(f, statusCodes)) return [];
  const where = filterWhere(appId, f, errorRollupColumns(kind));
  const own = columns.map((c) => `"${table}"."${c}"`);
  const rows = await sql().all<Raw>(
    `SELECT "${table}"."id" AS "id", "${table}"."endpointId" AS "endpointId", "Endpoint"."method" AS "method",
       "Endpoint"."path" AS "path", "${table}"."lastSeen" AS "storedLastSeen",
       ${own.map((c, i) => `${c} AS "${columns[i]}", `).join("")}SUM("${rollup}"."count") AS "count",
       ${CONSUMERS_COUNT(`"${rollup}"."consumerId"`)} AS "consumers", MAX("${rollup}"."minute") AS "lastMinute"
     FROM ${errorFrom(kind)}
       JOIN "Endpoint" ON "Endpoint"."appId" = "${table}"."appId" AND "Endpoint"."id" = "${table}"."endpointId"
     WHERE ${where.text}
     GROUP BY "${table}"."id", "${table}"."endpointId", "Endpoint"."method", "Endpoint"."path",
       "${table}"."lastSeen"${own.map((c) => `, ${c}`).join("")}
     ORDER BY "count" DESC, 1 LIMIT ${ERROR_LIST_LIMIT}`,
    where.params,
  );
  return rows.map((r) => ({
    ...(Object.fromEntries(columns.map((c) => [c, r[c]])) as Record<C, unknown>),
    id: Number(r.id),
    endpointId: Number(r.endpointId),
    method: String(r.method),
    path: String(r.path),
    count: Number(r.count),
    consumers: Number(r.consumers),
    lastSeen: exactLastSeen(Number(r.lastMinute), Number(r.storedLastSeen)),
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
