// Microsoft Teams through a Workflows webhook ("Post to a channel when a webhook request is received") or a
// classic incoming webhook: both take a message with one Adaptive Card attachment.
import type { AlertNotice } from "@/lib/alerts/notice";
import { noticeFacts, noticeHeading } from "./facts";
import { postJson } from "./http";
import type { SendContext, SendResult } from "./types";

const CARD_COLOUR = { firing: "Attention", resolved: "Good", test: "Accent" } as const;

export function teamsMessage(n: AlertNotice) {
  return {
    type: "message",
    attachments: [
      {
        contentType: "application/vnd.microsoft.card.adaptive",
        contentUrl: null,
        content: {
          $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
          type: "AdaptiveCard",
          version: "1.4",
          body: [
            {
              type: "TextBlock",
              text: noticeHeading(n),
              weight: "Bolder",
              size: "Medium",
              color: CARD_COLOUR[n.kind],
              wrap: true,
            },
            { type: "FactSet", facts: noticeFacts(n).map((f) => ({ title: f.label, value: f.value })) },
          ],
          actions: [{ type: "Action.OpenUrl", title: "Open in Tallyhub", url: n.url }],
        },
      },
    ],
  };
}

export function sendTeams(config: { url: string }, n: AlertNotice, ctx: SendContext): Promise<SendResult> {
  return postJson(config.url, JSON.stringify(teamsMessage(n)), ctx);
}
