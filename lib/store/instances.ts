// Instances (one per client process "slot"): heartbeat from every sync, client and versions
// from startup; either may come first. Plus their CPU/memory samples over time.
import type { Sql } from "../db";
import { admit, OTHER_INSTANCE } from "./caps";

const exists = async (db: Sql, appId: number, uuid: string) =>
  (await db.all(`SELECT 1 AS "x" FROM "Instance" WHERE "appId" = ? AND "uuid" = ?`, [appId, uuid])).length > 0;

/**
 * The uuid to record an instance under: its own, or past TALLYHUB_MAX_INSTANCES the instance "(other)"
 * (whose CPU and memory are not kept: they would mix many processes into one line).
 */
export async function admitInstance(db: Sql, appId: number, uuid: string): Promise<string> {
  if (await exists(db, appId, uuid)) return uuid;
  const { admitted } = await admit(db, appId, "instances", null, async () => ((await exists(db, appId, uuid)) ? 0 : 1));
  return admitted > 0 || (await exists(db, appId, uuid)) ? uuid : OTHER_INSTANCE;
}

export async function recordHeartbeat(db: Sql, appId: number, uuid: string, envId: number, now: number) {
  await db.run(
    `INSERT INTO "Instance" ("appId", "uuid", "envId", "firstSeen", "lastSyncAt") VALUES (?, ?, ?, ?, ?)
     ON CONFLICT ("appId", "uuid") DO UPDATE SET "envId" = excluded."envId", "lastSyncAt" = excluded."lastSyncAt"`,
    [appId, uuid, envId, now, now],
  );
}

export async function recordStartupInstance(
  db: Sql,
  appId: number,
  i: { uuid: string; envId: number; client: string | null; versions: Record<string, string> },
  now: number,
) {
  await db.run(
    `INSERT INTO "Instance" ("appId", "uuid", "envId", "client", "versions", "firstSeen", "startupAt")
     VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT ("appId", "uuid") DO UPDATE SET "envId" = excluded."envId", "client" = excluded."client",
       "versions" = excluded."versions", "startupAt" = excluded."startupAt"`,
    [appId, i.uuid, i.envId, i.client, JSON.stringify(i.versions), now, now],
  );
}

export async function recordResources(
  db: Sql,
  appId: number,
  uuid: string,
  ts: number,
  r: { cpuPercent: number; memoryRss: number },
) {
  // Only for an instance of its own: one past the cap is recorded as "(other)", which keeps no samples.
  await db.run(
    `INSERT INTO "ResourceSample" ("appId", "instanceUuid", "ts", "cpuPercent", "memoryRss")
     SELECT ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM "Instance" WHERE "appId" = ? AND "uuid" = ?)
     ON CONFLICT ("appId", "instanceUuid", "ts")
     DO UPDATE SET "cpuPercent" = excluded."cpuPercent", "memoryRss" = excluded."memoryRss"`,
    [appId, uuid, ts, r.cpuPercent, r.memoryRss, appId, uuid],
  );
}
