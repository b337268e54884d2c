// The drill-down of one endpoint (Performance): traffic by status, who calls it, how fast
// it answers, how big its payloads are, and what fails on it. Null when the app has no
// such endpoint.
import { BUCKET_MINUTES, type Bucket } from "@/lib/buckets";
import { sql } from "@/lib/db";
import type { Filters } from "@/lib/filters";
import { apdex, DEFAULT_APDEX_T_MS, type Apdex } from "@/lib/stats/apdex";
import { fillSeries, groupByBucket, type SeriesPoint } from "@/lib/stats/series";
import { getResponseTimes, type ResponseTimes } from "./response-times";
import { getServerErrors, type ServerErrorRow } from "./server-errors";
import { binRowsFrom, requestRowsFrom } from "./source";
import { getTopConsumers, type TopConsumer } from "./top-consumers";
import { getTrafficTotals, type TrafficTotals } from "./traffic-totals";
import { getValidationErrors, type ValidationErrorRow } from "./validation-errors";
import { bucketSql } from "./where";

export interface EndpointInfo {
  id: number;
  method: string;
  path: string;
  summary: string | null;
  description: string | null;
  apdexTMs: number;
  /** Where the Apdex threshold comes from: the endpoint's own setting or the app's. */
  apdexTSource: "endpoint" | "app";
  /** The app's threshold, which applies when the endpoint has none of its own. */
  appApdexTMs: number;
}

export type StatusPoint = SeriesPoint & Record<string, number | boolean | null>;

export interface EndpointDetail {
  endpoint: EndpointInfo;
  totals: TrafficTotals;
  bucket: Bucket;
  /** Status codes seen in the window, ascending: the keys of statusChart's points. */
  statusCodes: number[];
  statusChart: StatusPoint[];
  topConsumers: TopConsumer[];
  responseTimes: ResponseTimes;
  apdex: Apdex;
  sizes: { avgRequestBytes: number | null; avgResponseBytes: number | null };
  validationErrors: ValidationErrorRow[];
  serverErrors: ServerErrorRow[];
}

export async function getEndpointInfo(appId: number, endpointId: number): Promise<EndpointInfo | null> {
  const [row] = await sql().all<
    Omit<EndpointInfo, "apdexTSource" | "apdexTMs" | "appApdexTMs"> & { endpointT: number | null; appT: number | null }
  >(
    `SELECT "Endpoint"."id" AS "id", "Endpoint"."method" AS "method", "Endpoint"."path" AS "path",
       "Endpoint"."summary" AS "summary",
       "Endpoint"."description" AS "description", "Endpoint"."apdexTMs" AS "endpointT", "App"."apdexTMs" AS "appT"
     FROM "Endpoint" JOIN "App" ON "App"."id" = "Endpoint"."appId"
     WHERE "Endpoint"."appId" = ? AND "Endpoint"."id" = ?`,
    [appId, endpointId],
  );
  if (!row) return null;
  return {
    id: Number(row.id),
    method: row.method,
    path: row.path,
    summary: row.summary,
    description: row.description,
    apdexTMs: Number(row.endpointT ?? row.appT ?? DEFAULT_APDEX_T_MS),
    apdexTSource: row.endpointT != null ? "endpoint" : "app",
    appApdexTMs: Number(row.appT ?? DEFAULT_APDEX_T_MS),
  };
}

export async function getEndpointDetail(
  appId: number,
  endpointId: number,
  filters: Filters,
): Promise<EndpointDetail | null> {
  const endpoint = await getEndpointInfo(appId, endpointId);
  if (!endpoint) return null;
  // The page is about this endpoint: the endpoint search and method filters give way.
  const f: Filters = { ...filters, endpoint: { id: endpointId }, method: null };
  const statusFrom = requestRowsFrom(appId, f, { grain: BUCKET_MINUTES[f.window.bucket] });
  const sizeBins = binRowsFrom(appId, f, [1, 2]);
  const rollupBucket = bucketSql(`"r"."minute"`, f.window.bucket);

  const [totals, statusRows, responseTimes, sizeCounts, topConsumers, validationErrors, serverErrors] =
    await Promise.all([
      getTrafficTotals(appId, f),
      sql().all<{ bucket: number; statusCode: number; requests: number }>(
        `SELECT ${rollupBucket} AS "bucket", "r"."statusCode" AS "statusCode", SUM("r"."requestCount") AS "requests"
       FROM ${statusFrom.text} GROUP BY 1, 2`,
        statusFrom.params,
      ),
      getResponseTimes(appId, f),
      // Size sums only include requests whose size was known, and so do the size bins:
      // their count is the right divisor for an average.
      sql().all<{ kind: number; count: number }>(
        `SELECT "r"."kind" AS "kind", SUM("r"."count") AS "count" FROM ${sizeBins.text} GROUP BY "r"."kind"`,
        sizeBins.params,
      ),
      getTopConsumers(appId, f),
      getValidationErrors(appId, f),
      getServerErrors(appId, f),
    ]);

  const statusCodes = [...new Set(statusRows.map((r) => Number(r.statusCode)))].sort((a, b) => a - b);
  const zeroStatuses = () => Object.fromEntries(statusCodes.map((c) => [String(c), 0])) as Record<string, number>;
  const byStatus = groupByBucket(
    statusRows,
    zeroStatuses,
    (acc, r) => (acc[String(Number(r.statusCode))] += Number(r.requests)),
  );

  const sized = new Map(sizeCounts.map((r) => [Number(r.kind), Number(r.count)]));
  const average = (sum: number, count: number | undefined) => (count ? sum / count : null);

  return {
    endpoint,
    totals,
    bucket: f.window.bucket,
    statusCodes,
    statusChart: fillSeries(f.window, byStatus, zeroStatuses) as StatusPoint[],
    topConsumers,
    responseTimes,
    apdex: apdex(responseTimes.histogram, endpoint.apdexTMs),
    sizes: {
      avgRequestBytes: average(totals.current.bytesIn, sized.get(1)),
      avgResponseBytes: average(totals.current.bytesOut, sized.get(2)),
    },
    validationErrors,
    serverErrors,
  };
}
