// Upgrading an install that already has traffic: the migration that adds the hourly and
// daily rollups fills them from the per-minute rows, so every view answers as before the
// upgrade (and as the per-minute rows do) from the first request after it.
import { cpSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, inject, it } from "vitest";
import { openSql } from "@/lib/db/connect";
import { migrate, migrationsDir } from "@/lib/db/migrate";
import { bodyCandidates } from "@/lib/queries/log-search";
import { COARSE_BINS, COARSE_ROLLUPS } from "@/lib/rollups/tiers";
import { createTestDatabase } from "../helpers/stack";

it("fills the coarse rollups from the per-minute rows of an older install", async () => {
  const kind = inject("db");
  const dir = mkdtempSync(path.join(os.tmpdir(), "tallyhub-upgrade-"));
  const scratch = await createTestDatabase(kind, dir);
  const db = openSql(scratch.url);
  try {
    // The schema as released before the coarse rollups: the first migration only.
    const old = path.join(dir, "migrations");
    cpSync(path.join(migrationsDir(kind), "20261128000000_init"), path.join(old, "20261128000000_init"), {
      recursive: true,
    });
    await migrate(db, old);
    await db.run(`INSERT INTO "User" ("id", "email", "passwordHash") VALUES ('u1', 'u1@example.com', 'x')`);
    await db.run(
      `INSERT INTO "App" ("ownerId", "name", "framework", "clientId") VALUES ('u1', 'old', 'fastapi', 'c1')`,
    );
    const day = 29_000_000 - (29_000_000 % 1440);
    // (minute, env, endpoint, consumer, status, count, response-time bin)
    const rows = [
      [day + 61, 1, 1, 1, 200, 5, 10],
      [day + 62, 1, 1, 2, 200, 3, 10],
      [day + 119, 1, 1, 1, 404, 2, 0],
      [day + 125, 1, 2, 1, 200, 7, 120],
      [day + 1440 + 3, 1, 1, 0, 500, 1, 900],
      [day + 1440 + 3, 2, 1, 1, 200, 4, 20],
    ];
    for (const [minute, env, endpoint, consumer, status, count, bin] of rows) {
      await db.run(
        `INSERT INTO "RequestRollup" ("appId", "minute", "envId", "endpointId", "consumerId", "statusCode",
           "requestCount", "requestSizeSum", "responseSizeSum") VALUES (1, ?, ?, ?, ?, ?, ?, 0, ?)`,
        [minute, env, endpoint, consumer, status, count, count * 100],
      );
      await db.run(
        `INSERT INTO "RollupBin" ("appId", "minute", "envId", "endpointId", "consumerId", "statusCode", "kind", "bin",
           "count")
         VALUES (1, ?, ?, ?, ?, ?, 0, ?, ?)`,
        [minute, env, endpoint, consumer, status, bin, count],
      );
    }
    expect(await migrate(db)).toEqual([
      "20261129000000_coarse_rollups",
      "20261130000000_otlp",
      "20261201000000_teams",
      "20261202000000_uptime_alerts",
      "20261203000000_request_country",
      "20261204000000_request_log_search",
      "20261205000000_request_log_staging",
      "20261206000000_caps",
      "20261207000000_cap_overrides",
    ]);

    const sum = async (table: string, column: string) =>
      Number((await db.all<{ n: number }>(`SELECT SUM("${column}") AS "n" FROM "${table}"`))[0].n);
    for (const t of COARSE_ROLLUPS) {
      // The error tables take the 2 × 404 and the 500 only.
      expect(await sum(t.table, "requestCount"), t.table).toBe(t.minStatus ? 3 : 22);
      expect(await sum(t.table, "responseSizeSum"), t.table).toBe(t.minStatus ? 300 : 2200);
    }
    for (const t of COARSE_BINS) expect(await sum(t.table, "count"), t.table).toBe(22);
    // Rows land in their hour and day, with the newest minute each one holds.
    expect(
      await db.all(
        `SELECT "minute", "statusCode", "requestCount", "lastMinute" FROM "EndpointHourRollup"
         WHERE "endpointId" = 1 AND "envId" = 1 ORDER BY 1, 2`,
      ),
    ).toEqual([
      { minute: day + 60, statusCode: 200, requestCount: 8, lastMinute: day + 62 },
      { minute: day + 60, statusCode: 404, requestCount: 2, lastMinute: day + 119 },
      { minute: day + 1440, statusCode: 500, requestCount: 1, lastMinute: day + 1443 },
    ]);
    expect(
      await db.all(
        `SELECT "minute", "consumerId", "requestCount" FROM "ConsumerDayRollup"
         WHERE "envId" = 1 AND "statusCode" = 200 ORDER BY 1, 2`,
      ),
    ).toEqual([
      { minute: day, consumerId: 1, requestCount: 12 },
      { minute: day, consumerId: 2, requestCount: 3 },
    ]);
    const [app] = await db.all<{ foldedThrough: number }>(`SELECT "foldedThrough" FROM "App"`);
    expect(Number(app.foldedThrough)).toBe(0);
  } finally {
    await db.close();
    await scratch.drop();
    rmSync(dir, { recursive: true, force: true });
  }
});

