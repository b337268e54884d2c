// Slack incoming webhooks (and Mattermost, which reads the same `text`): a Block Kit message with a plain-text
// fallback for notifications.
import { noticeTitle, type AlertNotice } from "@/lib/alerts/notice";
import { NOTICE_TONE, noticeFacts, noticeHeading } from "./facts";
import { postJson } from "./http";
import type { SendContext, SendResult } from "./types";

export function slackMessage(n: AlertNotice) {
  const tone = NOTICE_TONE[n.kind];
  return {
    text: `${tone.emoji} ${noticeTitle(n)}`,
    blocks: [
      { type: "header", text: { type: "plain_text", text: `${tone.emoji} ${noticeHeading(n)}`.slice(0, 150) } },
      {
        type: "section",
        fields: noticeFacts(n).map((f) => ({ type: "mrkdwn", text: `*${f.label}*\n${escapeMrkdwn(f.value)}` })),
      },
      {
        type: "actions",
        elements: [
          {
            type: "button",
            text: { type: "plain_text", text: "Open in Tallyhub" },
            url: n.url,
            ...(n.kind === "firing" ? { style: "danger" } : n.kind === "resolved" ? { style: "primary" } : {}),
          },
        ],
      },
    ],
  };
}

// Slack's mrkdwn treats these three as markup; names of rules and consumers are free text.
function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

export function sendSlack(config: { url: string }, n: AlertNotice, ctx: SendContext): Promise<SendResult> {
  return postJson(config.url, JSON.stringify(slackMessage(n)), ctx);
}
