// /sync bodies as the official clients send them (docs/hub-protocol.md §4, captures in
// tests/fixtures/hub/*-sync.json): snake_case, histogram keys as strings, one row per
// (consumer, method, path, status) with response-time histograms of several 10 ms bins.
// Rows vary over many endpoints × consumers × statuses. A template holds the serialised
// rows, so the load generator only splices in a timestamp and UUIDs per sync and stays
// cheap next to the server it measures (both share the machine's cores).
import { gzipSync } from "node:zlib";
import { mulberry32, normal, type Rng } from "../../lib/demo/random";

const RESOURCES = [
  "users",
  "orders",
  "invoices",
  "payments",
  "products",
  "carts",
  "customers",
  "shipments",
  "refunds",
  "subscriptions",
  "plans",
  "coupons",
  "webhooks",
  "events",
  "reports",
  "teams",
  "projects",
  "tasks",
  "comments",
  "files",
];
const METHODS = ["GET", "GET", "GET", "POST", "PUT", "PATCH", "DELETE"] as const;

export interface Endpoint {
  method: string;
  path: string;
  medianMs: number;
  hasBody: boolean;
}

/** A fixed catalog of endpoints (~100) shared by every template, like one API's routes. */
export const ENDPOINTS: Endpoint[] = (() => {
  const rng = mulberry32(7);
  const out: Endpoint[] = [];
  for (const r of RESOURCES) {
    for (const [i, method] of METHODS.entries()) {
      if (i > 4 && rng() < 0.5) continue;
      const path =
        method === "POST" || (method === "GET" && i === 0) ? `/api/v1/${r}` : `/api/v1/${r}/{${r.slice(0, -1)}_id}`;
      if (out.some((e) => e.method === method && e.path === path)) continue;
      const slow = rng() < 0.08;
      out.push({
        method,
        path,
        medianMs: slow ? 300 + rng() * 900 : 8 + rng() * 60,
        hasBody: method !== "GET" && method !== "DELETE",
      });
    }
  }
  return out;
})();

export const CONSUMERS = 400;

export const consumerId = (i: number) => `customer-${String(i).padStart(4, "0")}`;

export function pickStatus(rng: Rng, method: string): number {
  const x = rng();
  if (x < 0.012) return 500;
  if (x < 0.016) return 503;
  if (x < 0.05) return 404;
  if (x < 0.065) return 401;
  if (x < 0.085 && method !== "GET") return 422;
  if (x < 0.095) return 400;
  if (x < 0.1) return 429;
  return method === "POST" ? 201 : method === "DELETE" ? 204 : 200;
}

function bump(h: Record<string, number>, bin: number) {
  h[String(bin)] = (h[String(bin)] ?? 0) + 1;
}

export interface SyncTemplate {
  rows: number;
  /** The JSON text of "requests", "validation_errors", "server_errors" and "consumers". */
  tail: string;
}

/** `rows` distinct (endpoint, consumer, status) rows, deterministic for a seed. */
export function makeTemplate(rows: number, seed: number): SyncTemplate {
  const rng = mulberry32(seed);
  const seen = new Set<string>();
  const requests: object[] = [];
  const validation: object[] = [];
  const server: object[] = [];
  while (requests.length < rows) {
    const ep = ENDPOINTS[Math.floor(rng() * rng() * ENDPOINTS.length)]; // busier at the front
    const consumer = rng() < 0.06 ? null : consumerId(Math.floor(CONSUMERS * rng() ** 2));
    const status = pickStatus(rng, ep.method);
    const key = `${ep.method} ${ep.path}|${consumer}|${status}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const count = 1 + Math.floor(-Math.log(1 - rng()) * 6);
    const responseTimes: Record<string, number> = {};
    const requestSizes: Record<string, number> = {};
    const responseSizes: Record<string, number> = {};
    let reqSum = 0;
    let resSum = 0;
    for (let i = 0; i < count; i++) {
      bump(responseTimes, Math.floor(Math.max(0, ep.medianMs * Math.exp(0.6 * normal(rng))) / 10) * 10);
      const res = status === 204 ? 0 : Math.round(200 + rng() * 12_000);
      resSum += res;
      bump(responseSizes, Math.floor(res / 1000));
      if (ep.hasBody) {
        const req = Math.round(60 + rng() * 3000);
        reqSum += req;
        bump(requestSizes, Math.floor(req / 1000));
      }
    }
    requests.push({
      consumer,
      method: ep.method,
      path: ep.path,
      status_code: status,
      request_count: count,
      request_size_sum: reqSum,
      response_size_sum: resSum,
      response_times: responseTimes,
      request_sizes: requestSizes,
      response_sizes: responseSizes,
    });
    if (status === 422) {
      validation.push({
        consumer,
        method: ep.method,
        path: ep.path,
        loc: ["body", "email"],
        msg: "value is not a valid email address",
        type: "value_error.email",
        error_count: count,
      });
    }
    if (status === 500) {
      server.push({
        consumer,
        method: ep.method,
        path: ep.path,
        type: "builtins.KeyError",
        msg: "'customer_id'",
        error_count: count,
        sentry_event_id: null,
        traceback: `Traceback (most recent call last):\n  File "/app/api/routes.py", line 88, in handler\n    return await service.run(request)\nKeyError: 'customer_id'\n`,
      });
    }
  }
  // A few consumers with names and groups, as a client announces new or changed ones.
  const consumers = Array.from({ length: 5 }, (_, i) => {
    const n = Math.floor(rng() * CONSUMERS);
    return { identifier: consumerId(n), name: `Customer ${n}`, group: `Tier ${(n + i) % 4}` };
  });
  const tail = `"requests":${JSON.stringify(requests)},"validation_errors":${JSON.stringify(validation)},"server_errors":${JSON.stringify(server)},"consumers":${JSON.stringify(consumers)}`;
  return { rows, tail };
}

export interface SyncIds {
  timestamp: number;
  instanceUuid: string;
  messageUuid: string;
}

/** The bytes of one /sync POST: plain JSON like every captured client, or gzip when asked. */
export function syncBody(t: SyncTemplate, ids: SyncIds, gzip = false): Buffer<ArrayBuffer> {
  const json = `{"timestamp":${ids.timestamp},"instance_uuid":"${ids.instanceUuid}","message_uuid":"${ids.messageUuid}",${t.tail},"resources":{"cpu_percent":12.5,"memory_rss":184000000}}`;
  const buf = Buffer.from(json);
  return gzip ? Buffer.from(gzipSync(buf)) : buf;
}

/** The headers the Python client (httpx) sends with a /sync (py-fastapi-sync.http.json). */
export function syncHeaders(gzip: boolean): Record<string, string> {
  return gzip
    ? {
        "content-type": "application/json",
        "content-encoding": "gzip",
        "user-agent": "python-httpx/0.27.0",
        accept: "*/*",
      }
    : { "content-type": "application/json", "user-agent": "python-httpx/0.27.0", accept: "*/*" };
}

export interface PayloadStats {
  requestRows: number;
  jsonBytes: number;
  sentBytes: number;
}

export function payloadStats(t: SyncTemplate, gzip: boolean): PayloadStats {
  const ids = {
    timestamp: 1_800_000_000.123456,
    instanceUuid: "00000000-0000-4000-8000-000000000000",
    messageUuid: "00000000-0000-4000-8000-000000000001",
  };
  return { requestRows: t.rows, jsonBytes: syncBody(t, ids, false).length, sentBytes: syncBody(t, ids, gzip).length };
}
