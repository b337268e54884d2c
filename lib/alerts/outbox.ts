// Notifications are written to the outbox (AlertDelivery) inside the same transaction as the
// state change that causes them, so a crash or restart can neither lose a notification nor
// send one twice for the same transition; lib/alerts/deliver.ts sends what is pending.
import { randomUUID } from "node:crypto";
import type { Sql } from "@/lib/db";
import type { AlertNotice } from "./notice";

/** Queues the notice for each of the app's enabled channels among channelIds; returns the new rows' ids. */
export async function enqueueNotice(
  q: Sql,
  appId: number,
  channelIds: readonly string[],
  notice: AlertNotice,
  nowS: number,
): Promise<string[]> {
  if (!channelIds.length) return [];
  const channels = await q.all<{ id: string }>(
    `SELECT "id" FROM "AlertChannel" WHERE "appId" = ? AND "enabled" AND "id" IN (${channelIds.map(() => "?").join(", ")})`,
    [appId, ...channelIds],
  );
  const message = JSON.stringify(notice);
  const ids: string[] = [];
  for (const c of channels) {
    const id = randomUUID();
    await q.run(
      `INSERT INTO "AlertDelivery" ("appId", "id", "channelId", "ruleId", "kind", "message", "nextAttemptAt", "createdAt")
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      [appId, id, c.id, notice.rule?.id ?? null, notice.kind, message, nowS, nowS],
    );
    ids.push(id);
  }
  return ids;
}
