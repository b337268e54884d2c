// Endpoints (method + route template). Startup lists them all, including routes never
// called; a sync may name one the startup has not (or not yet) reported.
import type { Sql } from "../db";
import { ensureIds, type EnsureSpec } from "./allocate";
import { insertMany, selectIn } from "./batch";

export interface EndpointInfo {
  method: string;
  path: string;
  summary?: string | null;
  description?: string | null;
}

// Methods are tokens without spaces, so the first space splits the key unambiguously.
export const endpointKey = (method: string, path: string) => `${method} ${path}`;

const endpointSpec = (now: number, inStartup: boolean): EnsureSpec<EndpointInfo> => ({
  counter: "nextEndpointId",
  async find(db, appId, keys) {
    const paths = [...new Set(keys.map((k) => k.slice(k.indexOf(" ") + 1)))];
    const rows = await selectIn<{ id: number; method: string; path: string }>(
      db,
      (ph) => `SELECT "id", "method", "path" FROM "Endpoint" WHERE "appId" = ? AND "path" IN (${ph})`,
      [appId],
      paths,
    );
    const wanted = new Set(keys);
    const ids = new Map<string, number>();
    for (const r of rows) {
      const key = endpointKey(r.method, r.path);
      if (wanted.has(key)) ids.set(key, Number(r.id));
    }
    return ids;
  },
  async create(db, appId, items) {
    await insertMany(db, {
      table: "Endpoint",
      columns: ["appId", "id", "method", "path", "summary", "description", "inStartup", "firstSeen"],
      rows: items.map(({ id, value: e }) => [
        appId,
        id,
        e.method,
        e.path,
        e.summary ?? null,
        e.description ?? null,
        inStartup,
        now,
      ]),
      tail: "ON CONFLICT DO NOTHING",
    });
  },
});

/** Ids of the endpoints named in a sync, creating unknown ones. */
export function ensureEndpoints(db: Sql, appId: number, endpoints: Map<string, EndpointInfo>, now: number) {
  return ensureIds(db, appId, endpointSpec(now, false), endpoints);
}

/** Records a startup's route list: creates the new ones and marks all of them as reported. */
export async function recordStartupEndpoints(
  db: Sql,
  appId: number,
  endpoints: Map<string, EndpointInfo>,
  now: number,
) {
  const ids = await ensureIds(db, appId, endpointSpec(now, true), endpoints);
  const rows = [...ids].sort((a, b) => a[1] - b[1]);
  await insertMany(db, {
    table: "Endpoint",
    columns: ["appId", "id", "method", "path", "summary", "description", "inStartup", "firstSeen"],
    rows: rows.map(([key, id]) => {
      const e = endpoints.get(key)!;
      return [appId, id, e.method, e.path, e.summary ?? null, e.description ?? null, true, now];
    }),
    tail: `ON CONFLICT ("appId", "id") DO UPDATE SET "inStartup" = excluded."inStartup",
      "summary" = COALESCE(excluded."summary", "Endpoint"."summary"),
      "description" = COALESCE(excluded."description", "Endpoint"."description")`,
  });
}
