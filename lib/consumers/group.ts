// Putting a consumer into a group, by name: an existing group of the app or a new one.
// groupByUser makes the choice stick against the client's later syncs.
import type { Sql } from "@/lib/db";
import { allocateIds } from "@/lib/store/allocate";
import { inTransaction } from "@/lib/store/transaction";
import { parseInput, type Result } from "@/lib/validations/result";
import { requireOwnedApp } from "@/lib/apps/access";
import { updateConsumerOr404 } from "./update";
import { setConsumerGroupSchema } from "./schemas";

async function groupIdByName(db: Sql, appId: number, name: string): Promise<number | null> {
  const [row] = await db.all<{ id: number }>(`SELECT "id" FROM "ConsumerGroup" WHERE "appId" = ? AND "name" = ?`, [appId, name]);
  return row ? Number(row.id) : null;
}

/** The group's id, creating it if the app has none by that name (ingest may race us to it). */
async function ensureGroup(db: Sql, appId: number, name: string): Promise<number> {
  const existing = await groupIdByName(db, appId, name);
  if (existing !== null) return existing;
  const id = await allocateIds(db, appId, "nextGroupId", 1);
  await db.run(`INSERT INTO "ConsumerGroup" ("appId", "id", "name") VALUES (?, ?, ?) ON CONFLICT DO NOTHING`, [appId, id, name]);
  return (await groupIdByName(db, appId, name))!;
}

export async function setConsumerGroup(
  userId: string,
  appId: number,
  input: unknown,
): Promise<Result<{ groupId: number | null; group: string | null }>> {
  await requireOwnedApp(appId, userId);
  const parsed = parseInput(setConsumerGroupSchema, input);
  if (!parsed.ok) return parsed;
  const { consumerId, group } = parsed.value;
  const groupId = await inTransaction(async (db) => {
    const id = group === null ? null : await ensureGroup(db, appId, group);
    await updateConsumerOr404(db, appId, consumerId, `"groupId" = ?, "groupByUser" = ?`, [id, true]);
    return id;
  });
  return { ok: true, value: { groupId, group } };
}
