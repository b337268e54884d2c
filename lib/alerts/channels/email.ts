// Email through the server's SMTP_URL (lib/mail/send.ts): one message to all of the channel's recipients, as
// text and as simple HTML. Without a mail server the send fails with that reason, so the delivery log says so.
import { noticeTitle, type AlertNotice } from "@/lib/alerts/notice";
import { escapeHtml } from "@/lib/mail/html";
import { sendMail } from "@/lib/mail/send";
import { NOTICE_TONE, noticeFacts, noticeHeading } from "./facts";
import type { SendResult } from "./types";

export function emailMessage(n: AlertNotice) {
  const facts = noticeFacts(n);
  const heading = noticeHeading(n);
  const text = `${heading}\n\n${facts.map((f) => `${f.label}: ${f.value}`).join("\n")}\n\nOpen in Tallyhub: ${n.url}\n`;
  const rows = facts
    .map(
      (f) =>
        `<tr><td style="padding:2px 12px 2px 0;color:#64748b">${escapeHtml(f.label)}</td><td style="padding:2px 0">${escapeHtml(f.value)}</td></tr>`,
    )
    .join("");
  const html =
    `<h2 style="margin:0 0 12px;font:600 18px sans-serif;color:${NOTICE_TONE[n.kind].colour}">${escapeHtml(heading)}</h2>` +
    `<table style="font:14px sans-serif;border-collapse:collapse">${rows}</table>` +
    `<p style="font:14px sans-serif"><a href="${escapeHtml(n.url)}">Open in Tallyhub</a></p>`;
  return { subject: noticeTitle(n), text, html };
}

export async function sendEmail(config: { recipients: string[] }, n: AlertNotice): Promise<SendResult> {
  const r = await sendMail({ to: config.recipients.join(", "), ...emailMessage(n) });
  return r.sent ? { ok: true } : { ok: false, error: r.error };
}
