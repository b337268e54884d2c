// The WHERE clause over request logs: the shared filters mean what they mean in every view
// (filterWhere, with the log's epoch seconds for minutes), plus the Requests view's own.
// Request logs have no endpoint id: an endpoint filter matches the log's method and route.
import type { Filters } from "@/lib/filters";
import type { RequestFilters } from "@/lib/request-filters";
import { base64Fragments } from "@/lib/requests/body";
import { and, filterWhere, likePattern, type Clause } from "./where";

const col = (c: string) => `"RequestLog"."${c}"`;

function endpointClause(appId: number, f: Filters): Clause | null {
  const e = f.endpoint;
  const parts: Clause[] = [];
  if (e && "id" in e) {
    parts.push({
      text: `EXISTS (SELECT 1 FROM "Endpoint" WHERE "Endpoint"."appId" = ? AND "Endpoint"."id" = ?
        AND "Endpoint"."method" = ${col("method")} AND "Endpoint"."path" = ${col("path")})`,
      params: [appId, e.id],
    });
  }
  if (e && "pattern" in e) {
    // LOWER on both sides: SQLite's LIKE ignores ASCII case, PostgreSQL's does not.
    parts.push({ text: `LOWER(${col("path")}) LIKE LOWER(?) ESCAPE '\\'`, params: [likePattern(e.pattern)] });
    if (e.method) parts.push({ text: `${col("method")} = ?`, params: [e.method] });
  }
  if (f.method) parts.push({ text: `${col("method")} = ?`, params: [f.method] });
  return parts.length ? and(...parts) : null;
}

/**
 * Candidates for "body contains": base64 text holding one of the needle's fragments. SQLite's
 * LIKE ignores case, so it may let through more than PostgreSQL's: callers confirm each row.
 */
function bodyClause(column: string, needle: string | null): Clause | null {
  if (!needle) return null;
  const fragments = base64Fragments(needle);
  return {
    text: fragments.map(() => `${col(column)} LIKE ?`).join(" OR "),
    params: fragments.map((f) => `%${f}%`),
  };
}

export function requestWhere(appId: number, f: Filters, r: RequestFilters): Clause {
  // The endpoint and method filters are endpointClause's, so filterWhere never reads the endpoint column.
  const shared = filterWhere(
    appId,
    { ...f, endpoint: null, method: null },
    {
      appId: col("appId"),
      minute: col("ts"),
      env: col("envId"),
      endpoint: "NULL",
      consumer: col("consumerId"),
      statusColumn: col("statusCode"),
    },
    { from: f.window.from * 60, to: f.window.to * 60 },
  );
  return and(
    shared,
    endpointClause(appId, f),
    r.url ? { text: `LOWER(${col("url")}) LIKE LOWER(?) ESCAPE '\\'`, params: [likePattern(r.url)] } : null,
    r.minMs !== null ? { text: `${col("responseTimeMs")} >= ?`, params: [r.minMs] } : null,
    r.maxMs !== null ? { text: `${col("responseTimeMs")} <= ?`, params: [r.maxMs] } : null,
    r.ip ? { text: `${col("clientIp")} = ?`, params: [r.ip] } : null,
    r.country ? { text: `${col("clientCountry")} = ?`, params: [r.country] } : null,
    r.exception === null ? null : `${col("exception")} IS ${r.exception ? "NOT " : ""}NULL`,
    bodyClause("requestBody", r.reqBody),
    bodyClause("responseBody", r.resBody),
    r.cursor
      ? {
          text: `${col("ts")} < ? OR (${col("ts")} = ? AND ${col("uuid")} < ?)`,
          params: [r.cursor.ts, r.cursor.ts, r.cursor.id],
        }
      : null,
  );
}
