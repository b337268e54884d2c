// Deletion of data past its retention, per app and in slices along the key, so each
// statement is a short range scan of the primary key rather than a pass over the table,
// and no transaction holds the (SQLite) write lock for long.
import type { Sql } from "../db";
import { COARSE_BINS, COARSE_ROLLUPS } from "../rollups/tiers";
import { pruneUptime } from "../uptime/prune";
import type { retentionCutoffs } from "./config";
import { MINUTE_TABLES } from "./fold";

/** Every table with a per-app "minute" column. */
export const ROLLUP_TABLES = [
  ...MINUTE_TABLES.map((t) => t.table),
  ...COARSE_ROLLUPS.map((t) => t.table),
  ...COARSE_BINS.map((t) => t.table),
];

const SLICE_MINUTES = 1440;
const SLICE_SECONDS = 86_400;
// Request logs an hour at a time: on SQLite each deleted log also takes its trigrams out of the search index
// (migration 20261204000000_request_log_search), ~0.35 ms a log, so a day of a busy app (60,000 logs) in one
// statement would hold the write lock for ~20 s; an hour holds it for about one.
const LOG_SLICE_SECONDS = 3600;

/** Deletes the app's rows of `table` whose `column` is below `before`, a slice at a time. */
export async function deleteBefore(
  db: Sql,
  table: string,
  column: string,
  appId: number,
  before: number,
  slice: number,
): Promise<number> {
  const [row] = await db.all<{ m: number | null }>(
    `SELECT MIN("${column}") AS "m" FROM "${table}" WHERE "appId" = ? AND "${column}" < ?`,
    [appId, before],
  );
  if (row?.m == null) return 0;
  let deleted = 0;
  for (let from = Number(row.m); from < before; from += slice) {
    deleted += await db.run(`DELETE FROM "${table}" WHERE "appId" = ? AND "${column}" >= ? AND "${column}" < ?`, [
      appId,
      from,
      Math.min(from + slice, before),
    ]);
  }
  return deleted;
}

/** What goes, as the retention settings say at one moment (lib/retention/config.ts). */
export type PruneCutoffs = ReturnType<typeof retentionCutoffs>;

export async function pruneApp(db: Sql, appId: number, c: PruneCutoffs): Promise<Record<string, number>> {
  const deleted: Record<string, number> = {};
  for (const table of ROLLUP_TABLES)
    deleted[table] = await deleteBefore(db, table, "minute", appId, c.rollupsBefore, SLICE_MINUTES);
  deleted.RequestLog = await deleteBefore(db, "RequestLog", "ts", appId, c.logsBefore, LOG_SLICE_SECONDS);
  deleted.RequestAppLog = await deleteBefore(db, "RequestAppLog", "ts", appId, c.logsBefore, SLICE_SECONDS);
  // A staged /log file lives seconds; one still here past the logs' retention could only have failed every expansion.
  deleted.RequestLogFile = await db.run(`DELETE FROM "RequestLogFile" WHERE "appId" = ? AND "receivedAt" < ?`, [
    appId,
    c.logsBefore,
  ]);
  deleted.ResourceSample = await db.run(`DELETE FROM "ResourceSample" WHERE "appId" = ? AND "ts" < ?`, [
    appId,
    c.samplesBefore,
  ]);
  // Uptime and alert history are kept like the rollups (the Uptime page shows 90 days); the notification log, whose
  // rows carry whole messages, like the request logs.
  const rollupSeconds = c.rollupsBefore * 60;
  const uptime = await pruneUptime(rollupSeconds, { appId, db });
  deleted.HealthCheckResult = uptime.healthCheckResults;
  deleted.Incident = uptime.incidents;
  deleted.AlertEvent = await db.run(`DELETE FROM "AlertEvent" WHERE "appId" = ? AND "at" < ?`, [appId, rollupSeconds]);
  deleted.AlertDelivery = await db.run(
    `DELETE FROM "AlertDelivery" WHERE "appId" = ? AND "createdAt" < ? AND "status" <> 'pending'`,
    [appId, c.logsBefore],
  );
  return deleted;
}

/**
 * Receipts make a resent sync a no-op. Clients resend for minutes, at most hours; after
 * a week a receipt only takes space.
 */
export const RECEIPT_DAYS = 7;
export const pruneReceipts = (db: Sql, beforeSeconds: number) =>
  db.run(`DELETE FROM "IngestReceipt" WHERE "receivedAt" < ?`, [beforeSeconds]);
