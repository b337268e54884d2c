// Multi-row statements for the ingest hot path, one per table and chunk rather than one
// per row. SQLite gets multi-row VALUES in chunks whose sizes are powers of two, so each
// statement shape is prepared once (better-sqlite3 caches by text) and stays under the
// parameter limit. PostgreSQL gets one column array per column through unnest(): binding
// thousands of scalar parameters costs it more than the upsert itself.
import type { Param, Row, Sql } from "../db";

const SQLITE_MAX_PARAMS = 32_766;
const MAX_CHUNK_ROWS = 512;
const PG_CHUNK_ROWS = 10_000;

export const q = (name: string) => `"${name}"`;

function chunkSizes(total: number, cap: number): number[] {
  let top = 1;
  while (top * 2 <= cap) top *= 2;
  const sizes: number[] = [];
  for (let left = total; left > 0;) {
    let size = top;
    while (size > left) size /= 2;
    sizes.push(size);
    left -= size;
  }
  return sizes;
}

export interface InsertSpec {
  table: string;
  columns: string[];
  rows: Param[][];
  /** What follows the rows: "ON CONFLICT … DO …". */
  tail?: string;
}

export async function insertMany(db: Sql, spec: InsertSpec): Promise<void> {
  if (spec.rows.length === 0) return;
  if (db.kind === "postgres") await insertUnnest(db, spec);
  else await insertValues(db, spec);
}

const texts = new Map<string, string>();

async function insertValues(db: Sql, { table, columns, rows, tail = "" }: InsertSpec) {
  const width = columns.length;
  let at = 0;
  for (const size of chunkSizes(rows.length, Math.min(MAX_CHUNK_ROWS, Math.floor(SQLITE_MAX_PARAMS / width)))) {
    const key = `${table}|${columns}|${tail}|${size}`;
    let text = texts.get(key);
    if (!text) {
      const tuple = `(${columns.map(() => "?").join(", ")})`;
      const values = Array(size).fill(tuple).join(", ");
      text = `INSERT INTO ${q(table)} (${columns.map(q).join(", ")}) VALUES ${values} ${tail}`;
      texts.set(key, text);
    }
    const params: Param[] = new Array(size * width);
    for (let r = 0; r < size; r++) {
      const row = rows[at + r];
      for (let c = 0; c < width; c++) params[r * width + c] = row[c];
    }
    at += size;
    await db.run(text, params);
  }
}

const pgTypes = new Map<string, Map<string, string>>();

/** Column types of a table, read once from the catalog, for the unnest() casts. */
async function columnTypes(db: Sql, table: string): Promise<Map<string, string>> {
  let types = pgTypes.get(table);
  if (!types) {
    const rows = await db.all<{ column_name: string; udt_name: string }>(
      `SELECT "column_name", "udt_name" FROM information_schema.columns
       WHERE table_schema = current_schema() AND table_name = ?`,
      [table],
    );
    types = new Map(rows.map((r) => [r.column_name, r.udt_name]));
    pgTypes.set(table, types);
  }
  return types;
}

async function insertUnnest(db: Sql, { table, columns, rows, tail = "" }: InsertSpec) {
  const types = await columnTypes(db, table);
  const casts = columns.map((c) => {
    const t = types.get(c);
    if (!t) throw new Error(`Unknown column ${table}.${c}`);
    return `?::${t}[]`;
  });
  const text = `INSERT INTO ${q(table)} (${columns.map(q).join(", ")})
     SELECT * FROM unnest(${casts.join(", ")}) ${tail}`;
  for (let at = 0; at < rows.length; at += PG_CHUNK_ROWS) {
    const chunk = rows.slice(at, at + PG_CHUNK_ROWS);
    const arrays = columns.map((_, c) => chunk.map((row) => row[c]));
    // pg sends a JS array as a PostgreSQL array literal.
    await db.run(text, arrays as unknown as Param[]);
  }
}

/** SELECT … WHERE <column> IN (…) in chunks, for looking up many keys at once. */
export async function selectIn<T = Row>(
  db: Sql,
  text: (placeholders: string) => string,
  fixed: Param[],
  keys: Param[],
): Promise<T[]> {
  const out: T[] = [];
  for (let at = 0; at < keys.length; at += MAX_CHUNK_ROWS) {
    const chunk = keys.slice(at, at + MAX_CHUNK_ROWS);
    out.push(...(await db.all<T>(text(chunk.map(() => "?").join(", ")), [...fixed, ...chunk])));
  }
  return out;
}

/** Ids of the app's rows whose `keyColumn` is one of `keys`, by key (consumers, groups, error fingerprints). */
export async function findIdsByKey(
  db: Sql,
  table: string,
  keyColumn: string,
  appId: number,
  keys: string[],
): Promise<Map<string, number>> {
  const rows = await selectIn<{ id: number; key: string }>(
    db,
    (ph) => `SELECT "id", ${q(keyColumn)} AS "key" FROM ${q(table)} WHERE "appId" = ? AND ${q(keyColumn)} IN (${ph})`,
    [appId],
    keys,
  );
  return new Map(rows.map((r) => [r.key, Number(r.id)]));
}

/** `"T"."c" + excluded."c"`, held at max instead of overflowing the column (an error in PostgreSQL). */
export function addCapped(table: string, column: string, max: number): string {
  const cur = `${q(table)}.${q(column)}`;
  const inc = `excluded.${q(column)}`;
  return `${q(column)} = CASE WHEN ${cur} > ${max} - ${inc} THEN ${max} ELSE ${cur} + ${inc} END`;
}

/** The smaller (`<`) or larger (`>`) of the stored and the incoming value. */
const keep = (op: "<" | ">") => (table: string, column: string) => {
  const cur = `${q(table)}.${q(column)}`;
  const inc = `excluded.${q(column)}`;
  return `${q(column)} = CASE WHEN ${inc} ${op} ${cur} THEN ${inc} ELSE ${cur} END`;
};

export const keepMin = keep("<");

export const keepMax = keep(">");