// Upgrading an install from one owner per app to teams: every account gets a personal team it owns, its apps move
// into it with everything under them (on SQLite the App table is rebuilt, which must not cascade to its children),
// and the oldest account becomes the instance admin.
it("moves every account and its apps into a personal team, losing nothing", async () => {
  const kind = inject("db");
  const dir = mkdtempSync(path.join(os.tmpdir(), "tallyhub-teams-"));
  const scratch = await createTestDatabase(kind, dir);
  const db = openSql(scratch.url);
  try {
    const old = path.join(dir, "migrations");
    for (const name of ["20261128000000_init", "20261129000000_coarse_rollups", "20261130000000_otlp"]) {
      cpSync(path.join(migrationsDir(kind), name), path.join(old, name), { recursive: true });
    }
    await migrate(db, old);
    await db.run(
      `INSERT INTO "User" ("id", "email", "name", "passwordHash", "createdAt") VALUES ('u2', 'bo@example.com', NULL, 'x', ?), ('u1', 'ada@example.com', 'Ada', 'x', ?)`,
      kind === "sqlite" ? [1_700_000_100_000, 1_700_000_000_000] : ["2023-11-14 22:15:00", "2023-11-14 22:13:20"],
    );
    await db.run(
      `INSERT INTO "App" ("ownerId", "name", "framework", "clientId", "writeToken") VALUES ('u1', 'a1', 'fastapi', 'c1', 'apt_1'), ('u1', 'a2', 'flask', 'c2', NULL), ('u2', 'b1', 'express', 'c3', NULL)`,
    );
    await db.run(
      `INSERT INTO "Environment" ("appId", "id", "name") VALUES (1, 1, 'prod'), (1, 2, 'dev'), (3, 1, 'prod')`,
    );

    expect(await migrate(db)).toEqual([
      "20261201000000_teams",
      "20261202000000_uptime_alerts",
      "20261203000000_request_country",
      "20261204000000_request_log_search",
      "20261205000000_request_log_staging",
      "20261206000000_caps",
      "20261207000000_cap_overrides",
    ]);
    // The uptime columns are added in place: the environments (and their children) survive, monitored by default.
    expect(
      await db.all(
        `SELECT "appId", "id", "heartbeatSeconds" FROM "Environment" WHERE "heartbeatEnabled" ORDER BY 1, 2`,
      ),
    ).toEqual([
      { appId: 1, id: 1, heartbeatSeconds: 180 },
      { appId: 1, id: 2, heartbeatSeconds: 180 },
      { appId: 3, id: 1, heartbeatSeconds: 180 },
    ]);

    expect(await db.all(`SELECT "id", "name" FROM "Team" ORDER BY "id"`)).toEqual([
      { id: "u1", name: "Ada's team" },
      { id: "u2", name: "bo's team" },
    ]);
    expect(await db.all(`SELECT "teamId", "userId", "role" FROM "Membership" ORDER BY "teamId"`)).toEqual([
      { teamId: "u1", userId: "u1", role: "owner" },
      { teamId: "u2", userId: "u2", role: "owner" },
    ]);
    const users = await db.all<{ id: string; isAdmin: unknown; currentTeamId: string; sessionVersion: number }>(
      `SELECT "id", "isAdmin", "currentTeamId", "sessionVersion" FROM "User" ORDER BY "id"`,
    );
    expect(users.map((u) => [u.id, Boolean(u.isAdmin), u.currentTeamId, Number(u.sessionVersion)])).toEqual([
      ["u1", true, "u1", 0],
      ["u2", false, "u2", 0],
    ]);
    expect(await db.all(`SELECT "id", "name", "clientId", "writeToken", "teamId" FROM "App" ORDER BY "id"`)).toEqual([
      { id: 1, name: "a1", clientId: "c1", writeToken: "apt_1", teamId: "u1" },
      { id: 2, name: "a2", clientId: "c2", writeToken: null, teamId: "u1" },
      { id: 3, name: "b1", clientId: "c3", writeToken: null, teamId: "u2" },
    ]);
    // Nothing under the apps went with the rebuild.
    expect(await db.all(`SELECT "appId", "id" FROM "Environment" ORDER BY 1, 2`)).toEqual([
      { appId: 1, id: 1 },
      { appId: 1, id: 2 },
      { appId: 3, id: 1 },
    ]);
    // Foreign keys hold again afterwards: an app of a team that does not exist is refused.
    await expect(
      db.run(`INSERT INTO "App" ("name", "framework", "clientId", "teamId") VALUES ('x', 'flask', 'c9', 'nobody')`),
    ).rejects.toThrow();
  } finally {
    await db.close();
    await scratch.drop();
    rmSync(dir, { recursive: true, force: true });
  }
});

