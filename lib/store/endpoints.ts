// Endpoints (method + route template). Startup lists them all, including routes never
// called; a sync may name one the startup has not (or not yet) reported.
import type { Sql } from "../db";
import { INT32_MAX } from "../model/limits";
import { byDistinctId, ensureIds, type EnsureSpec } from "./allocate";
import { insertMany, selectIn } from "./batch";
import { OTHER_ID, OTHER_LABEL } from "./caps";

export interface EndpointInfo {
  method: string;
  path: string;
  summary?: string | null;
  description?: string | null;
}

// Methods are tokens without spaces, so the first space splits the key unambiguously.
export const endpointKey = (method: string, path: string) => `${method} ${path}`;

const COLUMNS = ["appId", "id", "method", "path", "summary", "description", "inStartup", "firstSeen", "lastSeen"];

// Syncs refresh an endpoint's lastSeen at most this often, so a sync naming known endpoints writes nothing;
// retention prunes with a day's margin over it.
export const LAST_SEEN_REFRESH_SECONDS = 3600;

const endpointSpec = (now: number, inStartup: boolean): EnsureSpec<EndpointInfo> => ({
  counter: "nextEndpointId",
  kind: "endpoints",
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
      columns: COLUMNS,
      rows: items.map(({ id, value: e }) => [
        appId,
        id,
        e.method,
        e.path,
        e.summary ?? null,
        e.description ?? null,
        inStartup,
        now,
        now,
      ]),
      tail: "ON CONFLICT DO NOTHING",
    });
  },
  createOther: (db, appId) => insertOtherEndpoint(db, appId, now),
});

/** The endpoint "(other)": "*" is a method no route is listed with, and "(other)" no route template. */
export async function insertOtherEndpoint(db: Sql, appId: number, now: number) {
  await db.run(
    `INSERT INTO "Endpoint" (${COLUMNS.map((c) => `"${c}"`).join(", ")}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT DO NOTHING`,
    [appId, OTHER_ID, "*", OTHER_LABEL, null, "New endpoints past the app's cap", false, now, now],
  );
}

/** Ids of the endpoints named in a sync, creating unknown ones; known ones not seen for an hour are marked seen. */
export async function ensureEndpoints(db: Sql, appId: number, endpoints: Map<string, EndpointInfo>, now: number) {
  const ids = await ensureIds(db, appId, endpointSpec(now, false), endpoints);
  const known = byDistinctId(ids).map(([, id]) => id);
  for (let at = 0; at < known.length; at += 500) {
    const chunk = known.slice(at, at + 500);
    await db.run(
      `UPDATE "Endpoint" SET "lastSeen" = ? WHERE "appId" = ? AND "lastSeen" < ? AND "id" IN (${chunk.map(() => "?").join(", ")})`,
      [now, appId, now - LAST_SEEN_REFRESH_SECONDS, ...chunk],
    );
  }
  return ids;
}

// "In the latest startup" (Endpoint.inStartup, which keeps a never-called route from retention): one mark for the
// whole app, while each environment runs its own version. The latest startup of an environment is the newest of its
// instances' (Instance.startupAt; in a rolling deploy the new version's). A route keeps the mark while the latest
// startup of some environment lists it. The mark has no environment, so which routes another environment's latest
// startup listed is told from time: every route a startup lists gets lastSeen = its time and lastSeen never goes
// back, so a route last seen before each other environment's latest startup is listed by none of them. A route seen
// since (by a sync, or by an earlier startup here) may be one of theirs and keeps the mark until a later startup can
// tell: the mark errs on keeping a route (bounded by the endpoint cap), never drops one another environment declares.

/** A startup of envId lists the routes it declares: the others lose the mark unless another environment may list them. */
export async function clearStartupMarks(db: Sql, appId: number, envId: number) {
  await db.run(
    `UPDATE "Endpoint" SET "inStartup" = ? WHERE "appId" = ? AND "inStartup" AND "lastSeen" < COALESCE(
       (SELECT MIN("latest") FROM (SELECT MAX("startupAt") AS "latest" FROM "Instance"
          WHERE "appId" = ? AND "envId" <> ? AND "startupAt" IS NOT NULL GROUP BY "envId") AS "other"),
       ?)`,
    [false, appId, appId, envId, INT32_MAX],
  );
}

/** Records a startup's route list: creates the new ones and marks all of them as reported. */
export async function recordStartupEndpoints(
  db: Sql,
  appId: number,
  endpoints: Map<string, EndpointInfo>,
  now: number,
) {
  const ids = await ensureIds(db, appId, endpointSpec(now, true), endpoints);
  // Routes past the cap stay "(other)": a startup does not list "(other)" as a route of the app.
  const rows = [...ids].filter(([, id]) => id !== OTHER_ID).sort((a, b) => a[1] - b[1]);
  await insertMany(db, {
    table: "Endpoint",
    columns: COLUMNS,
    rows: rows.map(([key, id]) => {
      const e = endpoints.get(key)!;
      return [appId, id, e.method, e.path, e.summary ?? null, e.description ?? null, true, now, now];
    }),
    tail: `ON CONFLICT ("appId", "id") DO UPDATE SET "inStartup" = excluded."inStartup", "lastSeen" = excluded."lastSeen",
      "summary" = COALESCE(excluded."summary", "Endpoint"."summary"),
      "description" = COALESCE(excluded."description", "Endpoint"."description")`,
  });
}
