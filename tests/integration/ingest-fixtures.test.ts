// Every captured client request replayed over HTTP: what is stored adds up exactly to what
// the clients sent, and replaying all of it again (as retrying clients do) changes nothing.
import { beforeAll, describe, expect, inject, it } from "vitest";
import { sql } from "@/lib/db";
import { createApp } from "../helpers/factory";
import { logFilesExpanded, rollupTotals, rowCounts } from "../helpers/hub-db";
import { fixtureJson, hubFixtures, replay, REPLAY_SHIFT_S, syncTotals, type SyncJson } from "../helpers/hub-fixtures";

const ORDER = ["startup", "sync-empty", "sync", "log", "sync-shutdown"];
const rank = (name: string) => ORDER.indexOf(name.replace(/^(js|py)-[a-z]+-/, ""));
const client = (name: string) => name.split("-").slice(0, 2).join("-");
// Per client in the order a client sends them: startup, first sync, sync, log, shutdown sync.
const fixtures = hubFixtures().sort(
  (a, b) => client(a.name).localeCompare(client(b.name)) || rank(a.name) - rank(b.name),
);

const CLIENT_ENVS: Record<string, string> = {
  "js-express": "dev",
  "js-fastify": "staging",
  "py-fastapi": "py-dev",
  "py-flask": "flask",
};

let app: Awaited<ReturnType<typeof createApp>>;

async function replayAll() {
  for (const f of fixtures) {
    const r = await replay(inject("baseUrl"), f, app.clientId);
    expect(r.status, f.name).toBe(202);
    // In the clients' order: a log file's lines are stored before the sync that follows it.
    if (f.endpoint === "log") await logFilesExpanded(app.id);
  }
}

