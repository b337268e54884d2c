// The physical limit of ingest: how fast the database takes the very rows a sync produces,
// inserted with the direct driver (better-sqlite3 / pg) as plain multi-row INSERTs, one
// transaction per sync-equivalent batch. Schema-agnostic: the rollup tables are found in
// the catalog (every table with both an "appId" and a "minute" column, so coarser rollup
// tiers added later are included), and the rows are whatever storeSync wrote for one
// sample sync, read back and re-inserted at shifted minutes so they never conflict.
import type BetterSqlite3 from "better-sqlite3";
import pg from "pg";
import type { Sql } from "../../lib/db";
import { openSqliteFile } from "../../lib/db/connect";
import { dbKind } from "../../lib/db/url";

export interface RollupTable {
  name: string;
  columns: string[];
}

/** Tables that have both an "appId" and a "minute" column, with their columns in order. */
export async function rollupTables(db: Sql): Promise<RollupTable[]> {
  let cols: { table: string; column: string }[];
  if (db.kind === "sqlite") {
    const tables = await db.all<{ name: string }>(
      `SELECT "name" FROM sqlite_master WHERE "type" = 'table' AND "name" NOT LIKE 'sqlite_%' ORDER BY "name"`,
    );
    cols = [];
    for (const t of tables) {
      const info = await db.all<{ name: string }>(`SELECT "name" FROM pragma_table_info(?) ORDER BY "cid"`, [t.name]);
      cols.push(...info.map((c) => ({ table: t.name, column: c.name })));
    }
  } else {
    cols = await db.all<{ table: string; column: string }>(
      `SELECT "table_name" AS "table", "column_name" AS "column" FROM information_schema.columns
       WHERE "table_schema" = current_schema() ORDER BY "table_name", "ordinal_position"`,
    );
  }
  const byTable = new Map<string, string[]>();
  for (const c of cols) byTable.set(c.table, [...(byTable.get(c.table) ?? []), c.column]);
  return [...byTable]
    .filter(([, columns]) => columns.includes("appId") && columns.includes("minute"))
    .map(([name, columns]) => ({ name, columns }));
}

export interface SampleTable extends RollupTable {
  rows: unknown[][];
  minuteIndex: number;
}

export interface RawSample {
  tables: SampleTable[];
  /** Request rows of the sync the sample came from (what a batch counts as). */
  requestRows: number;
  /** Rows a batch inserts over all tables. */
  tableRows: number;
}

/** Every row the app has in every rollup table (store exactly one sample sync into it first). */
export async function captureSample(db: Sql, appId: number, requestRows: number): Promise<RawSample> {
  const tables: SampleTable[] = [];
  for (const t of await rollupTables(db)) {
    const rows = await db.all<Record<string, unknown>>(`SELECT * FROM "${t.name}" WHERE "appId" = ?`, [appId]);
    if (rows.length === 0) continue;
    tables.push({ ...t, rows: rows.map((r) => t.columns.map((c) => r[c])), minuteIndex: t.columns.indexOf("minute") });
  }
  return { tables, requestRows, tableRows: tables.reduce((n, t) => n + t.rows.length, 0) };
}

/**
 * Batch k lands k days after the sample: a whole number of days keeps the minute aligned
 * for hourly or daily rollup tiers too, and no two batches share a key.
 */
const SHIFT_MINUTES = 1440;

export interface RawInserter {
  insertBatch(k: number): Promise<void>;
  close(): Promise<void>;
}

function chunks(total: number, size: number): number[] {
  const out: number[] = [];
  for (let at = 0; at < total; at += size) out.push(Math.min(size, total - at));
  return out;
}

const quoted = (s: string) => `"${s}"`;

function insertText(t: RollupTable, rows: number, placeholder: (i: number) => string): string {
  let n = 0;
  const tuple = () => `(${t.columns.map(() => placeholder(++n)).join(", ")})`;
  const values = Array.from({ length: rows }, tuple).join(", ");
  return `INSERT INTO ${quoted(t.name)} (${t.columns.map(quoted).join(", ")}) VALUES ${values}`;
}

