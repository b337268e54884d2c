// One environment's health check results since `sinceS`, oldest first, for the response-time chart.
import { sql } from "@/lib/db";

export interface HealthResult {
  ts: number;
  ok: boolean;
  statusCode: number | null;
  latencyMs: number | null;
  error: string | null;
}

export async function getHealthResults(appId: number, envId: number, sinceS: number): Promise<HealthResult[]> {
  const rows = await sql().all<HealthResult>(
    `SELECT "HealthCheckResult"."ts" AS "ts", "HealthCheckResult"."ok" AS "ok",
       "HealthCheckResult"."statusCode" AS "statusCode", "HealthCheckResult"."latencyMs" AS "latencyMs",
       "HealthCheckResult"."error" AS "error"
     FROM "HealthCheckResult"
     WHERE "HealthCheckResult"."appId" = ? AND "HealthCheckResult"."envId" = ? AND "HealthCheckResult"."ts" >= ?
     ORDER BY "HealthCheckResult"."ts"`,
    [appId, envId, sinceS],
  );
  return rows.map((r) => ({
    ts: Number(r.ts),
    ok: Boolean(r.ok),
    statusCode: r.statusCode == null ? null : Number(r.statusCode),
    latencyMs: r.latencyMs == null ? null : Number(r.latencyMs),
    error: r.error,
  }));
}
