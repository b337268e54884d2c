// Multi-row statements for the ingest hot path. One text for SQLite and PostgreSQL; rows
// go in chunks whose sizes are powers of two, so each statement shape is prepared once
// (better-sqlite3 caches by text) and no chunk passes either database's parameter limit.
import type { Param, Row, Sql } from "../db";

const MAX_PARAMS: Record<Sql["kind"], number> = { sqlite: 32_766, postgres: 65_535 };
const MAX_CHUNK_ROWS = 512;

export const q = (name: string) => `"${name}"`;

function chunkSizes(total: number, columns: number, kind: Sql["kind"]): number[] {
  const cap = Math.min(MAX_CHUNK_ROWS, Math.floor(MAX_PARAMS[kind] / columns));
  let top = 1;
  while (top * 2 <= cap) top *= 2;
  const sizes: number[] = [];
  let left = total;
  while (left > 0) {
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
  /** Everything after VALUES (…): "ON CONFLICT … DO …" and/or "RETURNING …". */
  tail?: string;
}

/** Inserts rows in chunks; returns what RETURNING gave, if anything. */
export async function insertMany<T = Row>(db: Sql, spec: InsertSpec): Promise<T[]> {
  const { table, columns, rows, tail = "" } = spec;
  const out: T[] = [];
  const head = `INSERT INTO ${q(table)} (${columns.map(q).join(", ")}) VALUES `;
  const tuple = `(${columns.map(() => "?").join(", ")})`;
  let at = 0;
  for (const size of chunkSizes(rows.length, columns.length, db.kind)) {
    const text = head + Array(size).fill(tuple).join(", ") + (tail ? ` ${tail}` : "");
    const params = rows.slice(at, at + size).flat();
    at += size;
    if (/\bRETURNING\b/.test(tail)) out.push(...(await db.all<T>(text, params)));
    else await db.run(text, params);
  }
  return out;
}

/** SELECT … WHERE <column> IN (…) in chunks, for looking up many keys at once. */
export async function selectIn<T = Row>(db: Sql, text: (placeholders: string) => string, fixed: Param[], keys: Param[]): Promise<T[]> {
  const out: T[] = [];
  let at = 0;
  for (const size of chunkSizes(keys.length, 1, db.kind)) {
    const chunk = keys.slice(at, at + size);
    at += size;
    out.push(...(await db.all<T>(text(chunk.map(() => "?").join(", ")), [...fixed, ...chunk])));
  }
  return out;
}

/** `"T"."c" + excluded."c"`, held at max instead of overflowing the column (an error in PostgreSQL). */
export function addCapped(table: string, column: string, max: number): string {
  const cur = `${q(table)}.${q(column)}`;
  const inc = `excluded.${q(column)}`;
  return `${q(column)} = CASE WHEN ${cur} > ${max} - ${inc} THEN ${max} ELSE ${cur} + ${inc} END`;
}

export const keepMin = (table: string, column: string) =>
  `${q(column)} = CASE WHEN excluded.${q(column)} < ${q(table)}.${q(column)} THEN excluded.${q(column)} ELSE ${q(table)}.${q(column)} END`;

export const keepMax = (table: string, column: string) =>
  `${q(column)} = CASE WHEN excluded.${q(column)} > ${q(table)}.${q(column)} THEN excluded.${q(column)} ELSE ${q(table)}.${q(column)} END`;
