// What the ingest stored for one app, read straight from the tables (both databases).
import { randomUUID } from "node:crypto";
import { inject } from "vitest";
import { sql } from "@/lib/db";
import { expandPendingLogFiles } from "@/lib/ingest/log-expander";
import { COARSE_BINS, COARSE_ROLLUPS } from "@/lib/rollups/tiers";
import { stagedLogFileCount } from "@/lib/store/log-staging";

export const INGEST_TABLES = [
  "Environment",
  "Endpoint",
  "Consumer",
  "ConsumerGroup",
  "Instance",
  "AppSpec",
  "IngestReceipt",
  "RequestRollup",
  "RollupBin",
  ...COARSE_ROLLUPS.map((t) => t.table),
  ...COARSE_BINS.map((t) => t.table),
  "ValidationError",
  "ValidationErrorRollup",
  "ServerError",
  "ServerErrorRollup",
  "ResourceSample",
  "RequestLog",
];

export async function rowCounts(appId: number): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of INGEST_TABLES) {
    const [r] = await sql().all<{ n: number }>(`SELECT COUNT(*) AS "n" FROM "${t}" WHERE "appId" = ?`, [appId]);
    out[t] = Number(r.n);
  }
  const [app] = await sql().all<Record<string, number>>(
    `SELECT "nextEnvId", "nextEndpointId", "nextConsumerId", "nextGroupId", "nextErrorId" FROM "App" WHERE "id" = ?`,
    [appId],
  );
  return { ...out, ...Object.fromEntries(Object.entries(app).map(([k, v]) => [k, Number(v)])) };
}

const one = async (text: string, params: (string | number)[]) => {
  const [r] = await sql().all<Record<string, unknown>>(text, params);
  return Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v == null ? 0 : Number(v)]));
};

/** Sums over an app's rollups, optionally for one env (by name). */
export async function rollupTotals(appId: number, env?: string) {
  const envFilter = env ? ` AND "envId" = (SELECT "id" FROM "Environment" WHERE "appId" = ? AND "name" = ?)` : "";
  const p = env ? [appId, appId, env] : [appId];
  const traffic = await one(
    `SELECT SUM("requestCount") AS "requests", SUM("requestSizeSum") AS "requestBytes",
       SUM("responseSizeSum") AS "responseBytes" FROM "RequestRollup" WHERE "appId" = ?${envFilter}`,
    p,
  );
  const bins = await sql().all<{ kind: number; n: number }>(
    `SELECT "kind", SUM("count") AS "n" FROM "RollupBin" WHERE "appId" = ?${envFilter} GROUP BY "kind" ORDER BY "kind"`,
    p,
  );
  const bin = (k: number) => Number(bins.find((b) => Number(b.kind) === k)?.n ?? 0);
  const ve = await one(`SELECT SUM("count") AS "n" FROM "ValidationErrorRollup" WHERE "appId" = ?${envFilter}`, p);
  const se = await one(`SELECT SUM("count") AS "n" FROM "ServerErrorRollup" WHERE "appId" = ?${envFilter}`, p);
  return {
    requests: traffic.requests,
    requestBytes: traffic.requestBytes,
    responseBytes: traffic.responseBytes,
    responseTimeBins: bin(0),
    requestSizeBins: bin(1),
    responseSizeBins: bin(2),
    validationErrors: ve.n,
    serverErrors: se.n,
  };
}

/**
 * Returns once the /log files the server staged (for the app, or for every app) are stored as request logs: expands
 * what no expander holds, then waits for the server's own expander to finish the rest (a test reading logs right
 * after a 202 would otherwise race it).
 */
export async function logFilesExpanded(appId?: number, timeoutMs = 20_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    await expandPendingLogFiles();
    if ((await stagedLogFileCount(sql(), appId)) === 0) return;
    if (Date.now() > until) throw new Error(`staged /log files not expanded within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

export function hubUrl(clientId: string, env: string, endpoint: "startup" | "sync" | "log", query = "") {
  return `${inject("baseUrl")}/v2/${clientId}/${env}/${endpoint}${query}`;
}

export async function postJson(
  clientId: string,
  env: string,
  endpoint: "startup" | "sync",
  body: unknown,
): Promise<Response> {
  return fetch(hubUrl(clientId, env, endpoint), {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

/** A sync payload in the shape the js client sends, with fresh uuids. */
export function makeSync(over: Record<string, unknown> = {}) {
  return {
    timestamp: Date.now() / 1000,
    instance_uuid: randomUUID(),
    message_uuid: randomUUID(),
    requests: [] as unknown[],
    validation_errors: [] as unknown[],
    server_errors: [] as unknown[],
    consumers: [] as unknown[],
    resources: null,
    ...over,
  };
}

export function makeRequest(over: Record<string, unknown> = {}) {
  return {
    consumer: null,
    method: "GET",
    path: "/items/:id",
    status_code: 200,
    request_count: 1,
    request_size_sum: 0,
    response_size_sum: 100,
    response_times: { "10": 1 },
    request_sizes: {},
    response_sizes: { "0": 1 },
    ...over,
  };
}

/** Requests per status code in an app's per-minute rollups, as [status, count] pairs. */
export async function requestsByStatus(appId: number): Promise<[number, number][]> {
  const rows = await sql().all<{ statusCode: number; n: number }>(
    `SELECT "statusCode", SUM("requestCount") AS "n" FROM "RequestRollup"
     WHERE "appId" = ? GROUP BY "statusCode" ORDER BY "statusCode"`,
    [appId],
  );
  return rows.map((r) => [Number(r.statusCode), Number(r.n)]);
}
