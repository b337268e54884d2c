// What retention deletes of uptime data: health check results older than the cutoff, and
// incidents that ended before it. Open incidents always stay. With `appId`, one app's rows only
// (retention works app by app, so each statement stays on one shard when distributed).
import { sql, type Sql } from "@/lib/db";

export async function pruneUptime(beforeS: number, opts: { appId?: number; db?: Sql } = {}) {
  const db = opts.db ?? sql();
  const app = opts.appId === undefined ? "" : ` AND "appId" = ?`;
  const params = opts.appId === undefined ? [beforeS] : [beforeS, opts.appId];
  const results = await db.run(`DELETE FROM "HealthCheckResult" WHERE "ts" < ?${app}`, params);
  const incidents = await db.run(`DELETE FROM "Incident" WHERE "endedAt" IS NOT NULL AND "endedAt" < ?${app}`, params);
  return { healthCheckResults: results, incidents };
}