/** Flat parameters of rows [from, from+count) of a table, shifted by `shift` minutes. */
function params(t: SampleTable, from: number, count: number, shift: number): unknown[] {
  const width = t.columns.length;
  const out = new Array(count * width);
  for (let r = 0; r < count; r++) {
    const row = t.rows[from + r];
    for (let c = 0; c < width; c++) out[r * width + c] = c === t.minuteIndex ? Number(row[c]) + shift : row[c];
  }
  return out;
}

// SQLite binds at most 32,766 parameters per statement, PostgreSQL 65,535.
const SQLITE_MAX_PARAMS = 32_766;
const PG_MAX_PARAMS = 65_535;
const MAX_ROWS_PER_STATEMENT = 500;

function sqliteInserter(url: string, sample: RawSample): RawInserter {
  const db: BetterSqlite3.Database = openSqliteFile(url);
  const plan = sample.tables.map((t) => {
    const size = Math.min(MAX_ROWS_PER_STATEMENT, Math.floor(SQLITE_MAX_PARAMS / t.columns.length));
    const statements = new Map<number, BetterSqlite3.Statement>();
    const parts = chunks(t.rows.length, size).map((count) => {
      if (!statements.has(count)) statements.set(count, db.prepare(insertText(t, count, () => "?")));
      return { count, statement: statements.get(count)! };
    });
    return { t, parts };
  });
  const batch = db.transaction((shift: number) => {
    for (const { t, parts } of plan) {
      let at = 0;
      for (const { count, statement } of parts) {
        statement.run(...params(t, at, count, shift));
        at += count;
      }
    }
  });
  return {
    insertBatch: async (k) => {
      batch.immediate(k * SHIFT_MINUTES);
    },
    close: async () => {
      db.close();
    },
  };
}

async function pgInserter(url: string, sample: RawSample, id: number): Promise<RawInserter> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  // Server-side prepared statements, the counterpart of better-sqlite3's prepared ones.
  const plan = sample.tables.map((t, ti) => {
    const size = Math.min(MAX_ROWS_PER_STATEMENT, Math.floor(PG_MAX_PARAMS / t.columns.length));
    const parts = chunks(t.rows.length, size).map((count) => ({
      count,
      name: `bench_raw_${id}_${ti}_${count}`,
      text: insertText(t, count, (i) => `$${i}`),
    }));
    return { t, parts };
  });
  return {
    async insertBatch(k) {
      const shift = k * SHIFT_MINUTES;
      await client.query("BEGIN");
      try {
        for (const { t, parts } of plan) {
          let at = 0;
          for (const p of parts) {
            await client.query({ name: p.name, text: p.text, values: params(t, at, p.count, shift) });
            at += p.count;
          }
        }
        await client.query("COMMIT");
      } catch (e) {
        await client.query("ROLLBACK").catch(() => undefined);
        throw e;
      }
    },
    close: () => client.end(),
  };
}

export interface RawRun {
  concurrency: number;
  batches: number;
  seconds: number;
  requestRowsPerSec: number;
  tableRowsPerSec: number;
}

let nextBatch = 1;

/**
 * Inserts sample batches for `durationMs` over `concurrency` connections (SQLite has one
 * writer at a time, so it is measured with one) and returns the rate.
 */
export async function measureRaw(
  url: string,
  sample: RawSample,
  concurrency: number,
  durationMs: number,
): Promise<RawRun> {
  const inserters: RawInserter[] = [];
  try {
    if (dbKind(url) === "sqlite") inserters.push(sqliteInserter(url, sample));
    else for (let i = 0; i < concurrency; i++) inserters.push(await pgInserter(url, sample, i));
    for (const ins of inserters) await ins.insertBatch(nextBatch++); // warm-up: statements prepared
    let batches = 0;
    const t0 = performance.now();
    const deadline = t0 + durationMs;
    await Promise.all(
      inserters.map(async (ins) => {
        while (performance.now() < deadline) {
          await ins.insertBatch(nextBatch++);
          batches++;
        }
      }),
    );
    const seconds = (performance.now() - t0) / 1000;
    return {
      concurrency: inserters.length,
      batches,
      seconds,
      requestRowsPerSec: (batches * sample.requestRows) / seconds,
      tableRowsPerSec: (batches * sample.tableRows) / seconds,
    };
  } finally {
    for (const ins of inserters) await ins.close();
  }
}
