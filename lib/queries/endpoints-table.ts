// Every endpoint of the app (from startup or first sync), including never-called ones,
// with its traffic in the window. Endpoint and method filters narrow the list; the other
// filters narrow the numbers.
import { sql } from "@/lib/db";
import type { Filters } from "@/lib/filters";
import { binsByKey, P50_P95, percentiles } from "@/lib/stats/percentiles";
import { ERRORS_SUM } from "./aggregates";
import { ERROR_KINDS, errorFrom, errorRollupColumns, statusAllows } from "./error-kinds";
import { binRowsFrom, requestRowsFrom } from "./source";
import { byText } from "./text-order";
import { and, endpointSubselect, filterWhere } from "./where";

export interface EndpointRow {
  id: number;
  method: string;
  path: string;
  summary: string | null;
  requests: number;
  errors: number;
  errorRate: number | null;
  p50: number | null;
  p95: number | null;
  bytesIn: number;
  bytesOut: number;
  /** Exceptions captured by the client (500 responses with a traceback). */
  serverErrors: number;
}

export const byEndpoint = (a: { path: string; method: string }, b: { path: string; method: string }) =>
  byText(a.path, b.path) || byText(a.method, b.method);

export async function listEndpoints(appId: number, f: Pick<Filters, "endpoint" | "method">) {
  const subset = endpointSubselect(appId, f);
  const where = and(
    { text: `"Endpoint"."appId" = ?`, params: [appId] },
    subset && { text: `"Endpoint"."id" IN (${subset.text})`, params: subset.params },
  );
  const rows = await sql().all<{ id: number; method: string; path: string; summary: string | null }>(
    `SELECT "Endpoint"."id" AS "id", "Endpoint"."method" AS "method", "Endpoint"."path" AS "path",
       "Endpoint"."summary" AS "summary"
     FROM "Endpoint" WHERE ${where.text}`,
    where.params,
  );
  return rows.map((r) => ({ ...r, id: Number(r.id) })).sort(byEndpoint);
}

export async function getEndpointsTable(appId: number, f: Filters): Promise<EndpointRow[]> {
  const rollup = requestRowsFrom(appId, f, { needs: ["endpoint"] });
  const bins = binRowsFrom(appId, f, [0], { needs: ["endpoint"] });
  const errors = filterWhere(appId, f, errorRollupColumns("server"));
  const [endpoints, traffic, timeBins, serverErrors] = await Promise.all([
    listEndpoints(appId, f),
    sql().all<{ id: number; requests: number; errors: number; bytesIn: number; bytesOut: number }>(
      `SELECT "r"."endpointId" AS "id", SUM("r"."requestCount") AS "requests", ${ERRORS_SUM("r")} AS "errors",
         SUM("r"."requestSizeSum") AS "bytesIn", SUM("r"."responseSizeSum") AS "bytesOut"
       FROM ${rollup.text} GROUP BY "r"."endpointId"`,
      rollup.params,
    ),
    sql().all<{ key: number; bin: number; count: number }>(
      `SELECT "r"."endpointId" AS "key", "r"."bin" AS "bin", SUM("r"."count") AS "count"
       FROM ${bins.text} GROUP BY "r"."endpointId", "r"."bin"`,
      bins.params,
    ),
    statusAllows(f, ERROR_KINDS.server.statusCodes)
      ? sql().all<{ id: number; count: number }>(
          `SELECT "ServerError"."endpointId" AS "id", SUM("ServerErrorRollup"."count") AS "count"
           FROM ${errorFrom("server")} WHERE ${errors.text} GROUP BY "ServerError"."endpointId"`,
          errors.params,
        )
      : Promise.resolve([]),
  ]);
  const trafficById = new Map(traffic.map((t) => [Number(t.id), t]));
  const binsById = binsByKey(timeBins.map((r) => ({ ...r, key: Number(r.key) })));
  const serverErrorsById = new Map(serverErrors.map((e) => [Number(e.id), Number(e.count)]));
  return endpoints
    .map((e): EndpointRow => {
      const t = trafficById.get(Number(e.id));
      const requests = Number(t?.requests ?? 0);
      const errorCount = Number(t?.errors ?? 0);
      return {
        id: Number(e.id),
        method: e.method,
        path: e.path,
        summary: e.summary,
        requests,
        errors: errorCount,
        errorRate: requests ? errorCount / requests : null,
        ...percentiles(binsById.get(Number(e.id)) ?? [], P50_P95),
        bytesIn: Number(t?.bytesIn ?? 0),
        bytesOut: Number(t?.bytesOut ?? 0),
        serverErrors: serverErrorsById.get(Number(e.id)) ?? 0,
      };
    })
    .sort((a, b) => b.requests - a.requests || byEndpoint(a, b));
}
