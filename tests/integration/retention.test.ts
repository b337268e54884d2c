// Retention on time-shifted data: per-minute rows past 32 days are folded into hours
// without changing any answer, rollups past 13 months and request logs past 15 days go,
// and neither a second pass, a late sync nor syncs racing the fold count anything twice.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { loadView } from "@/lib/dashboard/views";
import { sql } from "@/lib/db";
import { parseSync } from "@/lib/ingest/parse";
import { storeSync } from "@/lib/ingest/store";
import { withSourceMode } from "@/lib/queries/source";
import { parseRetentionConfig, type RetentionConfig } from "@/lib/retention/config";
import { ROLLUP_TABLES } from "@/lib/retention/prune";
import { runRetention } from "@/lib/retention/run";
import { createApp } from "../helpers/factory";
import { makeRequest, makeSync } from "../helpers/hub-db";

const NOW_S = Date.UTC(2026, 6, 20, 9, 41, 13) / 1000;
const NOW = NOW_S * 1000;
const DAY_S = 86_400;
const config: RetentionConfig = parseRetentionConfig({});
const iso = (s: number) => new Date(s * 1000).toISOString().slice(0, 16) + "Z";

/** One sync at `ts` with two endpoints, two consumers, a 404, a 422 validation error and a 500 server error. */
function syncAt(ts: number, n = 1) {
  return makeSync({
    timestamp: ts,
    requests: [
      makeRequest({
        consumer: "acme",
        path: "/items",
        status_code: 200,
        request_count: 3 * n,
        response_size_sum: 300 * n,
        response_times: { "10": 2 * n, "120": n },
      }),
      makeRequest({
        consumer: "globex",
        path: "/items/{id}",
        status_code: 404,
        request_count: n,
        response_times: { "0": n },
      }),
      makeRequest({
        consumer: null,
        method: "POST",
        path: "/items",
        status_code: 422,
        request_count: n,
        response_times: { "20": n },
      }),
      makeRequest({
        consumer: "acme",
        method: "POST",
        path: "/items",
        status_code: 500,
        request_count: n,
        response_times: { "900": n },
      }),
    ],
    validation_errors: [
      {
        consumer: null,
        method: "POST",
        path: "/items",
        loc: ["body", "name"],
        msg: "Field required",
        type: "missing",
        error_count: n,
      },
    ],
    server_errors: [
      {
        consumer: "acme",
        method: "POST",
        path: "/items",
        type: "ValueError",
        msg: "boom",
        traceback: "tb",
        sentry_event_id: null,
        error_count: n,
      },
    ],
  });
}

async function store(appId: number, ts: number, opts: { now?: number; n?: number } = {}) {
  const payload = parseSync(Buffer.from(JSON.stringify(syncAt(ts, opts.n))));
  expect(await storeSync(appId, "prod", payload, { now: opts.now ?? Math.floor(ts) + 20 })).toBe("stored");
}

const count = async (table: string, appId: number, where = "1 = 1", params: (number | string)[] = []) =>
  Number(
    (
      await sql().all<{ n: number }>(`SELECT COUNT(*) AS "n" FROM "${table}" WHERE "appId" = ? AND ${where}`, [
        appId,
        ...params,
      ])
    )[0].n,
  );

// Windows over the old data: the whole of it, a day of the folded period by hour, a ragged custom range.
const WINDOWS = [
  `from=${iso(NOW_S - 60 * DAY_S)}&to=${iso(NOW_S)}`,
  `from=${iso(NOW_S - 46 * DAY_S)}&to=${iso(NOW_S - 44 * DAY_S)}`,
  "period=30d",
  "period=7d",
];

// Folded per-minute rows know the hour of a request, not its minute: "last seen" read from
// them has hourly resolution. (The consumer tables keep the exact minute: tested below.)
const toHour = (data: unknown) =>
  JSON.parse(
    JSON.stringify(data, (k, v) =>
      (k === "lastRequest" || k === "lastSeen") && typeof v === "number" ? Math.floor(v / 3600) * 3600 : v,
    ),
  );

async function answers(appId: number) {
  const out: unknown[] = [];
  for (const w of WINDOWS) {
    for (const view of ["traffic", "errors", "consumers", "endpoints"] as const) {
      const { data } = (await loadView(appId, view, new URLSearchParams(w), NOW))!;
      out.push(
        toHour(data),
        toHour((await withSourceMode("minute", () => loadView(appId, view, new URLSearchParams(w), NOW)))!.data),
      );
    }
  }
  return out;
}

