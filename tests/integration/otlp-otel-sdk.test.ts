// End to end with the real OpenTelemetry JS SDK: tests/apps/otel-express-app.mjs (Express 5,
// OTLP/HTTP protobuf traces, metrics and logs) exports to this Tallyhub's /v1/* with an app's
// write token, serves a known set of requests and flushes on SIGTERM; then every view shows
// exactly those requests. In "apitally" mode the counts come from the apitally-scope delta
// histograms while the SERVER spans arrive too (and must not count again); in "plain" mode,
// a stock OpenTelemetry service, they come from the SERVER spans alone.
import { spawn } from "node:child_process";
import path from "node:path";
import { afterAll, describe, expect, inject, it } from "vitest";
import { sql } from "@/lib/db";
import { parseFilters } from "@/lib/filters";
import { getConsumersTable } from "@/lib/queries/consumers-table";
import { getEndpointsTable } from "@/lib/queries/endpoints-table";
import { getServerErrors, getServerErrorTraceback } from "@/lib/queries/server-errors";
import { getTrafficTotals } from "@/lib/queries/traffic-totals";
import { getValidationErrors } from "@/lib/queries/validation-errors";
import { childGroups, waitFor } from "../helpers/children";
import { createApp } from "../helpers/factory";
import { requestsByStatus, rollupTotals } from "../helpers/hub-db";
import { freePort } from "../helpers/stack";

const APP_FILE = "tests/apps/otel-express-app.mjs";
const ENV = "otel-dev";
const ERROR = { type: "Error", msg: "Something exploded in /error" };

interface Planned {
  method: "GET" | "POST";
  path: string;
  body?: unknown;
  status: number;
  /** The route template it matched; null for the unmatched 404, which no view counts. */
  route: string | null;
}

// 10 requests, 9 of them on a route: 5 × 200, 1 × 201, 1 × 422, 2 × 500, and one unmatched 404.
const PLAN: Planned[] = [
  { method: "GET", path: "/items/1", status: 200, route: "/items/:id" },
  { method: "GET", path: "/items/2", status: 200, route: "/items/:id" },
  { method: "GET", path: "/me", status: 200, route: "/me" },
  { method: "GET", path: "/me", status: 200, route: "/me" },
  { method: "GET", path: "/me", status: 200, route: "/me" },
  { method: "POST", path: "/items", body: { name: "ab" }, status: 422, route: "/items" },
  { method: "POST", path: "/items", body: { name: "Gizmo" }, status: 201, route: "/items" },
  { method: "GET", path: "/error", status: 500, route: "/error" },
  { method: "GET", path: "/error", status: 500, route: "/error" },
  { method: "GET", path: "/nope", status: 404, route: null },
];
const COUNTED = PLAN.filter((r) => r.route !== null).length; // 9

type Mode = "apitally" | "plain";

const children = childGroups();

afterAll(() => {
  children.killAll();
});

