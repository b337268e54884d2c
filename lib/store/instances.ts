// Instances (one per client process "slot"): heartbeat from every sync, client and versions
// from startup; either may come first. Plus their CPU/memory samples over time.
import type { Sql } from "../db";

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
  await db.run(
    `INSERT INTO "ResourceSample" ("appId", "instanceUuid", "ts", "cpuPercent", "memoryRss") VALUES (?, ?, ?, ?, ?)
     ON CONFLICT ("appId", "instanceUuid", "ts")
     DO UPDATE SET "cpuPercent" = excluded."cpuPercent", "memoryRss" = excluded."memoryRss"`,
    [appId, uuid, ts, r.cpuPercent, r.memoryRss],
  );
}