describe("retention", () => {
  let appId: number;
  const oldHour = Math.floor((NOW_S - 45 * DAY_S) / 3600) * 3600; // folded
  let before: unknown[];

  beforeAll(async () => {
    appId = (await createApp({ envs: ["prod"] })).id;
    // 45 days ago: four minutes of one hour, including its first minute; 40 days ago; 2 days ago; 14 months ago.
    for (const offset of [0, 5 * 60 + 3, 17 * 60, 59 * 60 + 50]) await store(appId, oldHour + offset);
    await store(appId, NOW_S - 40 * DAY_S);
    await store(appId, NOW_S - 40 * DAY_S + 3600 * 5 + 120);
    await store(appId, NOW_S - 2 * DAY_S);
    await store(appId, NOW_S - 420 * DAY_S);
    // Request logs 20 and 3 days old.
    for (const [uuid, ts] of [
      [randomUUID(), NOW_S - 20 * DAY_S],
      [randomUUID(), NOW_S - 3 * DAY_S],
    ] as const) {
      await sql().run(
        `INSERT INTO "RequestLog" ("appId", "uuid", "envId", "fileUuid", "ts", "method", "url", "statusCode",
           "responseTimeMs")
         VALUES (?, ?, 1, ?, ?, 'GET', 'http://x/items', 200, 12.5)`,
        [appId, uuid, randomUUID(), ts],
      );
      // An OTLP application log of that request, kept as long as the request.
      await sql().run(
        `INSERT INTO "RequestAppLog" ("appId", "requestUuid", "id", "ts", "message")
         VALUES (?, ?, ?, ?, 'fetching item')`,
        [appId, uuid, randomUUID(), ts],
      );
    }
    before = await answers(appId);
  }, 120_000);

  it("folds per-minute rows past the horizon into their hour's first minute, and only those", async () => {
    const horizonMinute = Math.floor(NOW_S / 60) - config.minuteDays * 1440;
    expect(await count("RequestRollup", appId, `"minute" % 60 <> 0 AND "minute" < ?`, [horizonMinute])).toBeGreaterThan(
      0,
    );
    const r = await runRetention({ now: NOW_S, config });
    expect(r.foldedHours).toBeGreaterThanOrEqual(3); // the 45-day hour and two 40-day hours
    expect(r.foldedRows).toBeGreaterThan(0);
    for (const t of ["RequestRollup", "RollupBin", "ValidationErrorRollup", "ServerErrorRollup"]) {
      expect(await count(t, appId, `"minute" % 60 <> 0 AND "minute" < ?`, [horizonMinute]), t).toBe(0);
    }
    // The 2-day-old sync keeps its minute.
    expect(await count("RequestRollup", appId, `"minute" = ?`, [Math.floor((NOW_S - 2 * DAY_S) / 60)])).toBeGreaterThan(
      0,
    );
  });

  it("changes no answer of any view, from the coarse tables or the per-minute rows", async () => {
    expect(await answers(appId)).toEqual(before);
  });

  it("keeps a consumer's exact last minute in a folded hour", async () => {
    const { data } = (await loadView(appId, "consumers", new URLSearchParams(WINDOWS[1]), NOW))!;
    expect(data.consumers.find((c) => c.identifier === "acme")?.lastRequest).toBe(
      Math.floor((oldHour + 59 * 60 + 50) / 60) * 60,
    );
  });

  it("deletes rollups past 13 months, request logs past 15 days and old receipts", async () => {
    for (const t of ROLLUP_TABLES)
      expect(await count(t, appId, `"minute" < ?`, [Math.floor(NOW_S / 60) - config.days * 1440]), t).toBe(0);
    expect(await count("RequestLog", appId)).toBe(1);
    expect(await count("RequestLog", appId, `"ts" > ?`, [NOW_S - 4 * DAY_S])).toBe(1);
    expect(await count("RequestAppLog", appId)).toBe(1);
    expect(await count("RequestAppLog", appId, `"ts" > ?`, [NOW_S - 4 * DAY_S])).toBe(1);
    expect(await count("IngestReceipt", appId, `"receivedAt" < ?`, [NOW_S - 7 * DAY_S])).toBe(0);
    expect(await count("IngestReceipt", appId)).toBeGreaterThan(0);
  });

  it("a second pass changes nothing", async () => {
    const rows = await count("RequestRollup", appId);
    const r = await runRetention({ now: NOW_S, config });
    expect(r.foldedRows).toBe(0);
    expect(Object.values(r.deleted).reduce((a, b) => a + b, 0)).toBe(0);
    expect(await count("RequestRollup", appId)).toBe(rows);
    expect(await answers(appId)).toEqual(before);
  });

  it("a late sync for a folded hour is stored in the hour and counted once", async () => {
    const total = async () => {
      const { data } = (await loadView(appId, "traffic", new URLSearchParams(WINDOWS[0]), NOW))!;
      return data.totals.current.requests;
    };
    const was = await total();
    await store(appId, oldHour + 33 * 60, { now: NOW_S, n: 2 }); // 6 + 2 + 2 + 2 requests
    expect(
      await count("RequestRollup", appId, `"minute" > ? AND "minute" < ?`, [oldHour / 60, oldHour / 60 + 60]),
    ).toBe(0);
    expect(await total()).toBe(was + 12);
    await runRetention({ now: NOW_S, config });
    expect(await total()).toBe(was + 12);
  });

  it("syncs racing a pass over the hours it folds are each counted once", async () => {
    const app = (await createApp({ envs: ["prod"] })).id;
    const hours = [50, 49, 48].map((d) => Math.floor((NOW_S - d * DAY_S) / 3600) * 3600);
    for (const h of hours) for (const m of [1, 2, 3]) await store(app, h + m * 60);
    const late = hours.flatMap((h) => [10, 11].map((m) => store(app, h + m * 60, { now: NOW_S })));
    await Promise.all([runRetention({ now: NOW_S, config }), ...late]);
    await runRetention({ now: NOW_S, config });
    const [{ n }] = await sql().all<{ n: number }>(
      `SELECT SUM("requestCount") AS "n" FROM "RequestRollup" WHERE "appId" = ?`,
      [app],
    );
    expect(Number(n)).toBe((9 + 6) * 6); // 15 syncs of 6 requests
    expect(await count("RequestRollup", app, `"minute" % 60 <> 0`)).toBe(0);
    const [{ d }] = await sql().all<{ d: number }>(
      `SELECT SUM("requestCount") AS "d" FROM "EndpointDayRollup" WHERE "appId" = ?`,
      [app],
    );
    expect(Number(d)).toBe(15 * 6);
  });
});

