// The delivery log of an app's notifications, newest first, 50 to a page by a (createdAt, id) keyset: what was
// sent where, for which rule, and how it went.
import { sql } from "@/lib/db";

export const DELIVERY_PAGE = 50;

export interface DeliveryLogRow {
  id: string;
  createdAt: number;
  kind: "firing" | "resolved" | "test";
  status: "pending" | "sent" | "failed";
  attempts: number;
  statusCode: number | null;
  error: string | null;
  nextAttemptAt: number;
  /** null once the channel was deleted. */
  channelName: string | null;
  channelKind: string | null;
  /** null for tests and once the rule was deleted. */
  ruleName: string | null;
}

export interface DeliveryCursor {
  createdAt: number;
  id: string;
}

export async function listDeliveries(
  appId: number,
  before: DeliveryCursor | null = null,
): Promise<{ rows: DeliveryLogRow[]; older: string | null }> {
  const params: (string | number)[] = [appId];
  let keyset = "";
  if (before) {
    keyset = `AND ("AlertDelivery"."createdAt" < ? OR ("AlertDelivery"."createdAt" = ? AND "AlertDelivery"."id" < ?))`;
    params.push(before.createdAt, before.createdAt, before.id);
  }
  const rows = await sql().all<Omit<DeliveryLogRow, "createdAt"> & { createdAt: number | string }>(
    `SELECT "AlertDelivery"."id", "AlertDelivery"."createdAt", "AlertDelivery"."kind", "AlertDelivery"."status",
        "AlertDelivery"."attempts", "AlertDelivery"."lastStatusCode" AS "statusCode", "AlertDelivery"."lastError" AS "error",
        "AlertDelivery"."nextAttemptAt", "AlertChannel"."name" AS "channelName", "AlertChannel"."kind" AS "channelKind",
        "AlertRule"."name" AS "ruleName"
     FROM "AlertDelivery"
     LEFT JOIN "AlertChannel" ON "AlertChannel"."appId" = "AlertDelivery"."appId" AND "AlertChannel"."id" = "AlertDelivery"."channelId"
     LEFT JOIN "AlertRule" ON "AlertRule"."appId" = "AlertDelivery"."appId" AND "AlertRule"."id" = "AlertDelivery"."ruleId"
     WHERE "AlertDelivery"."appId" = ? ${keyset}
     ORDER BY "AlertDelivery"."createdAt" DESC, "AlertDelivery"."id" DESC
     LIMIT ${DELIVERY_PAGE + 1}`,
    params,
  );
  const page = rows.slice(0, DELIVERY_PAGE).map((r) => ({ ...r, createdAt: Number(r.createdAt) }));
  const last = page.at(-1);
  return { rows: page, older: rows.length > DELIVERY_PAGE && last ? `${last.createdAt}_${last.id}` : null };
}
