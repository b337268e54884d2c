// The heartbeat pass: an environment is up while its instances sync, down once none has been
// heard from for its heartbeatSeconds. One read over all monitored environments, then a short
// transaction only for those whose state changes.
import { sql, type Sql } from "@/lib/db";
import { formatDuration } from "@/lib/format";
import { inTransaction } from "@/lib/store/transaction";
import { closeIncident, openIncident } from "./incidents";

interface EnvBeat {
  appId: number;
  envId: number;
  enabled: boolean | number;
  seconds: number;
  downSince: number | null;
  lastSync: number | null;
  lastStartup: number | null;
}

// Both the sync (hub and OTLP exports alike, lib/store/sync.ts) and the startup call are signs of life.
// Environments never heard from have no instance row: "no data", never down.
const MONITORED = `
  SELECT "Environment"."appId" AS "appId", "Environment"."id" AS "envId",
    "Environment"."heartbeatEnabled" AS "enabled", "Environment"."heartbeatSeconds" AS "seconds",
    "Environment"."heartbeatDownSince" AS "downSince",
    MAX("Instance"."lastSyncAt") AS "lastSync", MAX("Instance"."startupAt") AS "lastStartup"
  FROM "Environment"
  JOIN "Instance" ON "Instance"."appId" = "Environment"."appId" AND "Instance"."envId" = "Environment"."id"
  WHERE "Environment"."heartbeatEnabled" OR "Environment"."heartbeatDownSince" IS NOT NULL
  GROUP BY "Environment"."appId", "Environment"."id", "Environment"."heartbeatEnabled",
    "Environment"."heartbeatSeconds", "Environment"."heartbeatDownSince"`;

export const HEARTBEAT_OFF_NOTE = " (closed: heartbeat monitoring turned off)";

/** The latest sign of life of any instance, epoch seconds. */
export function lastSignOfLife(lastSync: unknown, lastStartup: unknown): number | null {
  const times = [lastSync, lastStartup].filter((t) => t != null).map(Number);
  return times.length ? Math.max(...times) : null;
}

export function heartbeatCause(seconds: number, last: number): string {
  const at = new Date(last * 1000).toISOString().slice(11, 16);
  return `No data from any instance for ${formatDuration(seconds)} (last sync ${at} UTC)`;
}

export async function runHeartbeats(nowS: number, db: Sql = sql()) {
  const summary = { environments: 0, down: 0, up: 0 };
  for (const r of await db.all<EnvBeat>(MONITORED)) {
    summary.environments++;
    const appId = Number(r.appId);
    const envId = Number(r.envId);
    const seconds = Number(r.seconds);
    const downSince = r.downSince == null ? null : Number(r.downSince);
    const last = lastSignOfLife(r.lastSync, r.lastStartup);
    if (last === null) continue;
    if (downSince !== null) {
      if (!r.enabled) {
        await inTransaction(
          (tx) => closeIncident(tx, "heartbeat", appId, envId, downSince, nowS, HEARTBEAT_OFF_NOTE),
          db,
        );
      } else if (last > downSince) {
        // The incident ends with the first sign of life, not with the pass that noticed it.
        const up = await inTransaction((tx) => closeIncident(tx, "heartbeat", appId, envId, downSince, last), db);
        if (up) summary.up++;
      }
    } else if (r.enabled && nowS - last > seconds) {
      const down = await inTransaction(
        (tx) => openIncident(tx, "heartbeat", appId, envId, last, heartbeatCause(seconds, last)),
        db,
      );
      if (down) summary.down++;
    }
  }
  return summary;
}
