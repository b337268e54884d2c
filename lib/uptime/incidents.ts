// Opening and closing an incident together with the state column the alert evaluator reads
// (Environment.heartbeatDownSince, HealthCheck.downSince): non-null exactly while an incident of
// that kind is open. The column is the claim: only the pass whose conditional UPDATE changed the
// row writes the incident, so two servers (or two passes) racing create or close it once.
import { randomUUID } from "node:crypto";
import type { Sql } from "@/lib/db";

export type IncidentKind = "heartbeat" | "health";

const STATE: Record<IncidentKind, { table: string; env: string; column: string; enabled: string }> = {
  heartbeat: { table: "Environment", env: "id", column: "heartbeatDownSince", enabled: "heartbeatEnabled" },
  health: { table: "HealthCheck", env: "envId", column: "downSince", enabled: "enabled" },
};

/** Marks the environment down since `since` and opens an incident; false when it already was (or is not monitored). */
export async function openIncident(
  db: Sql,
  kind: IncidentKind,
  appId: number,
  envId: number,
  since: number,
  cause: string,
): Promise<boolean> {
  const s = STATE[kind];
  const claimed = await db.run(
    `UPDATE "${s.table}" SET "${s.column}" = ?
     WHERE "appId" = ? AND "${s.env}" = ? AND "${s.column}" IS NULL AND "${s.enabled}"`,
    [since, appId, envId],
  );
  if (claimed !== 1) return false;
  await db.run(
    `INSERT INTO "Incident" ("appId", "id", "envId", "kind", "startedAt", "endedAt", "cause") VALUES (?, ?, ?, ?, ?, NULL, ?)`,
    [appId, randomUUID(), envId, kind, since, cause],
  );
  return true;
}

/**
 * Marks the environment up again and ends its open incident at `endedAt`. `downSince` is the value the caller saw
 * (only that state is closed), or null for whatever is open (turning monitoring off). `note` is added to the cause.
 */
export async function closeIncident(
  db: Sql,
  kind: IncidentKind,
  appId: number,
  envId: number,
  downSince: number | null,
  endedAt: number,
  note = "",
): Promise<boolean> {
  const s = STATE[kind];
  const claimed = await db.run(
    `UPDATE "${s.table}" SET "${s.column}" = NULL
     WHERE "appId" = ? AND "${s.env}" = ? AND ${downSince === null ? `"${s.column}" IS NOT NULL` : `"${s.column}" = ?`}`,
    downSince === null ? [appId, envId] : [appId, envId, downSince],
  );
  if (claimed !== 1) return false;
  await db.run(
    `UPDATE "Incident" SET "endedAt" = ?, "cause" = "cause" || ?
     WHERE "appId" = ? AND "envId" = ? AND "kind" = ? AND "endedAt" IS NULL`,
    [endedAt, note, appId, envId, kind],
  );
  return true;
}
