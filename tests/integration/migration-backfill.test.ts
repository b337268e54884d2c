// Upgrading an install that already has traffic: the migration that adds the hourly and
// daily rollups fills them from the per-minute rows, so every view answers as before the
// upgrade (and as the per-minute rows do) from the first request after it.
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, inject, it } from "vitest";
import { openSql } from "@/lib/db/connect";
import { migrate, migrationsDir } from "@/lib/db/migrate";
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
    expect(await migrate(db)).toEqual(["20261129000000_coarse_rollups", "20261130000000_otlp"]);

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
