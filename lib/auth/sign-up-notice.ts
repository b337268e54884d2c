// The email to an account's owner when someone signs up with their address: the sign-up form answers as it would for
// a new address (lib/auth/sign-up.ts), so this is how the owner, and only the owner, learns about it. At most one an
// hour per address, so the form cannot be used to flood someone's inbox.
import { escapeHtml } from "@/lib/mail/html";
import { mailConfigured, sendMail } from "@/lib/mail/send";
import { settings } from "@/lib/settings";
import { spendQuota } from "./throttle";

export async function sendSignUpNotice(to: string): Promise<void> {
  if (!mailConfigured() || (await spendQuota({ kind: "signup-notice", value: to }, 1)) > 0) return;
  // Only a configured public URL goes into the link: one derived from the request's Host would let whoever signs up
  // choose where the owner's email points.
  const base = settings().TALLYHUB_PUBLIC_URL;
  const signIn = base ? `${base}/signin` : null;
  const r = await sendMail({
    to,
    subject: "Someone tried to sign up to Tallyhub with your email address",
    text:
      `Someone tried to create a Tallyhub account with ${to}. This address already has an account, so nothing ` +
      `was changed.\n\nIf it was you, sign in with your password${signIn ? `: ${signIn}` : "."}\n` +
      `If it was not, you can ignore this email: nobody can sign in without your password.\n`,
    html:
      `<p>Someone tried to create a Tallyhub account with ${escapeHtml(to)}. This address already has an account, ` +
      `so nothing was changed.</p><p>If it was you, ${signIn ? `<a href="${escapeHtml(signIn)}">sign in</a>` : "sign in"} ` +
      `with your password. If it was not, you can ignore this email: nobody can sign in without your password.</p>`,
  });
  if (!r.sent) console.error(`[auth] the sign-up notice was not sent: ${r.error}`);
}
