// Every environment of an app with what its uptime state is made of: the heartbeat settings and
// state, the first and last sign of life of its instances, and its health check's state.
import { sql } from "@/lib/db";
import { lastSignOfLife } from "@/lib/uptime/heartbeat";

export interface UptimeEnvironment {
  id: number;
  name: string;
  heartbeatEnabled: boolean;
  heartbeatSeconds: number;
  heartbeatDownSince: number | null;
  /** Epoch seconds of the newest sync or startup of any of its instances. */
  lastSeen: number | null;
  /** Since when monitoring could know anything: the first instance or health check result. */
  knownFrom: number | null;
  check: { enabled: boolean; downSince: number | null; lastRunAt: number | null } | null;
}

interface Row {
  id: number;
  name: string;
  heartbeatEnabled: boolean | number;
  heartbeatSeconds: number;
  heartbeatDownSince: number | null;
  lastSync: number | null;
  lastStartup: number | null;
  firstSeen: number | null;
  checkEnvId: number | null;
  checkEnabled: boolean | number | null;
  checkDownSince: number | null;
  checkLastRunAt: number | null;
  firstResult: number | null;
}

const num = (v: unknown) => (v == null ? null : Number(v));

export async function getUptimeEnvironments(appId: number): Promise<UptimeEnvironment[]> {
  const rows = await sql().all<Row>(
    `SELECT "Environment"."id" AS "id", "Environment"."name" AS "name",
       "Environment"."heartbeatEnabled" AS "heartbeatEnabled", "Environment"."heartbeatSeconds" AS "heartbeatSeconds",
       "Environment"."heartbeatDownSince" AS "heartbeatDownSince",
       (SELECT MAX("Instance"."lastSyncAt") FROM "Instance"
         WHERE "Instance"."appId" = "Environment"."appId" AND "Instance"."envId" = "Environment"."id") AS "lastSync",
       (SELECT MAX("Instance"."startupAt") FROM "Instance"
         WHERE "Instance"."appId" = "Environment"."appId" AND "Instance"."envId" = "Environment"."id") AS "lastStartup",
       (SELECT MIN("Instance"."firstSeen") FROM "Instance"
         WHERE "Instance"."appId" = "Environment"."appId" AND "Instance"."envId" = "Environment"."id") AS "firstSeen",
       "HealthCheck"."envId" AS "checkEnvId", "HealthCheck"."enabled" AS "checkEnabled",
       "HealthCheck"."downSince" AS "checkDownSince", "HealthCheck"."lastRunAt" AS "checkLastRunAt",
       (SELECT MIN("HealthCheckResult"."ts") FROM "HealthCheckResult"
         WHERE "HealthCheckResult"."appId" = "Environment"."appId"
           AND "HealthCheckResult"."envId" = "Environment"."id") AS "firstResult"
     FROM "Environment"
     LEFT JOIN "HealthCheck" ON "HealthCheck"."appId" = "Environment"."appId" AND "HealthCheck"."envId" = "Environment"."id"
     WHERE "Environment"."appId" = ?
     ORDER BY "Environment"."id"`,
    [appId],
  );
  return rows.map((r) => {
    const starts = [num(r.firstSeen), num(r.firstResult)].filter((t): t is number => t !== null);
    return {
      id: Number(r.id),
      name: r.name,
      heartbeatEnabled: Boolean(r.heartbeatEnabled),
      heartbeatSeconds: Number(r.heartbeatSeconds),
      heartbeatDownSince: num(r.heartbeatDownSince),
      lastSeen: lastSignOfLife(r.lastSync, r.lastStartup),
      knownFrom: starts.length ? Math.min(...starts) : null,
      check:
        r.checkEnvId == null
          ? null
          : { enabled: Boolean(r.checkEnabled), downSince: num(r.checkDownSince), lastRunAt: num(r.checkLastRunAt) },
    };
  });
}
