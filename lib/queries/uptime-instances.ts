// The instances of one environment, most recently heard from first.
import { sql } from "@/lib/db";
import { lastSignOfLife } from "@/lib/uptime/heartbeat";

export interface UptimeInstance {
  uuid: string;
  client: string | null;
  firstSeen: number;
  lastSeen: number | null;
}

const MAX_INSTANCES = 20;

export async function getEnvInstances(appId: number, envId: number): Promise<UptimeInstance[]> {
  const rows = await sql().all<Record<string, unknown>>(
    `SELECT "Instance"."uuid" AS "uuid", "Instance"."client" AS "client", "Instance"."firstSeen" AS "firstSeen",
       "Instance"."lastSyncAt" AS "lastSyncAt", "Instance"."startupAt" AS "startupAt"
     FROM "Instance" WHERE "Instance"."appId" = ? AND "Instance"."envId" = ?`,
    [appId, envId],
  );
  return rows
    .map((r) => ({
      uuid: String(r.uuid),
      client: r.client == null ? null : String(r.client),
      firstSeen: Number(r.firstSeen),
      lastSeen: lastSignOfLife(r.lastSyncAt, r.startupAt),
    }))
    .sort((a, b) => (b.lastSeen ?? 0) - (a.lastSeen ?? 0))
    .slice(0, MAX_INSTANCES);
}
