// Email through the SMTP server of SMTP_URL (nodemailer). Without one, nothing is sent and callers say so; a failed
// send is reported, never thrown, so whatever triggered it (an invitation) still succeeds.
import nodemailer, { type Transporter } from "nodemailer";
import { settings } from "@/lib/settings";

let transport: { url: string; t: Transporter } | undefined;

function transporter(url: string): Transporter {
  if (transport?.url !== url) transport = { url, t: nodemailer.createTransport(url) };
  return transport.t;
}

export const mailConfigured = () => Boolean(settings().SMTP_URL);

export interface Mail {
  to: string;
  subject: string;
  text: string;
  html: string;
}

export type MailResult = { sent: true } | { sent: false; error: string };

export async function sendMail(mail: Mail): Promise<MailResult> {
  const url = settings().SMTP_URL;
  if (!url) return { sent: false, error: "no mail server is configured (SMTP_URL)" };
  try {
    await transporter(url).sendMail({ from: settings().SMTP_FROM, ...mail });
    return { sent: true };
  } catch (e) {
    // The reason, without the server URL (it may hold a password).
    return { sent: false, error: (e as Error).message.slice(0, 200) };
  }
}
