// Consumers are created on first sight of an identifier. Name and group come from the
// client's consumers[] list until a user sets them in the dashboard (nameByUser /
// groupByUser); a missing name or group never clears one already known.
import type { Sql } from "../db";
import { ensureIds, type EnsureSpec } from "./allocate";
import { findIdsByKey, insertMany, keepMax, keepMin } from "./batch";

export interface ConsumerSighting {
  firstSeen: number;
  lastSeen: number;
  name: string | null;
  group: string | null;
}

const groupSpec: EnsureSpec<null> = {
  counter: "nextGroupId",
  find: (db, appId, names) => findIdsByKey(db, "ConsumerGroup", "name", appId, names),
  async create(db, appId, items) {
    await insertMany(db, {
      table: "ConsumerGroup",
      columns: ["appId", "id", "name"],
      rows: items.map(({ key, id }) => [appId, id, key]),
      tail: "ON CONFLICT DO NOTHING",
    });
  },
};

const consumerColumns = ["appId", "id", "identifier", "name", "groupId", "firstSeen", "lastSeen"];

function consumerSpec(groupIds: Map<string, number>): EnsureSpec<ConsumerSighting> {
  return {
    counter: "nextConsumerId",
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
  const groupIds = await ensureIds(db, appId, groupSpec, groupNames);
  const ids = await ensureIds(db, appId, consumerSpec(groupIds), seen);
  const rows = [...ids].sort((a, b) => a[1] - b[1]);
  await insertMany(db, {
    table: "Consumer",
    columns: consumerColumns,
    rows: rows.map(([identifier, id]) => {
      const c = seen.get(identifier)!;
      return [appId, id, identifier, c.name, c.group ? groupIds.get(c.group)! : null, c.firstSeen, c.lastSeen];
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
