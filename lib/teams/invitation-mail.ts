// The email that carries an invitation link, when a mail server is configured.
import { escapeHtml as escape } from "@/lib/mail/html";
import { sendMail, type MailResult } from "@/lib/mail/send";
import { ROLE_LABELS, type Role } from "./roles";

export function sendInvitationMail(i: {
  to: string;
  teamName: string;
  role: Role;
  link: string;
  invitedBy: string;
  expiresAt: Date;
}): Promise<MailResult> {
  const role = ROLE_LABELS[i.role].name.toLowerCase();
  const until = i.expiresAt.toUTCString();
  return sendMail({
    to: i.to,
    subject: `${i.invitedBy} invited you to ${i.teamName} on Tallyhub`,
    text: `${i.invitedBy} invited you to join ${i.teamName} on Tallyhub as ${role}.\n\nJoin: ${i.link}\n\nThe link works once, until ${until}.\n`,
    html: `<p>${escape(i.invitedBy)} invited you to join <strong>${escape(i.teamName)}</strong> on Tallyhub as ${role}.</p><p><a href="${escape(i.link)}">Join ${escape(i.teamName)}</a></p><p>The link works once, until ${escape(until)}.</p>`,
  });
}
