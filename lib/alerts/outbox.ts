// Notifications are written to the outbox (AlertDelivery) inside the same transaction as the
// state change that causes them, so a crash or restart can neither lose a notification nor
// send one twice for the same transition; lib/alerts/deliver.ts sends what is pending.
import { randomUUID } from "node:crypto";
import type { Sql } from "@/lib/db";
import type { AlertNotice } from "./notice";

/** Queues the notice for each of the app's enabled channels among channelIds; returns how many. */
export async function enqueueNotice(
  q: Sql,
  appId: number,
  channelIds: readonly string[],
  notice: AlertNotice,
  nowS: number,
): Promise<number> {
  if (!channelIds.length) return 0;
  const channels = await q.all<{ id: string }>(
    `SELECT "id" FROM "AlertChannel" WHERE "appId" = ? AND "enabled" AND "id" IN (${channelIds.map(() => "?").join(", ")})`,
    [appId, ...channelIds],
  );
  const message = JSON.stringify(notice);
  for (const c of channels)
    await q.run(
      `INSERT INTO "AlertDelivery" ("appId", "id", "channelId", "ruleId", "kind", "message", "nextAttemptAt", "createdAt")
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      [appId, randomUUID(), c.id, notice.rule?.id ?? null, notice.kind, message, nowS, nowS],
    );
  return channels.length;
}
