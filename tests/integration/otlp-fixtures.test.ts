// The real apitally-py 1.x exports (FastAPI app, 8 requests: see tests/fixtures/otlp/…/README.md)
// replayed over HTTP: every view shows exactly the requests, consumers, errors, logs and
// startup routes the SDK sent, and sending it all again (as its retries do) changes nothing.
import { beforeAll, describe, expect, inject, it } from "vitest";
import { sql } from "@/lib/db";
import { parseFilters } from "@/lib/filters";
import { getConsumersTable } from "@/lib/queries/consumers-table";
import { getEndpointsTable } from "@/lib/queries/endpoints-table";
import { getRequestDetail } from "@/lib/queries/request-detail";
import { getServerErrors } from "@/lib/queries/server-errors";
import { getTrafficTotals } from "@/lib/queries/traffic-totals";
import { getValidationErrors } from "@/lib/queries/validation-errors";
import { createApp } from "../helpers/factory";
import { rowCounts } from "../helpers/hub-db";
import { CAPTURED_AT, otlpFixtures, replayOtlp } from "../helpers/otlp-fixtures";

type App = Awaited<ReturnType<typeof createApp>>;
const f = (q: string) => parseFilters(new URLSearchParams(q), CAPTURED_AT + 60_000).filters;

async function replayRun(app: App, run = "") {
  for (const fx of otlpFixtures(run)) {
    const r = await replayOtlp(inject("baseUrl"), fx, app.writeToken!);
    expect(r.status, fx.name).toBe(200);
    expect(r.headers.get("content-type")).toBe("application/x-protobuf");
    expect((await r.arrayBuffer()).byteLength, `${fx.name}: an empty Export*ServiceResponse`).toBe(0);
  }
}

async function views(appId: number) {
  const period = f("period=1h&env=py-dev");
  const totals = await getTrafficTotals(appId, period);
  const endpoints = await getEndpointsTable(appId, period);
  const consumers = await getConsumersTable(appId, period);
  const serverErrors = await getServerErrors(appId, period);
  const validation = await getValidationErrors(appId, period);
  const logs = await sql().all<{
    method: string;
    path: string | null;
    url: string;
    statusCode: number;
    consumerId: number;
    clientIp: string | null;
    exception: string | null;
    requestBody: string | null;
  }>(
    `SELECT "method", "path", "url", "statusCode", "consumerId", "clientIp", "exception", "requestBody"
     FROM "RequestLog" WHERE "appId" = ? ORDER BY "ts"`,
    [appId],
  );
  const appLogs = await sql().all<{ message: string; level: string; logger: string; line: number; url: string }>(
    `SELECT l."message", l."level", l."logger", l."line", r."url"
     FROM "RequestAppLog" l JOIN "RequestLog" r ON r."appId" = l."appId" AND r."uuid" = l."requestUuid"
     WHERE l."appId" = ? ORDER BY l."ts"`,
    [appId],
  );
  return { totals: totals.current, endpoints, consumers, serverErrors, validation, logs, appLogs };
}

