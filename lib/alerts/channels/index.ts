// Sends a notice to one channel, whichever its kind.
import type { AlertNotice } from "@/lib/alerts/notice";
import { sendEmail } from "./email";
import { sendSlack } from "./slack";
import { sendTeams } from "./teams";
import type { ChannelConfig, SendContext, SendResult } from "./types";
import { sendWebhook } from "./webhook";

export function sendToChannel(config: ChannelConfig, n: AlertNotice, ctx: SendContext): Promise<SendResult> {
  switch (config.kind) {
    case "slack":
      return sendSlack(config, n, ctx);
    case "teams":
      return sendTeams(config, n, ctx);
    case "webhook":
      return sendWebhook(config, n, ctx);
    case "email":
      return sendEmail(config, n);
  }
}

export { CHANNEL_KINDS, CHANNEL_LABELS, type ChannelConfig, type ChannelKind, type SendResult } from "./types";