describe("uptime and alert history", () => {
  it("goes with the rollups, the notification log with the request logs; open incidents and pending sends stay", async () => {
    const app = (await createApp({ envs: ["prod"] })).id;
    const old = NOW_S - (config.days + 1) * DAY_S;
    const recent = NOW_S - DAY_S;
    const oldLog = NOW_S - (config.logDays + 1) * DAY_S;
    for (const ts of [old, recent])
      await sql().run(`INSERT INTO "HealthCheckResult" ("appId", "envId", "ts", "ok") VALUES (?, 1, ?, ?)`, [
        app,
        ts,
        true,
      ]);
    for (const [endedAt, startedAt] of [
      [old, old - 60],
      [null, old],
      [recent, recent - 60],
    ])
      await sql().run(
        `INSERT INTO "Incident" ("appId", "id", "envId", "kind", "startedAt", "endedAt", "cause") VALUES (?, ?, 1, 'heartbeat', ?, ?, 'x')`,
        [app, randomUUID(), startedAt, endedAt],
      );
    for (const at of [old, recent])
      await sql().run(
        `INSERT INTO "AlertEvent" ("appId", "id", "ruleId", "kind", "value", "threshold", "at") VALUES (?, ?, 'r', 'firing', 1, 0, ?)`,
        [app, randomUUID(), at],
      );
    for (const [createdAt, status] of [
      [oldLog, "sent"],
      [oldLog, "pending"],
      [recent, "failed"],
    ] as const)
      await sql().run(
        `INSERT INTO "AlertDelivery" ("appId", "id", "channelId", "kind", "message", "status", "nextAttemptAt", "createdAt")
         VALUES (?, ?, 'c', 'firing', '{}', ?, ?, ?)`,
        [app, randomUUID(), status, createdAt, createdAt],
      );
    const r = await runRetention({ now: NOW_S, config });
    expect(r.deleted).toMatchObject({ HealthCheckResult: 1, Incident: 1, AlertEvent: 1, AlertDelivery: 1 });
    expect(await count("HealthCheckResult", app)).toBe(1);
    expect(await count("Incident", app, `"endedAt" IS NULL`)).toBe(1);
    expect(await count("Incident", app)).toBe(2);
    expect(await count("AlertEvent", app, `"at" = ?`, [recent])).toBe(1);
    expect(await count("AlertDelivery", app, `"status" = 'pending'`)).toBe(1);
    expect(await count("AlertDelivery", app)).toBe(2);
  });
});

describe("retention settings", () => {
  it("has the documented defaults", () => {
    expect(parseRetentionConfig({})).toEqual({ minuteDays: 32, days: 396, logDays: 15, intervalMinutes: 60 });
  });
  it("reads the environment and refuses nonsense with the variable's name", () => {
    expect(
      parseRetentionConfig({ TALLYHUB_RETENTION_MINUTE_DAYS: "7", TALLYHUB_RETENTION_INTERVAL_MINUTES: "0" }),
    ).toMatchObject({ minuteDays: 7, intervalMinutes: 0 });
    expect(() => parseRetentionConfig({ TALLYHUB_RETENTION_LOG_DAYS: "soon" })).toThrow(/TALLYHUB_RETENTION_LOG_DAYS/);
    expect(() => parseRetentionConfig({ TALLYHUB_RETENTION_DAYS: "10" })).toThrow(/TALLYHUB_RETENTION_DAYS/);
  });
});
