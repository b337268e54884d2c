// One environment's health check settings as the form shows them: header values masked, never sent to the browser.
import { sql } from "@/lib/db";
import { maskedHeaderText, parseStoredHeaders } from "@/lib/uptime/headers";

export interface HealthCheckSettings {
  url: string;
  method: "GET" | "HEAD";
  intervalSeconds: number;
  timeoutSeconds: number;
  expectedStatus: number | null;
  bodyContains: string | null;
  /** "Name: ••••••••" lines. */
  headersMasked: string;
  enabled: boolean;
}

export async function getHealthCheckSettings(appId: number, envId: number): Promise<HealthCheckSettings | null> {
  const [r] = await sql().all<Record<string, unknown>>(
    `SELECT "HealthCheck"."url" AS "url", "HealthCheck"."method" AS "method",
       "HealthCheck"."intervalSeconds" AS "intervalSeconds", "HealthCheck"."timeoutMs" AS "timeoutMs",
       "HealthCheck"."expectedStatus" AS "expectedStatus", "HealthCheck"."bodyContains" AS "bodyContains",
       "HealthCheck"."headers" AS "headers", "HealthCheck"."enabled" AS "enabled"
     FROM "HealthCheck" WHERE "HealthCheck"."appId" = ? AND "HealthCheck"."envId" = ?`,
    [appId, envId],
  );
  if (!r) return null;
  return {
    url: String(r.url),
    method: r.method === "HEAD" ? "HEAD" : "GET",
    intervalSeconds: Number(r.intervalSeconds),
    timeoutSeconds: Number(r.timeoutMs) / 1000,
    expectedStatus: r.expectedStatus == null ? null : Number(r.expectedStatus),
    bodyContains: r.bodyContains == null ? null : String(r.bodyContains),
    headersMasked: maskedHeaderText(parseStoredHeaders(r.headers == null ? null : String(r.headers))),
    enabled: Boolean(r.enabled),
  };
}
