"use server";

// Server actions of the notification-channels page: each a mutation from lib/alerts behind the guard (admins
// only); here, what the page shows after.
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { appFormAction } from "@/lib/actions/app-action";
import { createChannel, deleteChannel, rotateWebhookSecret, setChannelEnabled } from "@/lib/alerts/manage-channels";
import { testChannel, type TestOutcome } from "@/lib/alerts/test-channel";
import { parseAppId } from "@/lib/apps/access";
import { hubBaseUrl } from "@/lib/apps/hub-url";
import { requireUser } from "@/lib/auth/session";
import { formText, type FormState } from "@/lib/validations/result";

const page = (appId: number) => `/apps/${appId}/alerts/channels`;
const SHOWN_ONCE = "Copy it now: it will not be shown again.";

export const createChannelAction = appFormAction(createChannel, ({ name, secret }, { appId }) => {
  revalidatePath(page(appId));
  return secret
    ? { ok: true, message: `Channel "${name}" added. Its signing secret: ${SHOWN_ONCE}`, values: { secret } }
    : { ok: true, message: `Channel "${name}" added.` };
});

export const setChannelEnabledAction = appFormAction(setChannelEnabled, ({ enabled }, { appId }) => {
  revalidatePath(page(appId));
  return { ok: true, message: enabled ? "Switched on." : "Switched off." };
});

export const deleteChannelAction = appFormAction(deleteChannel, (_, { appId }) => {
  revalidatePath(page(appId));
  return { ok: true, message: "Channel deleted." };
});

export const rotateWebhookSecretAction = appFormAction(rotateWebhookSecret, ({ secret }, { appId }) => {
  revalidatePath(page(appId));
  return { ok: true, message: `New signing secret: update your receiver. ${SHOWN_ONCE}`, values: { secret } };
});

/** Sends a test through the channel now; the links in it point at this server as the person reached it. */
export async function testChannelAction(_prev: FormState, form: FormData): Promise<FormState> {
  const user = await requireUser();
  const appId = parseAppId(formText(form, "appId"));
  const origin = hubBaseUrl(await headers());
  const result = await testChannel(user.id, appId, { channelId: formText(form, "channelId") }, origin);
  revalidatePath(page(appId));
  return result.ok ? { ok: result.value.status === "sent", message: outcomeMessage(result.value) } : result;
}

function outcomeMessage(o: TestOutcome): string {
  if (o.status === "sent") return o.statusCode ? `Test sent (HTTP ${o.statusCode}).` : "Test sent.";
  const retry = o.status === "pending" ? " It will be retried; see the delivery log." : "";
  return `Test not delivered: ${o.error ?? "unknown error"}.${retry}`;
}
