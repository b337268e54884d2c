// What the notification-channel forms accept. One form serves every kind: the URL and the recipients are checked
// for their format whenever typed, and required by the kinds that need them. Hosts are not restricted: self-hosters
// point Slack-style webhooks at Mattermost, Rocket.Chat or their own proxy.
import { z } from "zod";
import { CHANNEL_KINDS, type ChannelKind } from "@/lib/alerts/channels/types";

export const MAX_RECIPIENTS = 20;

export const channelNameSchema = z
  .string({ error: "Give the channel a name." })
  .trim()
  .min(1, { error: "Give the channel a name." })
  .max(80, { error: "Use at most 80 characters." });

const URL_MESSAGE = "Enter a full URL starting with https:// (or http://).";

/** "" → null; anything else must be an absolute http(s) URL. */
export const optionalHttpUrlSchema = z
  .string()
  .trim()
  .max(2000, { error: "That URL is too long (at most 2000 characters)." })
  .refine((s) => s === "" || isHttpUrl(s), { error: URL_MESSAGE })
  .transform((s) => s || null);

function isHttpUrl(s: string): boolean {
  try {
    const u = new URL(s);
    return (u.protocol === "https:" || u.protocol === "http:") && u.hostname !== "";
  } catch {
    return false;
  }
}

/** "a@x.com, b@y.com" (commas, semicolons, spaces or lines) → the addresses; "" → null. */
export const optionalRecipientsSchema = z
  .string()
  .max(5000)
  .transform((s) => [...new Set(s.split(/[\s,;]+/).filter(Boolean))])
  .superRefine((list, ctx) => {
    const bad = list.find((a) => !z.email().safeParse(a).success);
    if (bad) ctx.addIssue({ code: "custom", message: `"${bad.slice(0, 60)}" is not an email address.` });
    if (list.length > MAX_RECIPIENTS)
      ctx.addIssue({ code: "custom", message: `List at most ${MAX_RECIPIENTS} addresses.` });
  })
  .transform((list) => (list.length ? list : null));

const NEEDS: Record<ChannelKind, "url" | "recipients"> = {
  slack: "url",
  teams: "url",
  webhook: "url",
  email: "recipients",
};

export const createChannelSchema = z
  .object({
    kind: z.enum(CHANNEL_KINDS, { error: "Choose Slack, Microsoft Teams, webhook or email." }),
    name: channelNameSchema,
    url: optionalHttpUrlSchema.prefault(""),
    recipients: optionalRecipientsSchema.prefault(""),
  })
  .superRefine((v, ctx) => {
    const field = NEEDS[v.kind];
    if (v[field] === null)
      ctx.addIssue({
        code: "custom",
        path: [field],
        message: field === "url" ? "Enter the webhook URL." : "Enter at least one email address.",
      });
  });

/** A channel of the app, by the id the list posts back. */
export const channelIdSchema = z.string().trim().min(1).max(64);

export const channelRefSchema = z.object({ channelId: channelIdSchema });

export const setChannelEnabledSchema = z.object({
  channelId: channelIdSchema,
  enabled: z.enum(["true", "false"]).transform((v) => v === "true"),
});

/** The delivery log's "older" link: the last row's time and id, as the page URL carries them. */
export const deliveryCursorSchema = z
  .string()
  .regex(/^\d{1,12}_[\w-]{1,64}$/)
  .transform((s) => {
    const i = s.indexOf("_");
    return { createdAt: Number(s.slice(0, i)), id: s.slice(i + 1) };
  })
  .nullable()
  .catch(null);
