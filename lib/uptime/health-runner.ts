// Runs the health checks that are due. A server claims a check by moving its nextRunAt from the
// value it read to the next run: only the one whose UPDATE changed the row runs it, so several
// servers on one database run each check once. Checks run side by side, a few at a time.
import { sql, type Sql } from "@/lib/db";
import { eachLimited } from "@/lib/each-limited";
import { inTransaction } from "@/lib/store/transaction";
import { parseStoredHeaders } from "./headers";
import { probe, type ProbeResult } from "./health-check";
import { closeIncident, openIncident } from "./incidents";

interface DueCheck {
  appId: number;
  envId: number;
  url: string;
  method: string;
  intervalSeconds: number;
  timeoutMs: number;
  expectedStatus: number | null;
  bodyContains: string | null;
  headers: string | null;
  nextRunAt: number;
  downSince: number | null;
}

const CONCURRENCY = 8;
const MAX_PER_PASS = 200;

async function claimDue(db: Sql, nowS: number): Promise<DueCheck[]> {
  const due = await db.all<DueCheck>(
    `SELECT "appId", "envId", "url", "method", "intervalSeconds", "timeoutMs", "expectedStatus", "bodyContains",
       "headers", "nextRunAt", "downSince"
     FROM "HealthCheck" WHERE "enabled" AND "nextRunAt" <= ? ORDER BY "nextRunAt" LIMIT ?`,
    [nowS, MAX_PER_PASS],
  );
  const claimed: DueCheck[] = [];
  for (const c of due) {
    const n = await db.run(
      `UPDATE "HealthCheck" SET "nextRunAt" = ? WHERE "appId" = ? AND "envId" = ? AND "nextRunAt" = ? AND "enabled"`,
      [nowS + Number(c.intervalSeconds), c.appId, c.envId, c.nextRunAt],
    );
    if (n === 1) claimed.push(c);
  }
  return claimed;
}

/** Stores the result and moves the check's state, in one transaction. Returns the change of state, if any. */
async function record(db: Sql, c: DueCheck, nowS: number, r: ProbeResult): Promise<"down" | "up" | null> {
  const appId = Number(c.appId);
  const envId = Number(c.envId);
  const downSince = c.downSince == null ? null : Number(c.downSince);
  return inTransaction(async (tx) => {
    await tx.run(
      `INSERT INTO "HealthCheckResult" ("appId", "envId", "ts", "ok", "statusCode", "latencyMs", "error")
       VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT ("appId", "envId", "ts") DO UPDATE SET "ok" = excluded."ok", "statusCode" = excluded."statusCode",
         "latencyMs" = excluded."latencyMs", "error" = excluded."error"`,
      [appId, envId, nowS, r.ok, r.statusCode, r.latencyMs, r.error],
    );
    await tx.run(`UPDATE "HealthCheck" SET "lastRunAt" = ? WHERE "appId" = ? AND "envId" = ?`, [nowS, appId, envId]);
    if (!r.ok && downSince === null)
      return (await openIncident(tx, "health", appId, envId, nowS, `Health check failed: ${r.error}`)) ? "down" : null;
    if (r.ok && downSince !== null)
      return (await closeIncident(tx, "health", appId, envId, downSince, nowS)) ? "up" : null;
    return null;
  }, db);
}

async function runOne(db: Sql, c: DueCheck, nowS: number) {
  const result = await probe({
    url: c.url,
    method: c.method,
    timeoutMs: Number(c.timeoutMs),
    expectedStatus: c.expectedStatus == null ? null : Number(c.expectedStatus),
    bodyContains: c.bodyContains,
    headers: parseStoredHeaders(c.headers),
  });
  return record(db, c, nowS, result);
}

export async function runDueHealthChecks(nowS: number, db: Sql = sql()) {
  const due = await claimDue(db, nowS);
  const summary = { checks: due.length, down: 0, up: 0 };
  await eachLimited(due, CONCURRENCY, async (c) => {
    const change = await runOne(db, c, nowS);
    if (change) summary[change]++;
  });
  return summary;
}
