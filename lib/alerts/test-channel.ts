// "Send test": a test notice queued for one channel through the outbox like any alert, then sent at once, so the
// person sees right away whether it arrived; the row stays in the delivery log (and is retried like any other
// if this first attempt failed).
import { appAction } from "@/lib/actions/app-action";
import { sql } from "@/lib/db";
import { channelRefSchema } from "@/lib/validations/alert-channels";
import { invalid, ok } from "@/lib/validations/result";
import { deliverNow, type DeliveryOptions } from "./deliver";
import type { AlertNotice } from "./notice";
import { enqueueNotice } from "./outbox";

export interface TestOutcome {
  status: "sent" | "pending" | "failed";
  statusCode: number | null;
  error: string | null;
}

export const testChannel = appAction(
  "configure",
  channelRefSchema,
  async ({ app, input }, dashboardOrigin: string, options: DeliveryOptions & { nowMs?: number } = {}) => {
    const nowMs = options.nowMs ?? Date.now();
    const nowS = Math.floor(nowMs / 1000);
    const env = app.environments[0]?.name ?? "";
    const notice: AlertNotice = {
      kind: "test",
      app: { id: app.id, name: app.name },
      env,
      rule: null,
      value: null,
      at: nowS,
      url: `${dashboardOrigin}/apps/${app.id}/traffic${env ? `?env=${encodeURIComponent(env)}` : ""}`,
    };
    const [deliveryId] = await sql().tx((q) => enqueueNotice(q, app.id, [input.channelId], notice, nowS));
    if (!deliveryId) return invalid({}, "That channel is switched off or no longer exists: switch it on to test it.");
    await deliverNow(app.id, deliveryId, nowMs, options);
    const [row] = await sql().all<{
      status: TestOutcome["status"];
      lastStatusCode: number | null;
      lastError: string | null;
    }>(`SELECT "status", "lastStatusCode", "lastError" FROM "AlertDelivery" WHERE "appId" = ? AND "id" = ?`, [
      app.id,
      deliveryId,
    ]);
    return ok<TestOutcome>({ status: row.status, statusCode: row.lastStatusCode, error: row.lastError });
  },
);
