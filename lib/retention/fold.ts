// Folding: per-minute rows older than the horizon become one row per hour, in the same
// tables (minute = the hour's first minute). One hour of one app is folded in one
// transaction: the other minutes are added into the hour's first minute and deleted, so
// a reader sees either all minutes or the folded hour, never both. A folded hour has no
// other minutes left, so folding it again, after a crash or by a second server running
// the job at the same time, adds nothing. The hourly and daily tables need no folding: they were
// written at that grain by the ingest.
import { grainStart } from "../buckets";
import type { Sql } from "../db";
import { BYTES_MAX, COUNT_MAX } from "../ingest/limits";
import { dimensionColumns, MINUTE_BINS, MINUTE_ROLLUP } from "../rollups/tiers";
import { addCapped } from "../store/batch";
import { inTransaction } from "../store/transaction";

interface MinuteTable {
  table: string;
  keys: string[];
  values: [column: string, max: number][];
}

export const MINUTE_TABLES: MinuteTable[] = [
  {
    table: MINUTE_ROLLUP.table,
    keys: ["envId", ...dimensionColumns(MINUTE_ROLLUP)],
    values: [
      ["requestCount", COUNT_MAX],
      ["requestSizeSum", BYTES_MAX],
      ["responseSizeSum", BYTES_MAX],
    ],
  },
  {
    table: MINUTE_BINS.table,
    keys: ["envId", ...dimensionColumns(MINUTE_BINS), "kind", "bin"],
    values: [["count", COUNT_MAX]],
  },
  { table: "ValidationErrorRollup", keys: ["envId", "errorId", "consumerId"], values: [["count", COUNT_MAX]] },
  { table: "ServerErrorRollup", keys: ["envId", "errorId", "consumerId"], values: [["count", COUNT_MAX]] },
];

const q = (c: string) => `"${c}"`;

/** Folds one table's hour; returns how many per-minute rows it folded away. */
async function foldTableHour(db: Sql, t: MinuteTable, appId: number, hour: number): Promise<number> {
  const keys = t.keys.map(q).join(", ");
  const sums = t.values
    .map(([c, max]) => `CASE WHEN SUM(${q(c)}) > ${max} THEN ${max} ELSE SUM(${q(c)}) END`)
    .join(", ");
  // Added to the hour's first minute (never overwritten), so a sync the ingest stored
  // there meanwhile (it rounds minutes past the horizon to the hour) keeps its counts.
  await db.run(
    `INSERT INTO ${q(t.table)} ("appId", "minute", ${keys}, ${t.values.map(([c]) => q(c)).join(", ")})
     SELECT "appId", ${Number(hour)}, ${keys}, ${sums} FROM ${q(t.table)}
     WHERE "appId" = ? AND "minute" > ? AND "minute" < ? GROUP BY "appId", ${keys}
     ON CONFLICT ("appId", "minute", ${keys})
     DO UPDATE SET ${t.values.map(([c, max]) => addCapped(t.table, c, max)).join(", ")}`,
    [appId, hour, hour + 60],
  );
  return db.run(`DELETE FROM ${q(t.table)} WHERE "appId" = ? AND "minute" > ? AND "minute" < ?`, [
    appId,
    hour,
    hour + 60,
  ]);
}

/** The first minute at or after `from` (and before `to`) holding any per-minute row of the app. */
async function nextMinute(db: Sql, appId: number, from: number, to: number): Promise<number | null> {
  let next: number | null = null;
  for (const t of MINUTE_TABLES) {
    const [row] = await db.all<{ m: number | null }>(
      `SELECT MIN("minute") AS "m" FROM ${q(t.table)} WHERE "appId" = ? AND "minute" >= ? AND "minute" < ?`,
      [appId, from, to],
    );
    if (row?.m != null && (next === null || Number(row.m) < next)) next = Number(row.m);
  }
  return next;
}

/**
 * Folds the app's per-minute rows from its watermark (App.foldedThrough) up to `horizon`
 * (an hour boundary), hour by hour, advancing the watermark with each hour. Returns the
 * number of hours folded and the per-minute rows they had.
 */
export async function foldApp(db: Sql, appId: number, horizon: number): Promise<{ hours: number; rows: number }> {
  const [app] = await db.all<{ foldedThrough: number }>(`SELECT "foldedThrough" FROM "App" WHERE "id" = ?`, [appId]);
  if (!app) return { hours: 0, rows: 0 };
  let hours = 0;
  let rows = 0;
  for (let from = Number(app.foldedThrough); from < horizon;) {
    const next = await nextMinute(db, appId, from, horizon);
    const hour = next === null ? horizon : grainStart(next, 60);
    const end = Math.min(hour + 60, horizon);
    const folded = await inTransaction(async (tx) => {
      let n = 0;
      if (next !== null) for (const t of MINUTE_TABLES) n += await foldTableHour(tx, t, appId, hour);
      await tx.run(`UPDATE "App" SET "foldedThrough" = ? WHERE "id" = ? AND "foldedThrough" < ?`, [end, appId, end]);
      return n;
    }, db);
    if (folded) hours++;
    rows += folded;
    from = end;
  }
  return { hours, rows };
}
