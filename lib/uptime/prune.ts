// What retention deletes of uptime data (called by the retention pass): health check results
// older than the cutoff, and incidents that ended before it. Open incidents always stay.
import { sql, type Sql } from "@/lib/db";

export async function pruneUptime(beforeS: number, db: Sql = sql()) {
  const results = await db.run(`DELETE FROM "HealthCheckResult" WHERE "ts" < ?`, [beforeS]);
  const incidents = await db.run(`DELETE FROM "Incident" WHERE "endedAt" IS NOT NULL AND "endedAt" < ?`, [beforeS]);
  return { healthCheckResults: results, incidents };
}