// Upgrading an install that already has request logs: the body-search index (FTS5 on SQLite, pg_trgm on PostgreSQL)
// is built from the logs stored before it, so a search finds them from the first request after the upgrade.
it("indexes the request logs of an older install for body search", async () => {
  const kind = inject("db");
  const dir = mkdtempSync(path.join(os.tmpdir(), "tallyhub-search-"));
  const scratch = await createTestDatabase(kind, dir);
  const db = openSql(scratch.url);
  try {
    const old = path.join(dir, "migrations");
    const names = readdirSync(migrationsDir(kind)).filter((n) => /^\d{14}_/.test(n) && n < "20261204000000");
    for (const name of names) cpSync(path.join(migrationsDir(kind), name), path.join(old, name), { recursive: true });
    await migrate(db, old);
    const b64 = (s: string) => Buffer.from(s).toString("base64");
    const bodies = ['{"sku":"Widget-42"}', '{"sku":"gadget"}', null];
    for (const [i, body] of bodies.entries()) {
      await db.run(
        `INSERT INTO "RequestLog" ("appId", "uuid", "envId", "fileUuid", "ts", "method", "url", "statusCode",
           "responseTimeMs", "requestBody", "responseBody") VALUES (1, ?, 1, 'f', ?, 'POST', '/x', 200, 1, ?, ?)`,
        [`u${i}`, 1000 + i, body && b64(body), b64(`{"n":${i}}`)],
      );
    }
    expect((await migrate(db))[0]).toBe("20261204000000_request_log_search");
    const find = async (column: "requestBody" | "responseBody", needle: string) => {
      const c = bodyCandidates(column, needle)!;
      return (
        await db.all<{ uuid: string }>(`SELECT "uuid" FROM "RequestLog" WHERE ${c.text} ORDER BY 1`, c.params)
      ).map((r) => r.uuid);
    };
    expect(await find("requestBody", "Widget-42")).toEqual(["u0"]);
    expect(await find("requestBody", "sku")).toEqual(["u0", "u1"]);
    expect(await find("responseBody", '"n":2')).toEqual(["u2"]);
    // New logs are indexed as they are stored (the triggers, on SQLite).
    await db.run(
      `INSERT INTO "RequestLog" ("appId", "uuid", "envId", "fileUuid", "ts", "method", "url", "statusCode",
         "responseTimeMs", "requestBody") VALUES (1, 'u9', 1, 'f', 2000, 'POST', '/x', 200, 1, ?)`,
      [b64("a new Widget-42")],
    );
    expect(await find("requestBody", "Widget-42")).toEqual(["u0", "u9"]);
  } finally {
    await db.close();
    await scratch.drop();
    rmSync(dir, { recursive: true, force: true });
  }
});