describe("replaying every captured request", () => {
  beforeAll(async () => {
    app = await createApp({ envs: ["prod", "dev"] });
    await replayAll();
  });

  it("replays all 18 captures (4 startups, 10 syncs, 4 log files)", () => {
    expect(fixtures).toHaveLength(18);
  });

  it.each(Object.entries(CLIENT_ENVS))("%s: the rollups in env %s add up to its syncs", async (client, env) => {
    const syncs = fixtures
      .filter((f) => f.name.startsWith(client) && f.endpoint === "sync")
      .map((f) => syncTotals(fixtureJson<SyncJson>(f.name)));
    const expected = Object.fromEntries(
      Object.keys(syncs[0]).map((k) => [k, syncs.reduce((a, s) => a + s[k as keyof typeof s], 0)]),
    );
    expect(await rollupTotals(app.id, env)).toEqual(expected);
  });

  it("has exactly the known totals", async () => {
    expect(await rollupTotals(app.id, "dev")).toEqual({
      requests: 9,
      requestBytes: 74,
      responseBytes: 2647,
      responseTimeBins: 9,
      requestSizeBins: 2,
      responseSizeBins: 9,
      validationErrors: 2,
      serverErrors: 2,
    });
    expect(await rollupTotals(app.id)).toEqual({
      requests: 26,
      requestBytes: 197,
      responseBytes: 3758,
      responseTimeBins: 26,
      requestSizeBins: 6,
      responseSizeBins: 24,
      validationErrors: 6,
      serverErrors: 6,
    });
  });

  it("stores each table's exact row count", async () => {
    expect(await rowCounts(app.id)).toEqual({
      Environment: 5, // prod and dev, plus staging, py-dev and flask created on first data
      Endpoint: 9,
      Consumer: 6,
      ConsumerGroup: 4,
      Instance: 4,
      AppSpec: 1,
      IngestReceipt: 14, // 10 syncs + 4 log files
      RequestRollup: 22,
      RollupBin: 49,
      // The same requests in as many or fewer rows: rows merge when they share everything a
      // table keeps (the Error tables keep the rows with status ≥ 400 only).
      EndpointHourRollup: 22,
      EndpointDayRollup: 22,
      ConsumerHourRollup: 20,
      ConsumerDayRollup: 20,
      ErrorHourRollup: 8,
      ErrorDayRollup: 8,
      RequestDayRollup: 22,
      EndpointHourBin: 49,
      EndpointDayBin: 49,
      AppHourBin: 12,
      AppDayBin: 12,
      ValidationError: 6,
      ValidationErrorRollup: 6,
      ServerError: 4,
      ServerErrorRollup: 4,
      ResourceSample: 6,
      RequestLog: 26,
      nextEnvId: 6,
      nextEndpointId: 10,
      nextConsumerId: 7,
      nextGroupId: 5,
      nextErrorId: 11,
    });
  });

  it("buckets by the payload's minute", async () => {
    const rows = await sql().all<{ minute: number; n: number }>(
      `SELECT "minute", SUM("requestCount") AS "n" FROM "RequestRollup"
       WHERE "appId" = ? GROUP BY "minute" ORDER BY "minute"`,
      [app.id],
    );
    // The captured minutes, moved by the replay's whole days.
    const minute = (captured: number) => captured + REPLAY_SHIFT_S / 60;
    expect(rows.map((r) => [Number(r.minute), Number(r.n)])).toEqual([
      [minute(29931631), 14], // express + fastify
      [minute(29931633), 9], // fastapi
      [minute(29931634), 3], // flask
    ]);
  });

  it("keeps every endpoint from startup, uppercased, including never-called ones", async () => {
    const rows = await sql().all<{ method: string; path: string; inStartup: unknown }>(
      `SELECT "method", "path", "inStartup" FROM "Endpoint" WHERE "appId" = ? ORDER BY "id"`,
      [app.id],
    );
    expect(rows.map((r) => `${r.method} ${r.path}`).sort()).toEqual(
      [
        "GET /by-string-consumer",
        "GET /error",
        "GET /health",
        "GET /hello/<name>",
        "GET /items/:id",
        "GET /items/{item_id}",
        "GET /me",
        "GET /state-consumer",
        "POST /items",
      ].sort(),
    );
    expect(rows.every((r) => Boolean(r.inStartup))).toBe(true);
  });

  it("keeps consumers with the names and groups the clients sent", async () => {
    const rows = await sql().all<{
      identifier: string;
      name: string | null;
      group: string | null;
      firstSeen: number;
      lastSeen: number;
    }>(
      `SELECT "c"."identifier", "c"."name", "g"."name" AS "group", "c"."firstSeen", "c"."lastSeen" FROM "Consumer" "c"
       LEFT JOIN "ConsumerGroup" "g" ON "g"."appId" = "c"."appId" AND "g"."id" = "c"."groupId" WHERE "c"."appId" = ?`,
      [app.id],
    );
    const byId = Object.fromEntries(rows.map((r) => [r.identifier, [r.name, r.group]]));
    expect(byId).toEqual({
      "user-123": ["Alice Example", "Admins"],
      "api-key-42": [null, null],
      "user-456": ["Bob", "Free tier"],
      "user-789": ["Carol", "Enterprise"],
      "svc-account-1": ["Batch job", null],
      "user-flask": ["Dave", "Team A"],
    });
    const alice = rows.find((r) => r.identifier === "user-123")!;
    // Seen in the express log at 1795897889 before its sync at 1795897898 (as captured).
    expect([Number(alice.firstSeen), Number(alice.lastSeen)]).toEqual([
      1795897889 + REPLAY_SHIFT_S,
      1795897898 + REPLAY_SHIFT_S,
    ]);
  });

  it("keeps server errors with their tracebacks, and validation errors by loc/msg/type", async () => {
    const se = await sql().all<{ type: string; msg: string; traceback: string }>(
      `SELECT "type", "msg", "traceback" FROM "ServerError" WHERE "appId" = ? ORDER BY "type"`,
      [app.id],
    );
    expect(se.map((e) => [e.type, e.msg])).toEqual([
      ["Error", "Something exploded in /error"],
      ["TypeError", "Fastify handler failed"],
      ["builtins.RuntimeError", "flask boom"],
      ["builtins.ValueError", "Something exploded in /error"],
    ]);
    const express = fixtureJson<{ server_errors: { traceback: string }[] }>("js-express-sync");
    expect(se[0].traceback).toBe(express.server_errors[0].traceback);
    const ve = await sql().all<{ loc: string; msg: string; type: string }>(
      `SELECT "loc", "msg", "type" FROM "ValidationError" WHERE "appId" = ? ORDER BY "id"`,
      [app.id],
    );
    expect(ve.map((e) => [JSON.parse(e.loc), e.msg, e.type])).toContainEqual([
      ["path", "item_id"],
      "value is not a valid integer",
      "type_error.integer",
    ]);
  });

  it("records instances with client, versions and heartbeat, and the OpenAPI document", async () => {
    const rows = await sql().all<{ client: string; versions: string; lastSyncAt: number; startupAt: number }>(
      `SELECT "client", "versions", "lastSyncAt", "startupAt" FROM "Instance" WHERE "appId" = ? ORDER BY "client"`,
      [app.id],
    );
    expect(rows.map((r) => r.client)).toEqual(["js:express", "js:fastify", "python:flask", "python:starlette"]);
    expect(JSON.parse(rows[0].versions)).toEqual({
      nodejs: "20.20.2",
      express: "5.3.0",
      apitally: "0.25.8",
      app: "1.2.3",
    });
    expect(rows.every((r) => r.lastSyncAt != null && r.startupAt != null)).toBe(true);
    const [spec] = await sql().all<{ openapi: string }>(`SELECT "openapi" FROM "AppSpec" WHERE "appId" = ?`, [app.id]);
    expect(spec.openapi).toBe(fixtureJson<{ openapi: string }>("py-fastapi-startup").openapi);
  });

  it("stores every request-log line with its fields", async () => {
    const rows = await sql().all<Record<string, unknown>>(
      `SELECT "l".*, "c"."identifier"
       FROM "RequestLog" "l" LEFT JOIN "Consumer" "c" ON "c"."appId" = "l"."appId" AND "c"."id" = "l"."consumerId"
       WHERE "l"."appId" = ? ORDER BY "l"."ts"`,
      [app.id],
    );
    expect(rows).toHaveLength(26);
    const first = rows[0];
    expect(first).toMatchObject({
      uuid: "ec4245c5-dd69-4b4d-9648-643bc294f217",
      fileUuid: "06accb34-15b6-4c9c-91fd-1058403cfebe",
      method: "GET",
      path: "/items/:id",
      traceId: "d17ae4f46cc2c19f6ebb21a6ee16f3d8",
    });
    expect(Number(first.statusCode)).toBe(200);
    expect(Number(first.responseSize)).toBe(45);
    expect(JSON.parse(first.spans as string)).toHaveLength(2);
    expect(rows.filter((r) => r.identifier === "user-123")).toHaveLength(3);
    expect(rows.filter((r) => r.exception !== null).map((r) => JSON.parse(r.exception as string).type)).toEqual([
      "Error",
      "Error",
      "TypeError",
      "builtins.ValueError",
      "builtins.ValueError",
      "builtins.RuntimeError",
    ]);
  });

  it("counts nothing twice when every capture is sent again", async () => {
    const before = { counts: await rowCounts(app.id), totals: await rollupTotals(app.id) };
    await replayAll();
    expect({ counts: await rowCounts(app.id), totals: await rollupTotals(app.id) }).toEqual(before);
  });
});
