// Sends what the outbox holds (AlertDelivery rows written by lib/alerts/outbox.ts), from the monitor tick.
//
// Several servers may run ticks on one database, so a row is claimed before it is sent: a conditional UPDATE
// moves its nextAttemptAt forward by a lease and counts the attempt, and only the server whose UPDATE changed the
// row sends it. A server that dies mid-send leaves the row to be picked up again when the lease ends.
//
// Every send has a hard timeout and runs beside the others (a few at a time), so a channel that hangs or fails
// delays nothing but itself. A failure is retried with backoff; after MAX_ATTEMPTS the row is failed for good, and
// so at once is a row whose channel was deleted or disabled since.
import { sql, type Sql } from "@/lib/db";
import { eachLimited } from "@/lib/each-limited";
import { parseChannelConfig } from "./channels/config";
import { sendToChannel, type SendResult } from "./channels/index";
import type { AlertNotice } from "./notice";

/** Seconds a claimed row is left alone by other servers: longer than any send may take. */
export const DELIVERY_LEASE_S = 120;
export const SEND_TIMEOUT_MS = 10_000;
/** Wait after the 1st, 2nd, … failed attempt. */
export const BACKOFF_S = [30, 120, 600, 1800, 7200];
export const MAX_ATTEMPTS = BACKOFF_S.length + 1;
const BATCH = 200;
const CONCURRENCY = 8;

export interface DeliveryOptions {
  timeoutMs?: number;
}

export interface DeliverySummary {
  sent: number;
  failed: number;
  retrying: number;
}

interface DueRow {
  appId: number;
  id: string;
  message: string;
  attempts: number;
  nextAttemptAt: number;
  channelKind: string | null;
  config: string | null;
  enabled: boolean | number | null;
}

const DUE = `SELECT "AlertDelivery"."appId", "AlertDelivery"."id", "AlertDelivery"."message", "AlertDelivery"."attempts",
    "AlertDelivery"."nextAttemptAt", "AlertChannel"."kind" AS "channelKind", "AlertChannel"."config", "AlertChannel"."enabled"
  FROM "AlertDelivery"
  LEFT JOIN "AlertChannel" ON "AlertChannel"."appId" = "AlertDelivery"."appId" AND "AlertChannel"."id" = "AlertDelivery"."channelId"
  WHERE "AlertDelivery"."status" = 'pending' AND "AlertDelivery"."nextAttemptAt" <= ?`;

/** One pass: every due row (up to a batch), each sent by exactly one server. */
export async function runDeliveries(nowMs: number, options: DeliveryOptions = {}): Promise<DeliverySummary> {
  const nowS = Math.floor(nowMs / 1000);
  const rows = await sql().all<DueRow>(`${DUE} ORDER BY "AlertDelivery"."nextAttemptAt" LIMIT ${BATCH}`, [nowS]);
  const summary: DeliverySummary = { sent: 0, failed: 0, retrying: 0 };
  await eachLimited(rows, CONCURRENCY, async (row) => {
    const outcome = await deliverRow(sql(), row, nowMs, options);
    if (outcome) summary[outcome]++;
  });
  return summary;
}

/** Sends one row now if it is due (the "send test" button); null when it was not (already sent or claimed). */
export async function deliverNow(
  appId: number,
  deliveryId: string,
  nowMs: number,
  options: DeliveryOptions = {},
): Promise<keyof DeliverySummary | null> {
  const nowS = Math.floor(nowMs / 1000);
  const [row] = await sql().all<DueRow>(`${DUE} AND "AlertDelivery"."appId" = ? AND "AlertDelivery"."id" = ?`, [
    nowS,
    appId,
    deliveryId,
  ]);
  return row ? deliverRow(sql(), row, nowMs, options) : null;
}

async function deliverRow(
  q: Sql,
  row: DueRow,
  nowMs: number,
  options: DeliveryOptions,
): Promise<keyof DeliverySummary | null> {
  const nowS = Math.floor(nowMs / 1000);
  const lease = nowS + DELIVERY_LEASE_S;
  const claimed = await q.run(
    `UPDATE "AlertDelivery" SET "nextAttemptAt" = ?, "attempts" = "attempts" + 1
     WHERE "appId" = ? AND "id" = ? AND "nextAttemptAt" = ? AND "status" = 'pending'`,
    [lease, row.appId, row.id, row.nextAttemptAt],
  );
  if (claimed !== 1) return null;
  const attempt = row.attempts + 1;
  const { result, final } = await attemptSend(row, nowMs, options.timeoutMs ?? SEND_TIMEOUT_MS);
  // Written only while the lease is ours: a send that outlived it belongs to whoever claimed the row next.
  const mine = `WHERE "appId" = ? AND "id" = ? AND "nextAttemptAt" = ?`;
  if (result.ok) {
    await q.run(
      `UPDATE "AlertDelivery" SET "status" = 'sent', "sentAt" = ?, "lastStatusCode" = ?, "lastError" = NULL ${mine}`,
      [nowS, result.statusCode ?? null, row.appId, row.id, lease],
    );
    return "sent";
  }
  const giveUp = final || attempt >= MAX_ATTEMPTS;
  await q.run(
    `UPDATE "AlertDelivery" SET "status" = ?, "nextAttemptAt" = ?, "lastStatusCode" = ?, "lastError" = ? ${mine}`,
    [
      giveUp ? "failed" : "pending",
      giveUp ? lease : nowS + BACKOFF_S[attempt - 1],
      result.statusCode ?? null,
      result.error ?? "failed",
      row.appId,
      row.id,
      lease,
    ],
  );
  console.warn(
    `[tallyhub] alert delivery ${row.id} (app ${row.appId}, ${row.channelKind ?? "deleted channel"}) failed, attempt ${attempt}/${MAX_ATTEMPTS}${giveUp ? ", giving up" : ""}: ${result.error}`,
  );
  return giveUp ? "failed" : "retrying";
}

/** The send itself, never throwing; `final` when retrying cannot help. */
async function attemptSend(
  row: DueRow,
  nowMs: number,
  timeoutMs: number,
): Promise<{ result: SendResult; final: boolean }> {
  if (row.channelKind === null) return { result: { ok: false, error: "The channel was deleted." }, final: true };
  if (!row.enabled) return { result: { ok: false, error: "The channel is disabled." }, final: true };
  const config = parseChannelConfig(row.channelKind, row.config ?? "");
  if (!config) return { result: { ok: false, error: "The channel's settings are unreadable." }, final: true };
  let notice: AlertNotice;
  try {
    notice = JSON.parse(row.message) as AlertNotice;
  } catch {
    return { result: { ok: false, error: "The notification is unreadable." }, final: true };
  }
  const signal = AbortSignal.timeout(timeoutMs);
  const timedOut = `timed out after ${+(timeoutMs / 1000).toFixed(1)} s`;
  // Email has no abort: the race ends the wait all the same.
  const aborted = new Promise<SendResult>((resolve) =>
    signal.addEventListener("abort", () => resolve({ ok: false, error: timedOut }), { once: true }),
  );
  try {
    const result = await Promise.race([sendToChannel(config, notice, { signal, nowMs }), aborted]);
    return { result: !result.ok && signal.aborted ? { ...result, error: timedOut } : result, final: false };
  } catch (e) {
    return { result: { ok: false, error: String((e as Error)?.message ?? e).slice(0, 200) }, final: false };
  }
}