// Upgrading an install whose apps already have consumers, endpoints, errors and instances: the caps migration
// counts them, so the caps hold from the first sync after the upgrade.
it("counts the existing rows of each capped kind", async () => {
  const kind = inject("db");
  const dir = mkdtempSync(path.join(os.tmpdir(), "tallyhub-caps-"));
  const scratch = await createTestDatabase(kind, dir);
  const db = openSql(scratch.url);
  try {
    const old = path.join(dir, "migrations");
    const names = readdirSync(migrationsDir(kind)).filter((n) => /^\d{14}_/.test(n) && n < "20261206000000");
    for (const name of names) cpSync(path.join(migrationsDir(kind), name), path.join(old, name), { recursive: true });
    await migrate(db, old);
    await db.run(`INSERT INTO "Team" ("id", "name") VALUES ('t1', 't')`);
    await db.run(`INSERT INTO "App" ("name", "framework", "clientId", "teamId") VALUES ('a', 'flask', 'c1', 't1')`);
    await db.run(`INSERT INTO "Environment" ("appId", "id", "name") VALUES (1, 1, 'prod'), (1, 2, 'dev')`);
    await db.run(
      `INSERT INTO "Endpoint" ("appId", "id", "method", "path", "firstSeen") VALUES (1, 1, 'GET', '/a', 5), (1, 2, 'GET', '/b', 5)`,
    );
    await db.run(
      `INSERT INTO "Consumer" ("appId", "id", "identifier", "firstSeen", "lastSeen") VALUES (1, 1, 'x', 5, 5), (1, 2, 'y', 5, 5), (1, 3, 'z', 5, 5)`,
    );
    await db.run(`INSERT INTO "ConsumerGroup" ("appId", "id", "name") VALUES (1, 1, 'g')`);
    await db.run(
      `INSERT INTO "ServerError" ("appId", "id", "fingerprint", "endpointId", "type", "msg", "firstSeen", "lastSeen")
       VALUES (1, 1, 'f', 1, 'E', 'm', 5, 5)`,
    );
    await db.run(`INSERT INTO "Instance" ("appId", "uuid", "envId", "firstSeen") VALUES (1, 'i1', 1, 5)`);
    expect(await migrate(db)).toContain("20261206000000_caps");
    const [app] = await db.all<Record<string, unknown>>(
      `SELECT "envCount", "endpointCount", "consumerCount", "groupCount", "errorCount", "instanceCount", "capsHit"
       FROM "App"`,
    );
    expect(Object.fromEntries(Object.entries(app).map(([k, v]) => [k, v === null ? null : Number(v)]))).toEqual({
      envCount: 2,
      endpointCount: 2,
      consumerCount: 3,
      groupCount: 1,
      errorCount: 1,
      instanceCount: 1,
      capsHit: null,
    });
    // Endpoints count as seen at the upgrade, so retention does not prune them at its first pass.
    const [ep] = await db.all<{ s: number }>(`SELECT MIN("lastSeen") AS "s" FROM "Endpoint"`);
    expect(Number(ep.s)).toBeGreaterThan(Date.now() / 1000 - 3600);
  } finally {
    await db.close();
    await scratch.drop();
    rmSync(dir, { recursive: true, force: true });
  }
});
