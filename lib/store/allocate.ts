// Per-app ids. Every per-app table is keyed (appId, id), so ids come from counters on the
// App row. Creating rows goes through admit() (caps.ts), which locks that row (PostgreSQL)
// until the transaction ends, serialising concurrent creation of the same new thing within
// one app, and holds each kind to its cap: keys past it get the kind's "(other)" row.
import type { Sql } from "../db";
import { admit, OTHER_ID, type CapKind } from "./caps";

export { AppGone } from "./caps";

export type Counter = "nextEnvId" | "nextEndpointId" | "nextConsumerId" | "nextGroupId" | "nextErrorId";

export interface EnsureSpec<T> {
  counter: Counter;
  kind: CapKind;
  /** Ids of the keys that exist. */
  find(db: Sql, appId: number, keys: string[]): Promise<Map<string, number>>;
  /** Inserts new rows with the given ids, ignoring any that exist by now (ON CONFLICT DO NOTHING). */
  create(db: Sql, appId: number, items: { key: string; id: number; value: T }[]): Promise<void>;
  /** Inserts the kind's "(other)" row with id OTHER_ID unless it exists. */
  createOther(db: Sql, appId: number): Promise<void>;
}

/** Ids for all wanted keys, creating the missing ones up to the cap; the rest get OTHER_ID. */
export async function ensureIds<T>(
  db: Sql,
  appId: number,
  spec: EnsureSpec<T>,
  wanted: Map<string, T>,
): Promise<Map<string, number>> {
  if (wanted.size === 0) return new Map();
  const keys = [...wanted.keys()];
  const ids = await spec.find(db, appId, keys);
  let missing = keys.filter((k) => !ids.has(k));
  if (missing.length === 0) return ids;
  const { next, admitted } = await admit(db, appId, spec.kind, spec.counter, async () => {
    // Another transaction may have created some of them while this one waited for the lock.
    for (const [k, id] of await spec.find(db, appId, missing)) ids.set(k, id);
    missing = missing.filter((k) => !ids.has(k));
    return missing.length;
  });
  const created = missing.slice(0, admitted);
  if (created.length > 0) {
    await spec.create(
      db,
      appId,
      created.map((key, i) => ({ key, id: next + i, value: wanted.get(key)! })),
    );
    // Keys must read back exactly as sent (parsers mend text the databases would change).
    const back = await spec.find(db, appId, created);
    if (back.size !== created.length)
      throw new Error(`${spec.counter}: ${created.length - back.size} key(s) not found after insert`);
    for (const [k, id] of back) ids.set(k, id);
  }
  if (admitted < missing.length) {
    await spec.createOther(db, appId);
    for (const k of missing.slice(admitted)) ids.set(k, OTHER_ID);
  }
  return ids;
}

/** One entry per id: keys past a cap share OTHER_ID, and an upsert may touch a row only once. */
export function byDistinctId(ids: Map<string, number>): [string, number][] {
  const seen = new Set<number>();
  return [...ids].filter(([, id]) => !seen.has(id) && seen.add(id)).sort((a, b) => a[1] - b[1]);
}