describe.each(["", "concatenated-batches"])("apitally-py 1.x exports %s", (run) => {
  let app: App;
  beforeAll(async () => {
    app = await createApp({ envs: ["prod"] });
    await replayRun(app, run);
  });

  it("counts the 8 requests from the metrics, /health included (it has no span)", async () => {
    const { totals, endpoints } = await views(app.id);
    expect(totals.requests).toBe(8);
    expect(totals.errors).toBe(3);
    expect(endpoints.map((e) => [e.method, e.path, e.requests, e.errors]).sort()).toEqual([
      ["GET", "/error", 2, 2],
      ["GET", "/health", 1, 0],
      ["GET", "/items/{item_id}", 2, 0],
      ["GET", "/me", 1, 0],
      ["POST", "/items", 2, 1],
    ]);
  });

  it("registers the startup event's routes, versions and OpenAPI document", async () => {
    const endpoints = await sql().all<{ method: string; path: string; inStartup: unknown }>(
      `SELECT "method", "path", "inStartup" FROM "Endpoint" WHERE "appId" = ? ORDER BY "method", "path"`,
      [app.id],
    );
    expect(endpoints.map((e) => `${e.method} ${e.path} ${Boolean(e.inStartup)}`)).toEqual([
      "GET /error true",
      "GET /health true",
      "GET /items/{item_id} true",
      "GET /me true",
      "POST /items true",
    ]);
    const [instance] = await sql().all<{ client: string; versions: string; countsFrom: string }>(
      `SELECT "client", "versions", "countsFrom" FROM "Instance" WHERE "appId" = ?`,
      [app.id],
    );
    expect(instance.client).toBe("apitally-py:1.0.0a6.dev2+g5617377 fastapi");
    expect(JSON.parse(instance.versions)).toEqual({
      python: "3.11.2",
      fastapi: "0.115.14",
      starlette: "0.46.2",
      app: "3.1.4",
    });
    expect(instance.countsFrom).toBe("metrics");
    const [spec] = await sql().all<{ openapi: string }>(`SELECT "openapi" FROM "AppSpec" WHERE "appId" = ?`, [app.id]);
    expect(JSON.parse(spec.openapi).paths["/items/{item_id}"]).toBeDefined();
  });

  it("shows the consumer with the name and group set_consumer gave it", async () => {
    const { consumers } = await views(app.id);
    expect(consumers.map((c) => [c.identifier, c.name, c.groupName, c.requests])).toEqual([
      ["user-789", "Carol", "Enterprise", 1],
    ]);
  });

  it("derives the server errors from the exception events, with the stack trace", async () => {
    const { serverErrors } = await views(app.id);
    expect(serverErrors.map((e) => [e.method, e.path, e.type, e.msg, e.count])).toEqual([
      ["GET", "/error", "ValueError", "Something exploded in /error", 2],
    ]);
    const [tb] = await sql().all<{ traceback: string }>(`SELECT "traceback" FROM "ServerError" WHERE "appId" = ?`, [
      app.id,
    ]);
    expect(tb.traceback).toContain('raise ValueError("Something exploded in /error")');
  });

  it("derives the validation errors from the 422's captured pydantic body", async () => {
    const { validation } = await views(app.id);
    expect(validation.map((e) => [e.path, e.loc, e.msg, e.type, e.count]).sort()).toEqual([
      ["/items", ["body", "name"], "ensure this value has at least 3 characters", "value_error.any_str.min_length", 1],
      ["/items", ["body", "price"], "ensure this value is greater than 0", "value_error.number.not_gt", 1],
    ]);
  });

  it("keeps a request log per SERVER span, redacted as sent, and links the app logs to their requests", async () => {
    const { logs, appLogs } = await views(app.id);
    expect(logs.map((l) => `${l.method} ${l.path} ${l.statusCode}`)).toEqual([
      "GET /items/{item_id} 200",
      "GET /items/{item_id} 200",
      "GET /me 200",
      "POST /items 422",
      "POST /items 201",
      "GET /error 500",
      "GET /error 500",
    ]);
    expect(logs[0].url).toBe("http://127.0.0.1:8011/items/1?token=%5BREDACTED%5D&q=x");
    expect(logs.every((l) => l.clientIp === "127.0.0.1")).toBe(true);
    expect(Buffer.from(logs[3].requestBody!, "base64").toString()).toBe(
      '{"name":"ab","price":-1,"password":"[REDACTED]"}',
    );
    expect(JSON.parse(logs[5].exception!).type).toBe("ValueError");
    expect(logs[2].consumerId).toBeGreaterThan(0);
    expect(appLogs.map((l) => [l.message, l.level, l.logger, l.line, l.url])).toEqual([
      ["fetching item 1", "warn", "demo", 29, "http://127.0.0.1:8011/items/1?token=%5BREDACTED%5D&q=x"],
      ["fetching item 2", "warn", "demo", 29, "http://127.0.0.1:8011/items/2"],
    ]);
  });

  it("keeps the instance that served each request, and the request's detail names it", async () => {
    const instances = await sql().all<{ uuid: string; client: string | null }>(
      `SELECT "uuid", "client" FROM "Instance" WHERE "appId" = ?`,
      [app.id],
    );
    expect(instances).toHaveLength(1);
    const logs = await sql().all<{ uuid: string; instanceUuid: string | null }>(
      `SELECT "uuid", "instanceUuid" FROM "RequestLog" WHERE "appId" = ? ORDER BY "ts"`,
      [app.id],
    );
    expect(logs.map((l) => l.instanceUuid)).toEqual(logs.map(() => instances[0].uuid));
    expect((await getRequestDetail(app.id, logs[0].uuid))!.instance).toEqual(instances[0]);
  });

  it("stores CPU and memory from the process metrics of every export", async () => {
    const samples = await sql().all<{ cpuPercent: number; memoryRss: number }>(
      `SELECT "cpuPercent", "memoryRss" FROM "ResourceSample" WHERE "appId" = ? ORDER BY "ts"`,
      [app.id],
    );
    expect(samples).toHaveLength(3);
    expect(samples.every((s) => Number(s.memoryRss) > 50_000_000 && s.cpuPercent >= 0 && s.cpuPercent <= 100)).toBe(
      true,
    );
  });

  it("a resent export is acknowledged and stores nothing twice", async () => {
    const before = await rowCounts(app.id);
    const viewsBefore = await views(app.id);
    await replayRun(app, run);
    expect(await rowCounts(app.id)).toEqual(before);
    expect(await views(app.id)).toEqual(viewsBefore);
  });
});
