// One retention pass over every app: fold per-minute rows past the horizon into hours,
// then delete what is past retention. Run by the server on a schedule (schedule.ts) and
// by `npm run retention`.
import { sql, type Sql } from "../db";
import { refreshPlannerStatistics } from "../db/statistics";
import { nowSeconds } from "../store/time";
import { pruneCatalogue } from "./catalogue";
import { foldHorizon, retentionConfig, retentionCutoffs, type RetentionConfig } from "./config";
import { foldApp } from "./fold";
import { pruneApp, pruneReceipts, RECEIPT_DAYS } from "./prune";

export interface RetentionReport {
  apps: number;
  foldedHours: number;
  foldedRows: number;
  deleted: Record<string, number>;
  ms: number;
}

export async function runRetention(
  opts: { db?: Sql; now?: number; config?: RetentionConfig } = {},
): Promise<RetentionReport> {
  const started = Date.now();
  const db = opts.db ?? sql();
  const now = opts.now ?? nowSeconds();
  const c = opts.config ?? retentionConfig();
  // An hour short of the ingest's horizon: a sync stored while this runs rounds the hours
  // being folded to their first minute, which folding adds to and never deletes.
  const horizon = foldHorizon(now, c) - 60;
  const cutoffs = retentionCutoffs(now, c);
  const report: RetentionReport = { apps: 0, foldedHours: 0, foldedRows: 0, deleted: {}, ms: 0 };
  const apps = await db.all<{ id: number }>(`SELECT "id" FROM "App" ORDER BY "id"`);
  for (const { id } of apps) {
    const folded = await foldApp(db, Number(id), horizon);
    report.foldedHours += folded.hours;
    report.foldedRows += folded.rows;
    // Data first, then the catalogue rows no data points at any more.
    const deleted = {
      ...(await pruneApp(db, Number(id), cutoffs)),
      ...(await pruneCatalogue(db, Number(id), cutoffs)),
    };
    for (const [table, n] of Object.entries(deleted)) report.deleted[table] = (report.deleted[table] ?? 0) + n;
    report.apps++;
  }
  report.deleted.IngestReceipt = await pruneReceipts(db, now - RECEIPT_DAYS * 86_400);
  // Hourly, after the deletes: the planner's statistics follow the tables' sizes (SQLite; PostgreSQL's autovacuum).
  await refreshPlannerStatistics(db);
  report.ms = Date.now() - started;
  return report;
}
