// The client instances (one per process) that were alive in the period, per environment: what they run, when they
// were first seen, last started and last synced, and whether they still sync.
import { liveness, type Liveness } from "@/lib/apps/liveness";
import { parseVersions } from "@/lib/apps/versions";
import { sql } from "@/lib/db";
import type { Filters } from "@/lib/filters";
import { and, envIs } from "./where";

/** A restarting fleet makes a new instance per process: the list keeps the most recently active ones. */
export const MAX_INSTANCES = 500;

export interface InstanceRow {
  uuid: string;
  env: string;
  client: string | null;
  versions: Record<string, string>;
  /** Epoch seconds. */
  firstSeen: number;
  startupAt: number | null;
  lastSyncAt: number | null;
  /** "live": synced within the last minutes; "idle": stale; "none": never synced (a startup only). */
  status: Liveness;
  /** Whether it sent any CPU/memory sample in the period (the first sync of a process has none). */
  hasResources: boolean;
}

export interface InstancesList {
  rows: InstanceRow[];
  /** More instances were active than the list holds. */
  truncated: boolean;
}

export async function getInstancesList(appId: number, f: Filters, nowMs = Date.now()): Promise<InstancesList> {
  const from = f.window.from * 60;
  const to = f.window.to * 60;
  // Active in the period: its span from first sight to last sign of life overlaps the window.
  const where = and(
    { text: `"Instance"."appId" = ?`, params: [appId] },
    { text: `"Instance"."firstSeen" < ?`, params: [to] },
    {
      text: `COALESCE("Instance"."lastSyncAt", "Instance"."startupAt", "Instance"."firstSeen") >= ?`,
      params: [from],
    },
    f.env ? envIs(appId, `"Instance"."envId"`, f.env) : null,
  );
  const rows = await sql().all<{
    uuid: string;
    env: string | null;
    client: string | null;
    versions: string | null;
    firstSeen: number;
    startupAt: number | null;
    lastSyncAt: number | null;
    hasResources: number;
  }>(
    `SELECT "Instance"."uuid", "Environment"."name" AS "env", "Instance"."client", "Instance"."versions",
       "Instance"."firstSeen", "Instance"."startupAt", "Instance"."lastSyncAt",
       CASE WHEN EXISTS (SELECT 1 FROM "ResourceSample" WHERE "ResourceSample"."appId" = "Instance"."appId"
         AND "ResourceSample"."instanceUuid" = "Instance"."uuid" AND "ResourceSample"."ts" >= ?
         AND "ResourceSample"."ts" < ?) THEN 1 ELSE 0 END AS "hasResources"
     FROM "Instance"
       LEFT JOIN "Environment" ON "Environment"."appId" = "Instance"."appId" AND "Environment"."id" = "Instance"."envId"
     WHERE ${where.text}
     ORDER BY COALESCE("Instance"."lastSyncAt", "Instance"."startupAt", "Instance"."firstSeen") DESC, "Instance"."uuid"
     LIMIT ${MAX_INSTANCES + 1}`,
    [from, to, ...where.params],
  );
  return {
    rows: rows.slice(0, MAX_INSTANCES).map((r) => {
      const lastSyncAt = r.lastSyncAt == null ? null : Number(r.lastSyncAt);
      return {
        uuid: String(r.uuid),
        env: r.env ?? "?",
        client: r.client,
        versions: parseVersions(r.versions),
        firstSeen: Number(r.firstSeen),
        startupAt: r.startupAt == null ? null : Number(r.startupAt),
        lastSyncAt,
        status: liveness(lastSyncAt, nowMs),
        hasResources: Number(r.hasResources) === 1,
      };
    }),
    truncated: rows.length > MAX_INSTANCES,
  };
}
