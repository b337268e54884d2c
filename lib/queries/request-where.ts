// The WHERE clause over request logs: the shared filters mean what they mean in every view
// (filterWhere, with the log's epoch seconds for minutes), plus the Requests view's own.
// Request logs have no endpoint id: an endpoint filter matches the log's method and route.
import type { Filters } from "@/lib/filters";
import type { RequestFilters } from "@/lib/request-filters";
import { bodyCandidates, urlCandidates } from "./log-search";
import { and, filterWhere, likePattern, lowerLike, type Clause } from "./where";

const col = (c: string) => `"RequestLog"."${c}"`;

function endpointClause(appId: number, f: Filters): Clause | null {
  const e = f.endpoint;
  const parts: Clause[] = [];
  if (e && "id" in e) {
    // The endpoint's route and method as values, not a correlated EXISTS: the (appId, path, ts) index then gives
    // its logs newest first. No such endpoint: NULL, equal to nothing.
    const of = (c: string) =>
      `(SELECT "Endpoint"."${c}" FROM "Endpoint" WHERE "Endpoint"."appId" = ? AND "Endpoint"."id" = ?)`;
    parts.push({
      text: `${col("path")} = ${of("path")} AND ${col("method")} = ${of("method")}`,
      params: [appId, e.id, appId, e.id],
    });
  }
  if (e && "pattern" in e) {
    parts.push({ text: lowerLike(col("path")), params: [likePattern(e.pattern)] });
    if (e.method) parts.push({ text: `${col("method")} = ?`, params: [e.method] });
  }
  if (f.method) parts.push({ text: `${col("method")} = ?`, params: [f.method] });
  return parts.length ? and(...parts) : null;
}

export function requestWhere(appId: number, f: Filters, r: RequestFilters): Clause {
  // The endpoint and method filters are endpointClause's, so filterWhere never reads the endpoint column.
  const shared = filterWhere(
    appId,
    { ...f, endpoint: null, method: null, group: null },
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
    // "+ 0": a group holds many consumers; read in time order, not one consumer at a time through the
    // (appId, consumerId, ts) index and sorted after (PostgreSQL picked that for a big group: 0.3 s instead of 12 ms).
    f.group
      ? {
          text: `${col("consumerId")} + 0 IN (SELECT "Consumer"."id" FROM "Consumer"
             WHERE "Consumer"."appId" = ? AND "Consumer"."groupId" = ?)`,
          params: [appId, f.group],
        }
      : null,
    r.url ? { text: lowerLike(col("url")), params: [likePattern(r.url)] } : null,
    r.url ? urlCandidates(likePattern(r.url)) : null,
    r.minMs !== null ? { text: `${col("responseTimeMs")} >= ?`, params: [r.minMs] } : null,
    r.maxMs !== null ? { text: `${col("responseTimeMs")} <= ?`, params: [r.maxMs] } : null,
    r.ip ? { text: `${col("clientIp")} = ?`, params: [r.ip] } : null,
    r.country ? { text: `${col("clientCountry")} = ?`, params: [r.country] } : null,
    r.exception === null ? null : `${col("exception")} IS ${r.exception ? "NOT " : ""}NULL`,
    bodyCandidates("requestBody", r.reqBody),
    bodyCandidates("responseBody", r.resBody),
    // The keyset, with its plain upper bound first: an OR alone is no index range to the planners, so every page
    // would read the index from the newest log down to the cursor (an export's pages got slower the deeper they went).
    r.cursor
      ? {
          text: `${col("ts")} <= ? AND (${col("ts")} < ? OR (${col("ts")} = ? AND ${col("uuid")} < ?))`,
          params: [r.cursor.ts, r.cursor.ts, r.cursor.ts, r.cursor.id],
        }
      : null,
  );
}