/** Starts the app in its own process group, exporting to this Tallyhub with the write token. */
async function startOtelApp(mode: Mode, writeToken: string) {
  const port = await freePort();
  const child = spawn(process.execPath, [path.resolve(APP_FILE)], {
    env: {
      ...process.env,
      OTLP_ENDPOINT: inject("baseUrl"),
      OTLP_TOKEN: writeToken,
      OTLP_ENV: ENV,
      OTEL_MODE: mode,
      PORT: String(port),
    },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  children.add(child);
  let output = "";
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  const out = () => `The app's output:\n${output}`;
  await waitFor(
    "the app to listen",
    async () => output,
    (o) => o.includes("listening") || child.exitCode !== null,
    15_000,
    out,
  );
  expect(child.exitCode, out()).toBeNull();
  return { child, base: `http://127.0.0.1:${port}`, output: out };
}

/** Serves the plan; returns the bytes of the request and response bodies of the counted requests. */
async function serve(base: string) {
  let bytesIn = 0;
  let bytesOut = 0;
  for (const r of PLAN) {
    const body = r.body === undefined ? undefined : JSON.stringify(r.body);
    const res = await fetch(base + r.path, {
      method: r.method,
      headers: body ? { "content-type": "application/json" } : {},
      body,
    });
    const got = await res.arrayBuffer();
    expect(`${r.method} ${r.path} → ${res.status}`).toBe(`${r.method} ${r.path} → ${r.status}`);
    if (r.route === null) continue;
    bytesIn += body ? Buffer.byteLength(body) : 0;
    bytesOut += got.byteLength;
  }
  return { bytesIn, bytesOut };
}

interface LogRow {
  uuid: string;
  method: string;
  path: string | null;
  url: string;
  statusCode: number;
  consumerId: number;
  exception: string | null;
  requestBody: string | null;
  responseBody: string | null;
  spans: string | null;
  traceId: string | null;
  clientIp: string | null;
}
interface StoredSpan {
  spanId: string;
  parentSpanId: string | null;
  name: string;
  kind: string;
  status: string;
  attributes: Record<string, unknown>;
}

const requestLogs = (appId: number) =>
  sql().all<LogRow>(
    `SELECT "uuid", "method", "path", "url", "statusCode", "consumerId", "exception", "requestBody", "responseBody",
       "spans", "traceId", "clientIp"
     FROM "RequestLog" WHERE "appId" = ? ORDER BY "ts"`,
    [appId],
  );

const appLogCount = async (appId: number) =>
  Number(
    (await sql().all<{ n: number }>(`SELECT COUNT(*) AS "n" FROM "RequestAppLog" WHERE "appId" = ?`, [appId]))[0].n,
  );

const fromBase64 = (s: string | null) => (s === null ? null : Buffer.from(s, "base64").toString("utf8"));

describe.each<[Mode, string]>([
  ["apitally", "metrics"],
  ["plain", "spans"],
])("the OpenTelemetry JS SDK in %s mode", (mode, countsFrom) => {
  const apitally = mode === "apitally";

  it(`stores exactly the requests the app served, counted from ${countsFrom} alone`, async () => {
    const app = await createApp({ envs: ["prod"] });
    const { child, base, output } = await startOtelApp(mode, app.writeToken!);
    const sent = await serve(base);

    // SIGTERM: the app stops accepting connections, then the SDK flushes every pending span,
    // metric and log record; each export is stored before Tallyhub answers it.
    process.kill(-child.pid!, "SIGTERM");
    await waitFor(
      "the app to flush and exit",
      async () => child.exitCode,
      (c) => c !== null,
      15_000,
      output,
    );
    expect(child.exitCode, output()).toBe(0);
    await waitFor(
      "the requests, request logs and app logs",
      async () => ({
        requests: (await rollupTotals(app.id, ENV)).requests,
        logs: (await requestLogs(app.id)).length,
        appLogs: await appLogCount(app.id),
      }),
      (s) => s.requests >= COUNTED && s.logs >= PLAN.length && s.appLogs >= (apitally ? 2 : 0),
      30_000,
      output,
    );

    const f = parseFilters(new URLSearchParams(`period=1h&env=${ENV}`), Date.now()).filters;

    // Traffic: 9 counted requests, 3 of them errors (422, 2 × 500). A double count (spans on
    // top of histograms) would show 18; the unmatched 404 counts nowhere.
    const totals = (await getTrafficTotals(app.id, f)).current;
    expect({ requests: totals.requests, errors: totals.errors, consumers: totals.consumers }).toEqual({
      requests: COUNTED,
      errors: 3,
      consumers: apitally ? 2 : 0,
    });
    expect(sent).toEqual({ bytesIn: 29, bytesOut: 266 });
    // apitally: from the size histograms' sums, exactly the bodies served. plain: from the spans, whose
    // stock http instrumentation reports request sizes (http.request_content_length_uncompressed) but no response
    // sizes.
    expect({ bytesIn: totals.bytesIn, bytesOut: totals.bytesOut }).toEqual(
      apitally ? sent : { bytesIn: sent.bytesIn, bytesOut: 0 },
    );
    const stored = await rollupTotals(app.id, ENV);
    expect(stored.requests).toBe(COUNTED);
    expect(stored.responseTimeBins, "one response time per counted request").toBe(COUNTED);
    expect(await requestsByStatus(app.id)).toEqual([
      [200, 5],
      [201, 1],
      [422, 1],
      [500, 2],
    ]);

    const endpoints = await getEndpointsTable(app.id, f);
    // Busiest first, then by path.
    expect(endpoints.map((e) => [e.method, e.path, e.requests, e.errors, e.serverErrors])).toEqual([
      ["GET", "/me", 3, 0, 0],
      ["GET", "/error", 2, 2, 2],
      ["POST", "/items", 2, 1, 0],
      ["GET", "/items/:id", 2, 0, 0],
      // Registered by the startup event, never called.
      ...(apitally ? [["GET", "/never-called", 0, 0, 0]] : []),
    ]);
    const endpointRows = await sql().all<{ method: string; path: string; inStartup: unknown }>(
      `SELECT "method", "path", "inStartup" FROM "Endpoint" WHERE "appId" = ? ORDER BY "path", "method"`,
      [app.id],
    );
    expect(endpointRows.map((e) => `${e.method} ${e.path} ${Boolean(e.inStartup)}`)).toEqual(
      apitally
        ? ["GET /error true", "POST /items true", "GET /items/:id true", "GET /me true", "GET /never-called true"]
        : ["GET /error false", "POST /items false", "GET /items/:id false", "GET /me false"],
    );

    const consumers = await getConsumersTable(app.id, f);
    expect(consumers.map((c) => [c.identifier, c.name, c.groupName, c.requests])).toEqual(
      apitally
        ? [
            ["user-123", "Alice Example", "Admins", 3],
            ["api-key-42", null, null, 2],
          ]
        : [],
    );

    // The exception event on the SERVER span, with the stack Node wrote.
    const serverErrors = await getServerErrors(app.id, f);
    expect(serverErrors.map((e) => [e.method, e.path, e.type, e.msg, e.count])).toEqual([
      ["GET", "/error", ERROR.type, ERROR.msg, 2],
    ]);
    const traceback = await getServerErrorTraceback(app.id, serverErrors[0].id);
    expect(traceback?.startsWith(`${ERROR.type}: ${ERROR.msg}\n    at `), traceback ?? "no traceback").toBe(true);
    expect(traceback).toContain("otel-express-app.mjs");

    // The 422's pydantic-style body, captured on the span as apitally.response.body (apitally mode only).
    const validation = await getValidationErrors(app.id, f);
    expect(validation.map((e) => [e.method, e.path, e.loc, e.msg, e.type, e.count])).toEqual(
      apitally
        ? [
            [
              "POST",
              "/items",
              ["body", "name"],
              "ensure this value has at least 3 characters",
              "value_error.any_str.min_length",
              1,
            ],
          ]
        : [],
    );

    // One request log per SERVER span, the 404 included, with its express INTERNAL child spans.
    const logs = await requestLogs(app.id);
    expect(logs.map((l) => `${l.method} ${l.path} ${l.statusCode}`)).toEqual(
      PLAN.map((r) => `${r.method} ${r.route} ${r.status}`),
    );
    expect(logs.map((l) => new URL(l.url).pathname)).toEqual(PLAN.map((r) => r.path));
    expect(logs.every((l) => l.clientIp === "127.0.0.1" && /^[0-9a-f]{32}$/.test(l.traceId ?? ""))).toBe(true);
    expect(new Set(logs.map((l) => l.traceId)).size).toBe(PLAN.length);
    for (const [i, l] of logs.entries()) {
      const planned = PLAN[i];
      const spans = JSON.parse(l.spans ?? "[]") as StoredSpan[];
      const [server, ...children] = spans;
      const what = `${planned.method} ${planned.path}`;
      expect([server.kind, server.parentSpanId, server.status], what).toEqual([
        "SERVER",
        null,
        planned.status === 500 ? "ERROR" : "UNSET",
      ]);
      expect(server.attributes["http.route"], what).toBe(planned.route ?? undefined);
      expect(
        children.map((s) => [s.kind, s.parentSpanId, s.name]),
        what,
      ).toEqual([
        ...(apitally ? [["INTERNAL", server.spanId, "middleware - apitallyMiddleware"]] : []),
        ["INTERNAL", server.spanId, "middleware - jsonParser"],
        ...(planned.route ? [["INTERNAL", server.spanId, "request handler"]] : []),
      ]);
      if (planned.route) expect(children.at(-1)!.attributes["http.route"], what).toBe(planned.route);
      expect(l.exception === null ? null : JSON.parse(l.exception).type, what).toBe(
        planned.status === 500 ? ERROR.type : null,
      );
      // Bodies ride on the span as apitally.* attributes and are stored on the log, not in the span.
      expect(JSON.stringify(spans)).not.toContain("apitally.response.body");
      if (apitally && planned.body !== undefined)
        expect(fromBase64(l.requestBody), what).toBe(JSON.stringify(planned.body));
      if (!apitally) expect([l.requestBody, l.responseBody], what).toEqual([null, null]);
    }
    const consumerIds = new Set(logs.map((l) => Number(l.consumerId)));
    expect(consumerIds.size, "request logs name consumers in apitally mode only").toBe(apitally ? 3 : 1);
    const unprocessable = logs[PLAN.findIndex((r) => r.status === 422)];
    if (apitally) expect(JSON.parse(fromBase64(unprocessable.responseBody)!).detail[0].loc).toEqual(["body", "name"]);

    // Request-scoped logs (apitally.request.server_span_id) linked to their request; plain mode names no request.
    const appLogs = await sql().all<{
      message: string;
      level: string;
      logger: string;
      spanId: string;
      url: string;
      spans: string;
    }>(
      `SELECT l."message", l."level", l."logger", l."spanId", r."url", r."spans" FROM "RequestAppLog" l
       JOIN "RequestLog" r ON r."appId" = l."appId" AND r."uuid" = l."requestUuid" WHERE l."appId" = ? ORDER BY l."ts"`,
      [app.id],
    );
    expect(appLogs.map((l) => [l.message, l.level, l.logger, new URL(l.url).pathname])).toEqual(
      apitally
        ? [
            ["fetching item 1", "warn", "demo", "/items/1"],
            ["fetching item 2", "warn", "demo", "/items/2"],
          ]
        : [],
    );
    // Each was emitted inside the express "request handler" span of its own request.
    for (const l of appLogs)
      expect(l.spanId).toBe((JSON.parse(l.spans) as StoredSpan[]).find((s) => s.name === "request handler")!.spanId);
    expect(await appLogCount(app.id)).toBe(appLogs.length);

    const instances = await sql().all<{
      env: string;
      client: string | null;
      versions: string | null;
      countsFrom: string | null;
    }>(
      `SELECT e."name" AS "env", i."client", i."versions", i."countsFrom" FROM "Instance" i
       JOIN "Environment" e ON e."appId" = i."appId" AND e."id" = i."envId" WHERE i."appId" = ?`,
      [app.id],
    );
    expect(instances.map((i) => [i.env, i.countsFrom])).toEqual([[ENV, countsFrom]]);
    if (apitally) {
      expect(instances[0].client).toBe("apitally-js:0.0.0-test express");
      expect(JSON.parse(instances[0].versions!)).toEqual({ node: process.versions.node, express: "5.3.0" });
      const [samples] = await sql().all<{ n: number }>(
        `SELECT COUNT(*) AS "n" FROM "ResourceSample" WHERE "appId" = ?`,
        [app.id],
      );
      expect(Number(samples.n)).toBeGreaterThan(0);
    }
  }, 60_000);
});
