// The hub's contract beyond the captures: exactly-once, ordering, late data, consumers'
// names, error grouping, and the status codes clients react to.
import { randomUUID } from "node:crypto";
import { gunzipSync, gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { sql } from "@/lib/db";
import { createApp } from "../helpers/factory";
import { hubUrl, logFilesExpanded, makeRequest, makeSync, postJson, rollupTotals, rowCounts } from "../helpers/hub-db";
import { fixture, fixtureJson } from "../helpers/hub-fixtures";

const minuteOf = (ts: number) => Math.floor(ts / 60);

async function expectStatus(r: Promise<Response>, status: number) {
  const res = await r;
  const text = await res.text();
  expect(res.status, text).toBe(status);
  return text ? JSON.parse(text) : null;
}

function postLog(clientId: string, env: string, fileUuid: string | null, body: Uint8Array, chunked = false) {
  const query = fileUuid === null ? "" : `?uuid=${fileUuid}`;
  const payload = chunked
    ? new ReadableStream<Uint8Array>({
        start(c) {
          for (let i = 0; i < body.length; i += 300) c.enqueue(body.subarray(i, i + 300));
          c.close();
        },
      })
    : body;
  return fetch(hubUrl(clientId, env, "log", query), { method: "POST", body: payload, duplex: "half" } as RequestInit);
}

describe("exactly once", () => {
  it("counts the same sync once, however often and however concurrently it arrives", async () => {
    const app = await createApp();
    const sync = makeSync({ requests: [makeRequest({ request_count: 7 })] });
    await expectStatus(postJson(app.clientId, "prod", "sync", sync), 202);
    await expectStatus(postJson(app.clientId, "prod", "sync", sync), 202);
    const statuses = await Promise.all(
      Array.from({ length: 10 }, () => postJson(app.clientId, "prod", "sync", sync).then((r) => r.status)),
    );
    expect(statuses).toEqual(Array(10).fill(202));
    expect((await rollupTotals(app.id)).requests).toBe(7);
    expect((await rowCounts(app.id)).IngestReceipt).toBe(1);
  });

  it("adds up concurrent syncs of many instances into the same minute and keys", async () => {
    const app = await createApp();
    const ts = Date.now() / 1000;
    const syncs = Array.from({ length: 20 }, (_, i) =>
      makeSync({
        timestamp: ts,
        requests: [
          makeRequest({
            consumer: "shared",
            request_count: 3,
            response_size_sum: 10,
            response_times: { "0": 1, "10": 2 },
          }),
          makeRequest({ consumer: `own-${i}`, path: `/new/${i % 5}`, request_count: 2, response_times: { "20": 2 } }),
        ],
        server_errors: [
          {
            consumer: "shared",
            method: "GET",
            path: "/items/:id",
            type: "E",
            msg: "m",
            traceback: `tb ${i}`,
            sentry_event_id: null,
            error_count: 1,
          },
        ],
        consumers: [{ identifier: "shared", name: "Shared", group: `g${i % 3}` }],
      }),
    );
    const statuses = await Promise.all(
      syncs.map((s) => postJson(app.clientId, "prod", "sync", s).then((r) => r.status)),
    );
    expect(statuses).toEqual(Array(20).fill(202));
    const totals = await rollupTotals(app.id);
    expect(totals).toMatchObject({
      requests: 100,
      responseBytes: 20 * 10 + 20 * 100,
      responseTimeBins: 100,
      serverErrors: 20,
    });
    const counts = await rowCounts(app.id);
    expect(counts).toMatchObject({
      Endpoint: 6,
      Consumer: 21,
      ConsumerGroup: 3,
      ServerError: 1,
      Instance: 20,
      IngestReceipt: 20,
    });
    // One row per key and minute, however many syncs added to it.
    const [row] = await sql().all<{ n: number; c: number }>(
      `SELECT COUNT(*) AS "n", SUM("requestCount") AS "c"
       FROM "RequestRollup" r JOIN "Consumer" k ON k."appId" = r."appId" AND k."id" = r."consumerId"
       WHERE r."appId" = ? AND k."identifier" = 'shared'`,
      [app.id],
    );
    expect([Number(row.n), Number(row.c)]).toEqual([1, 60]);
  });

  it("stores a log file once per ?uuid=", async () => {
    const app = await createApp();
    const file = randomUUID();
    const body = fixture("js-fastify-log").body;
    await expectStatus(postLog(app.clientId, "prod", file, body), 202);
    await expectStatus(postLog(app.clientId, "prod", file, body), 202);
    await logFilesExpanded(app.id);
    expect((await rowCounts(app.id)).RequestLog).toBe(5);
    // The same lines in another file are still one row each.
    await expectStatus(postLog(app.clientId, "prod", randomUUID(), body), 202);
    await logFilesExpanded(app.id);
    expect((await rowCounts(app.id)).RequestLog).toBe(5);
  });
});

describe("ordering and time", () => {
  it("takes a sync before its startup, then completes the instance and endpoints", async () => {
    const app = await createApp();
    const sync = fixtureJson("js-express-sync");
    await expectStatus(postJson(app.clientId, "dev", "sync", sync), 202);
    let [inst] = await sql().all<Record<string, unknown>>(`SELECT * FROM "Instance" WHERE "appId" = ?`, [app.id]);
    expect(inst.client).toBeNull();
    expect(inst.lastSyncAt).not.toBeNull();
    await expectStatus(postJson(app.clientId, "dev", "startup", fixtureJson("js-express-startup")), 202);
    [inst] = await sql().all<Record<string, unknown>>(`SELECT * FROM "Instance" WHERE "appId" = ?`, [app.id]);
    expect(inst.client).toBe("js:express");
    expect(JSON.parse(inst.versions as string)).toMatchObject({ express: "5.3.0" });
    const endpoints = await sql().all<{ inStartup: unknown }>(`SELECT "inStartup" FROM "Endpoint" WHERE "appId" = ?`, [
      app.id,
    ]);
    expect(endpoints).toHaveLength(6);
    expect(endpoints.every((e) => Boolean(e.inStartup))).toBe(true);
    expect((await rollupTotals(app.id)).requests).toBe(9);
  });

  it("puts a sync 50 minutes old into its own minute", async () => {
    const app = await createApp();
    const now = Date.now() / 1000;
    const old = now - 50 * 60;
    await expectStatus(
      postJson(
        app.clientId,
        "prod",
        "sync",
        makeSync({ timestamp: now, requests: [makeRequest({ request_count: 4 })] }),
      ),
      202,
    );
    await expectStatus(
      postJson(
        app.clientId,
        "prod",
        "sync",
        makeSync({ timestamp: old, requests: [makeRequest({ request_count: 9 })] }),
      ),
      202,
    );
    const rows = await sql().all<{ minute: number; n: number }>(
      `SELECT "minute", SUM("requestCount") AS "n" FROM "RequestRollup"
       WHERE "appId" = ? GROUP BY "minute" ORDER BY "minute"`,
      [app.id],
    );
    expect(rows.map((r) => [Number(r.minute), Number(r.n)])).toEqual([
      [minuteOf(old), 9],
      [minuteOf(now), 4],
    ]);
  });

  it("keeps the newest traceback of a server error, and its first and last sighting", async () => {
    const app = await createApp();
    const t = Math.floor(Date.now() / 1000);
    const err = (traceback: string) => ({
      consumer: null,
      method: "GET",
      path: "/x",
      type: "ValueError",
      msg: "boom",
      traceback,
      sentry_event_id: null,
      error_count: 1,
    });
    for (const [ts, tb] of [
      [t, "A"],
      [t + 60, "B"],
      [t - 60, "C (late resend)"],
    ] as const) {
      await expectStatus(
        postJson(app.clientId, "prod", "sync", makeSync({ timestamp: ts, server_errors: [err(tb)] })),
        202,
      );
    }
    const [e] = await sql().all<Record<string, unknown>>(`SELECT * FROM "ServerError" WHERE "appId" = ?`, [app.id]);
    expect([e.traceback, Number(e.firstSeen), Number(e.lastSeen)]).toEqual(["B", t - 60, t + 60]);
    expect((await rollupTotals(app.id)).serverErrors).toBe(3);
  });
});

describe("consumers", () => {
  it("creates consumers on first sight and lets the dashboard's name and group win over the client's", async () => {
    const app = await createApp();
    const send = (name: string | null, group: string | null) =>
      expectStatus(
        postJson(
          app.clientId,
          "prod",
          "sync",
          makeSync({
            requests: [makeRequest({ consumer: " alice " })],
            consumers: [{ identifier: "alice", name, group }],
          }),
        ),
        202,
      );
    const read = async () =>
      (
        await sql().all<{ name: string | null; group: string | null }>(
          `SELECT c."name", g."name" AS "group"
           FROM "Consumer" c LEFT JOIN "ConsumerGroup" g ON g."appId" = c."appId" AND g."id" = c."groupId"
           WHERE c."appId" = ?`,
          [app.id],
        )
      ).map((r) => [r.name, r.group]);
    await send("Alice", "Free");
    expect(await read()).toEqual([["Alice", "Free"]]);
    await send("Alice B.", null); // a missing group changes nothing
    expect(await read()).toEqual([["Alice B.", "Free"]]);
    await sql().run(`UPDATE "Consumer" SET "name" = 'Chosen', "nameByUser" = true WHERE "appId" = ?`, [app.id]);
    await send("Client name", "Paid");
    expect(await read()).toEqual([["Chosen", "Paid"]]);
    await sql().run(`UPDATE "Consumer" SET "groupByUser" = true WHERE "appId" = ?`, [app.id]);
    await send("Other", "Enterprise");
    expect(await read()).toEqual([["Chosen", "Paid"]]);
    expect((await rowCounts(app.id)).Consumer).toBe(1);
  });
});

describe("paths and status codes", () => {
  it("creates a valid env on first data, including Unicode ones", async () => {
    const app = await createApp({ envs: ["prod"] });
    await expectStatus(postJson(app.clientId, "qa-1", "sync", makeSync()), 202);
    await expectStatus(postJson(app.clientId, encodeURIComponent("prüfung"), "sync", makeSync()), 202);
    // Decoded once, by the router: "a%2541" is the env "a%41", which is not valid.
    await expectStatus(postJson(app.clientId, "a%2541", "sync", makeSync()), 422);
    const envs = await sql().all<{ name: string }>(`SELECT "name" FROM "Environment" WHERE "appId" = ? ORDER BY "id"`, [
      app.id,
    ]);
    expect(envs.map((e) => e.name)).toEqual(["prod", "qa-1", "prüfung"]);
  });

  it("reads the client id in any form python and go accept", async () => {
    const app = await createApp();
    for (const form of [
      app.clientId.toUpperCase(),
      app.clientId.replaceAll("-", ""),
      `%7B${app.clientId}%7D`,
      `urn:uuid:${app.clientId}`,
    ]) {
      await expectStatus(postJson(form, "prod", "sync", makeSync({ requests: [makeRequest()] })), 202);
    }
    expect((await rollupTotals(app.id)).requests).toBe(4);
  });

  it("answers 404 with JSON for an unknown client id or a non-UUID, and stores nothing", async () => {
    const before = await sql().all<{ n: number }>(`SELECT COUNT(*) AS "n" FROM "IngestReceipt"`);
    for (const endpoint of ["sync", "startup"] as const) {
      expect(await expectStatus(postJson(randomUUID(), "prod", endpoint, makeSync()), 404)).toEqual({
        detail: "Unknown client ID",
      });
      expect(await expectStatus(postJson("not-a-uuid", "prod", endpoint, makeSync()), 404)).toHaveProperty("detail");
    }
    await expectStatus(postLog(randomUUID(), "prod", randomUUID(), fixture("py-flask-log").body), 404);
    expect(await sql().all<{ n: number }>(`SELECT COUNT(*) AS "n" FROM "IngestReceipt"`)).toEqual(before);
  });

  it("answers 422 with a JSON detail naming the bad fields, and stores nothing", async () => {
    const app = await createApp();
    const before = await rowCounts(app.id);
    const bad = makeSync({ requests: [makeRequest({ request_count: -3 }), makeRequest({ status_code: "200" })] });
    const body = await expectStatus(postJson(app.clientId, "prod", "sync", bad), 422);
    expect(body.detail.map((d: { loc: unknown[] }) => d.loc)).toEqual([
      ["body", "requests", 0, "request_count"],
      ["body", "requests", 1, "status_code"],
    ]);
    expect(body.detail[0]).toEqual({
      loc: ["body", "requests", 0, "request_count"],
      msg: expect.any(String),
      type: "too_small",
    });
    expect((await expectStatus(postJson(app.clientId, "prod", "sync", "{oops"), 422)).detail[0].loc).toEqual(["body"]);
    expect((await expectStatus(postJson(app.clientId, "bad.env", "sync", makeSync()), 422)).detail[0].loc).toEqual([
      "path",
      "env",
    ]);
    expect(
      (await expectStatus(postLog(app.clientId, "prod", null, fixture("py-flask-log").body), 422)).detail[0].loc,
    ).toEqual(["query", "uuid"]);
    expect(await rowCounts(app.id)).toEqual(before);
  });

  it("answers 413 with JSON for an oversized body and for a gzip bomb", async () => {
    const app = await createApp();
    const before = await rowCounts(app.id);
    const huge = makeSync({ requests: [makeRequest({ path: "/" + "x".repeat(9 * 1024 * 1024) })] });
    expect((await expectStatus(postJson(app.clientId, "prod", "sync", huge), 413)).detail[0].loc).toEqual(["body"]);
    const bomb = gzipSync(Buffer.alloc(200 * 1024 * 1024, "{"));
    expect(bomb.length).toBeLessThan(1024 * 1024);
    await expectStatus(postLog(app.clientId, "prod", randomUUID(), bomb), 413);
    await expectStatus(postLog(app.clientId, "prod", randomUUID(), bomb, true), 413);
    expect(await rowCounts(app.id)).toEqual(before);
  });

  it("takes a chunked /log upload, keeps its good lines and skips broken ones", async () => {
    const app = await createApp();
    const lines = gunzipSync(fixture("py-fastapi-log").body).toString().trim().split("\n");
    const mixed = gzipSync([lines[0], "{broken json", lines[1], '{"uuid": 5}', lines[2]].join("\n") + "\n");
    await expectStatus(postLog(app.clientId, "py-dev", randomUUID(), mixed, true), 202);
    await logFilesExpanded(app.id);
    expect((await rowCounts(app.id)).RequestLog).toBe(3);
    await expectStatus(postLog(app.clientId, "py-dev", randomUUID(), gzipSync("{broken\n[]\n")), 422);
    await logFilesExpanded(app.id);
    expect((await rowCounts(app.id)).RequestLog).toBe(3);
  });
});
