// Per-app ids. Every per-app table is keyed (appId, id), so ids come from counters on the
// App row. Taking a block of ids locks that row (PostgreSQL) until the transaction ends,
// which also serialises concurrent creation of the same new thing within one app.
import type { Sql } from "../db";

export type Counter = "nextEnvId" | "nextEndpointId" | "nextConsumerId" | "nextGroupId" | "nextErrorId";

/** The app was deleted while its data was arriving. */
export class AppGone extends Error {}

/** Reserves n consecutive ids and returns the first. */
export async function allocateIds(db: Sql, appId: number, counter: Counter, n: number): Promise<number> {
  const rows = await db.all<{ next: number }>(
    `UPDATE "App" SET "${counter}" = "${counter}" + ? WHERE "id" = ? RETURNING "${counter}" AS "next"`,
    [n, appId],
  );
  if (rows.length === 0) throw new AppGone();
  return Number(rows[0].next) - n;
}

export interface EnsureSpec<T> {
  counter: Counter;
  /** Ids of the keys that exist. */
  find(db: Sql, appId: number, keys: string[]): Promise<Map<string, number>>;
  /** Inserts new rows with the given ids, ignoring any that exist by now (ON CONFLICT DO NOTHING). */
  create(db: Sql, appId: number, items: { key: string; id: number; value: T }[]): Promise<void>;
}

/** Ids for all wanted keys, creating the missing ones. */
export async function ensureIds<T>(
  db: Sql,
  appId: number,
  spec: EnsureSpec<T>,
  wanted: Map<string, T>,
): Promise<Map<string, number>> {
  if (wanted.size === 0) return new Map();
  const keys = [...wanted.keys()];
  const ids = await spec.find(db, appId, keys);
  const missing = keys.filter((k) => !ids.has(k));
  if (missing.length === 0) return ids;
  const first = await allocateIds(db, appId, spec.counter, missing.length);
  await spec.create(
    db,
    appId,
    missing.map((key, i) => ({ key, id: first + i, value: wanted.get(key)! })),
  );
  // Another transaction may have created some of them first: read back the real ids.
  for (const [k, id] of await spec.find(db, appId, missing)) ids.set(k, id);
  // Keys must read back exactly as sent (parsers mend text the databases would change).
  if (ids.size !== wanted.size)
    throw new Error(`${spec.counter}: ${wanted.size - ids.size} key(s) not found after insert`);
  return ids;
}
