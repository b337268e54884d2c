// Putting a consumer into a group, by name: an existing group of the app or a new one.
// groupByUser makes the choice stick against the client's later syncs.
import { appAction } from "@/lib/actions/app-action";
import type { Sql } from "@/lib/db";
import { allocateIds } from "@/lib/store/allocate";
import { inTransaction } from "@/lib/store/transaction";
import { ok } from "@/lib/validations/result";
import { setConsumerGroupSchema } from "./schemas";
import { updateConsumerOr404 } from "./update";

async function groupIdByName(db: Sql, appId: number, name: string): Promise<number | null> {
  const [row] = await db.all<{ id: number }>(`SELECT "id" FROM "ConsumerGroup" WHERE "appId" = ? AND "name" = ?`, [
    appId,
    name,
  ]);
  return row ? Number(row.id) : null;
}

/** The group's id, creating it if the app has none by that name (ingest may race us to it). */
async function ensureGroup(db: Sql, appId: number, name: string): Promise<number> {
  const existing = await groupIdByName(db, appId, name);
  if (existing !== null) return existing;
  const id = await allocateIds(db, appId, "nextGroupId", 1);
  await db.run(`INSERT INTO "ConsumerGroup" ("appId", "id", "name") VALUES (?, ?, ?) ON CONFLICT DO NOTHING`, [
    appId,
    id,
    name,
  ]);
  return (await groupIdByName(db, appId, name))!;
}

export const setConsumerGroup = appAction(
  "use",
  setConsumerGroupSchema,
  async ({ app, input: { consumerId, group } }) => {
    const groupId = await inTransaction(async (db) => {
      const id = group === null ? null : await ensureGroup(db, app.id, group);
      await updateConsumerOr404(db, app.id, consumerId, `"groupId" = ?, "groupByUser" = ?`, [id, true]);
      return id;
    });
    return ok({ groupId, group });
  },
);
