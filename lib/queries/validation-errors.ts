// Validation errors (field location, message, type) with their counts in the window.
import { sql } from "@/lib/db";
import type { Filters } from "@/lib/filters";
import { CONSUMERS_COUNT } from "./aggregates";
import { ERROR_KINDS, ERROR_LIST_LIMIT, errorFrom, errorRollupColumns, statusAllows } from "./error-kinds";
import { exactLastSeen } from "./server-errors";
import { filterWhere } from "./where";

export interface ValidationErrorRow {
  id: number;
  endpointId: number;
  method: string;
  path: string;
  /** Field location, e.g. ["query", "limit"]. */
  loc: string[];
  msg: string;
  type: string;
  count: number;
  consumers: number;
  /** When it last occurred within the filters (exact when known, else its minute's start), epoch seconds. */
  lastSeen: number;
}

function parseLoc(loc: string): string[] {
  try {
    const v: unknown = JSON.parse(loc);
    return Array.isArray(v) ? v.map(String) : [String(v)];
  } catch {
    return [loc];
  }
}

export async function getValidationErrors(appId: number, f: Filters): Promise<ValidationErrorRow[]> {
  if (!statusAllows(f, ERROR_KINDS.validation.statusCodes)) return [];
  const where = filterWhere(appId, f, errorRollupColumns("validation"));
  const rows = await sql().all<
    Omit<ValidationErrorRow, "loc" | "lastSeen"> & { loc: string; lastMinute: number; storedLastSeen: number }
  >(
    `SELECT "ValidationError"."id" AS "id", "ValidationError"."endpointId" AS "endpointId", "Endpoint"."method" AS "method", "Endpoint"."path" AS "path",
       "ValidationError"."loc" AS "loc", "ValidationError"."msg" AS "msg", "ValidationError"."type" AS "type", "ValidationError"."lastSeen" AS "storedLastSeen",
       SUM("ValidationErrorRollup"."count") AS "count", ${CONSUMERS_COUNT(`"ValidationErrorRollup"."consumerId"`)} AS "consumers",
       MAX("ValidationErrorRollup"."minute") AS "lastMinute"
     FROM ${errorFrom("validation")}
       JOIN "Endpoint" ON "Endpoint"."appId" = "ValidationError"."appId" AND "Endpoint"."id" = "ValidationError"."endpointId"
     WHERE ${where.text}
     GROUP BY "ValidationError"."id", "ValidationError"."endpointId", "Endpoint"."method", "Endpoint"."path", "ValidationError"."loc", "ValidationError"."msg", "ValidationError"."type", "ValidationError"."lastSeen"
     ORDER BY 9 DESC, 1 LIMIT ${ERROR_LIST_LIMIT}`,
    where.params,
  );
  return rows.map((r) => ({
    id: Number(r.id),
    endpointId: Number(r.endpointId),
    method: r.method,
    path: r.path,
    loc: parseLoc(r.loc),
    msg: r.msg,
    type: r.type,
    count: Number(r.count),
    consumers: Number(r.consumers),
    lastSeen: exactLastSeen(Number(r.lastMinute), Number(r.storedLastSeen)),
  }));
}
