// A generic webhook: the notice as JSON, signed so the receiver can tell it came from this Tallyhub and was not
// replayed. Signature = HMAC-SHA256 over "<timestamp>.<raw body>" with the channel's secret, hex, in
// X-Tallyhub-Signature as "sha256=<hex>"; the timestamp (epoch seconds) is X-Tallyhub-Timestamp.
import { createHmac, timingSafeEqual } from "node:crypto";
import type { AlertNotice } from "@/lib/alerts/notice";
import { postJson } from "./http";
import type { SendContext, SendResult } from "./types";

export const WEBHOOK_SECRET_PREFIX = "whsec_";

export function webhookBody(n: AlertNotice, sentAtS: number): string {
  const { kind, ...rest } = n;
  return JSON.stringify({ event: kind, ...rest, sentAt: sentAtS });
}

export function signWebhook(secret: string, timestamp: number | string, body: string): string {
  return "sha256=" + createHmac("sha256", secret).update(`${timestamp}.${body}`, "utf8").digest("hex");
}

/** What a receiver does (in any language): recompute the signature and compare in constant time. */
export function verifyWebhook(secret: string, timestamp: string, body: string, signature: string): boolean {
  const expected = Buffer.from(signWebhook(secret, timestamp, body));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

export function sendWebhook(
  config: { url: string; secret: string },
  n: AlertNotice,
  ctx: SendContext,
): Promise<SendResult> {
  const timestamp = Math.floor(ctx.nowMs / 1000);
  const body = webhookBody(n, timestamp);
  return postJson(config.url, body, ctx, {
    "x-tallyhub-timestamp": String(timestamp),
    "x-tallyhub-signature": signWebhook(config.secret, timestamp, body),
  });
}
