// An app's incidents that were still open at or after `sinceS`, newest first: what the Uptime
// page lists and computes its uptime from.
import { sql } from "@/lib/db";

export interface IncidentRow {
  id: string;
  envId: number;
  kind: "heartbeat" | "health";
  startedAt: number;
  endedAt: number | null;
  cause: string;
}

export async function getIncidentsSince(appId: number, sinceS: number): Promise<IncidentRow[]> {
  const rows = await sql().all<IncidentRow>(
    `SELECT "Incident"."id" AS "id", "Incident"."envId" AS "envId", "Incident"."kind" AS "kind",
       "Incident"."startedAt" AS "startedAt", "Incident"."endedAt" AS "endedAt", "Incident"."cause" AS "cause"
     FROM "Incident"
     WHERE "Incident"."appId" = ? AND ("Incident"."endedAt" IS NULL OR "Incident"."endedAt" >= ?)
     ORDER BY "Incident"."startedAt" DESC`,
    [appId, sinceS],
  );
  return rows.map((r) => ({
    ...r,
    envId: Number(r.envId),
    startedAt: Number(r.startedAt),
    endedAt: r.endedAt == null ? null : Number(r.endedAt),
  }));
}
