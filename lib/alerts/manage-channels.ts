// Adding, switching on and off, deleting notification channels and rotating a webhook's signing secret: admins
// only ("configure"). A webhook's secret is made here and shown once (the create and rotate results carry it);
// nothing else ever returns it.
import { randomUUID } from "node:crypto";
import { appAction } from "@/lib/actions/app-action";
import { newSecret } from "@/lib/auth/tokens";
import { prisma } from "@/lib/db";
import { channelRefSchema, createChannelSchema, setChannelEnabledSchema } from "@/lib/validations/alert-channels";
import { invalid, ok } from "@/lib/validations/result";
import { parseChannelConfig, storedConfig } from "./channels/config";
import type { ChannelConfig } from "./channels/types";
import { WEBHOOK_SECRET_PREFIX } from "./channels/webhook";

const GONE = "That channel no longer exists.";

export const createChannel = appAction("configure", createChannelSchema, async ({ app, input }) => {
  const secret = input.kind === "webhook" ? newSecret(WEBHOOK_SECRET_PREFIX) : null;
  const config: ChannelConfig =
    input.kind === "email"
      ? { kind: "email", recipients: input.recipients ?? [] }
      : input.kind === "webhook"
        ? { kind: "webhook", url: input.url ?? "", secret: secret ?? "" }
        : { kind: input.kind, url: input.url ?? "" };
  const row = await prisma().alertChannel.create({
    data: { appId: app.id, id: randomUUID(), name: input.name, kind: input.kind, config: storedConfig(config) },
  });
  return ok({ id: row.id, name: row.name, secret });
});

export const setChannelEnabled = appAction("configure", setChannelEnabledSchema, async ({ app, input }) => {
  const { count } = await prisma().alertChannel.updateMany({
    where: { appId: app.id, id: input.channelId },
    data: { enabled: input.enabled },
  });
  return count ? ok({ enabled: input.enabled }) : invalid({}, GONE);
});

export const deleteChannel = appAction("configure", channelRefSchema, async ({ app, input }) => {
  // Its pending deliveries stay in the log and fail on the next pass, saying the channel was deleted.
  const { count } = await prisma().alertChannel.deleteMany({ where: { appId: app.id, id: input.channelId } });
  return count ? ok({ id: input.channelId }) : invalid({}, GONE);
});

export const rotateWebhookSecret = appAction("configure", channelRefSchema, async ({ app, input }) => {
  const channel = await prisma().alertChannel.findUnique({
    where: { appId_id: { appId: app.id, id: input.channelId } },
  });
  const config = channel && parseChannelConfig(channel.kind, channel.config);
  if (!config) return invalid({}, GONE);
  if (config.kind !== "webhook") return invalid({}, "Only webhook channels have a signing secret.");
  const secret = newSecret(WEBHOOK_SECRET_PREFIX);
  // Conditional on the settings read, so two rotations at once cannot both claim to have set the secret.
  const { count } = await prisma().alertChannel.updateMany({
    where: { appId: app.id, id: input.channelId, config: channel.config },
    data: { config: storedConfig({ ...config, secret }) },
  });
  return count ? ok({ secret }) : invalid({}, "The channel changed meanwhile; try again.");
});
