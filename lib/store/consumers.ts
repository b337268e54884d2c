// Consumers are created on first sight of an identifier. Name and group come from the
// client's consumers[] list until a user sets them in the dashboard (nameByUser /
// groupByUser); a missing name or group never clears one already known.
import type { Sql } from "../db";
import { byDistinctId, ensureIds, type EnsureSpec } from "./allocate";
import { findIdsByKey, insertMany, keepMax, keepMin } from "./batch";
import { OTHER_ID, OTHER_LABEL } from "./caps";

export interface ConsumerSighting {
  firstSeen: number;
  lastSeen: number;
  name: string | null;
  group: string | null;
}

// Clients' identifiers, names and groups are trimmed (lib/ingest/normalise.ts): a trailing space makes the
// "(other)" keys ones no client can send, while they read as "(other)".
const OTHER_KEY = `${OTHER_LABEL} `;

const groupSpec: EnsureSpec<null> = {
  counter: "nextGroupId",
  kind: "groups",
  find: (db, appId, names) => findIdsByKey(db, "ConsumerGroup", "name", appId, names),
  async create(db, appId, items) {
    await insertMany(db, {
      table: "ConsumerGroup",
      columns: ["appId", "id", "name"],
      rows: items.map(({ key, id }) => [appId, id, key]),
      tail: "ON CONFLICT DO NOTHING",
    });
  },
  async createOther(db, appId) {
    await db.run(`INSERT INTO "ConsumerGroup" ("appId", "id", "name") VALUES (?, ?, ?) ON CONFLICT DO NOTHING`, [
      appId,
      OTHER_ID,
      OTHER_KEY,
    ]);
  },
};

/** Ids of consumer groups by name, creating new ones (up to the cap; past it "(other)"). */
export const ensureGroups = (db: Sql, appId: number, names: Map<string, null>) =>
  ensureIds(db, appId, groupSpec, names);

const consumerColumns = ["appId", "id", "identifier", "name", "groupId", "firstSeen", "lastSeen"];

function consumerSpec(
  groupIds: Map<string, number>,
  sightings: { firstSeen: number; lastSeen: number },
): EnsureSpec<ConsumerSighting> {
  return {
    counter: "nextConsumerId",
    kind: "consumers",
    find: (db, appId, identifiers) => findIdsByKey(db, "Consumer", "identifier", appId, identifiers),
    async create(db, appId, items) {
      await insertMany(db, {
        table: "Consumer",
        columns: consumerColumns,
        rows: items.map(({ key, id, value: c }) => [
          appId,
          id,
          key,
          c.name,
          c.group ? groupIds.get(c.group)! : null,
          c.firstSeen,
          c.lastSeen,
        ]),
        tail: "ON CONFLICT DO NOTHING",
      });
    },
    // Named by us, so the clients' names and groups never apply to it.
    async createOther(db, appId) {
      await db.run(
        `INSERT INTO "Consumer" ("appId", "id", "identifier", "name", "nameByUser", "groupByUser", "firstSeen", "lastSeen")
         VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
        [appId, OTHER_ID, OTHER_KEY, OTHER_LABEL, true, true, sightings.firstSeen, sightings.lastSeen],
      );
    },
  };
}

/**
 * Ids for every identifier seen, creating new consumers; existing ones get their first/last
 * seen widened and the client's name/group applied.
 */
export async function ensureConsumers(
  db: Sql,
  appId: number,
  seen: Map<string, ConsumerSighting>,
): Promise<Map<string, number>> {
  if (seen.size === 0) return new Map();
  const groupNames = new Map<string, null>();
  for (const c of seen.values()) if (c.group) groupNames.set(c.group, null);
  const groupIds = await ensureGroups(db, appId, groupNames);
  const span = { firstSeen: Infinity, lastSeen: -Infinity };
  for (const c of seen.values()) {
    span.firstSeen = Math.min(span.firstSeen, c.firstSeen);
    span.lastSeen = Math.max(span.lastSeen, c.lastSeen);
  }
  const ids = await ensureIds(db, appId, consumerSpec(groupIds, span), seen);
  const rows = byDistinctId(ids);
  await insertMany(db, {
    table: "Consumer",
    columns: consumerColumns,
    rows: rows.map(([identifier, id]) => {
      // "(other)" stands for all the sightings past the cap, and keeps its own name.
      const c = id === OTHER_ID ? { ...span, name: null, group: null } : seen.get(identifier)!;
      const key = id === OTHER_ID ? OTHER_KEY : identifier;
      return [appId, id, key, c.name, c.group ? groupIds.get(c.group)! : null, c.firstSeen, c.lastSeen];
    }),
    tail: `ON CONFLICT ("appId", "id") DO UPDATE SET
      "name" = CASE WHEN "Consumer"."nameByUser" OR excluded."name" IS NULL
        THEN "Consumer"."name" ELSE excluded."name" END,
      "groupId" = CASE WHEN "Consumer"."groupByUser" OR excluded."groupId" IS NULL
        THEN "Consumer"."groupId" ELSE excluded."groupId" END,
      ${keepMin("Consumer", "firstSeen")}, ${keepMax("Consumer", "lastSeen")}`,
  });
  return ids;
}
