// Sign-up as the form does it. With open sign-up, an address that already has an account is answered exactly as a
// new one, after the same work (a password hash and an insert), so the form tells nobody which addresses have
// accounts; the owner gets an email about it instead (lib/auth/sign-up-notice.ts). Either way the person then signs
// in, and only the right password does that: learning whether an address was taken costs a sign-in attempt, which
// the sign-in limits count. Sign-ups per client address are limited too (TALLYHUB_SIGNUPS_PER_HOUR).
// The first account and invitation links sign straight in: the first has nobody to hide, and an invitation names
// its address already.
import { settings } from "@/lib/settings";
import { signUpSchema } from "@/lib/validations/auth";
import { invalid, ok, parseInput, type Result } from "@/lib/validations/result";
import { PASSWORDS_BUSY_MESSAGE, passwordsFull, unlessBusy } from "./password";
import { sendSignUpNotice } from "./sign-up-notice";
import { refundAttempt, spendQuota, tryAgainIn, type QuotaKey } from "./throttle";
import { createAccount, EMAIL_TAKEN, registerUser, signUpPolicy } from "./users";

/** What the form shows after an open sign-up, new address or not. */
export const SIGNED_UP_MESSAGE =
  "Now sign in with your email address and password. If this address already had an account, use its password.";

export const signUpLimitMessage = (retryAfterS: number) =>
  `Too many sign-ups from your network. ${tryAgainIn(retryAfterS)}`;

/** `signInNow`: the account is new and theirs (first account, invitation); otherwise the form asks them to sign in. */
export type SignedUp = { email: string; signInNow: boolean };

export async function signUp(
  input: unknown,
  invitationToken: string | undefined,
  clientIp: string | null,
): Promise<Result<SignedUp>> {
  const parsed = parseInput(signUpSchema, input);
  if (!parsed.ok) return parsed;
  // Before the invitation, the policy and the quota are looked at: a refused sign-up reads and writes nothing.
  if (passwordsFull()) return invalid({}, PASSWORDS_BUSY_MESSAGE);
  if (invitationToken || (await signUpPolicy()) !== "open") {
    const r = await registerUser(input, invitationToken);
    return r.ok ? ok({ email: r.value.email, signInNow: true }) : r;
  }

  const quota: QuotaKey | null = clientIp ? { kind: "signup", value: clientIp } : null;
  const wait = quota ? await spendQuota(quota, settings().TALLYHUB_SIGNUPS_PER_HOUR) : 0;
  if (wait > 0) return invalid({}, signUpLimitMessage(wait));
  const r = await unlessBusy(() => createAccount(input));
  if (r === EMAIL_TAKEN) {
    // Not awaited: the answer must not wait for a mail server it would not wait for with a new address.
    sendSignUpNotice(parsed.value.email).catch((e) => console.error(`[auth] sign-up notice: ${(e as Error).message}`));
  } else if (!r.ok) {
    // Nothing was made (too busy to hash): the sign-up does not count against the address.
    if (quota) await refundAttempt([quota]);
    return r;
  }
  return ok({ email: parsed.value.email, signInNow: false });
}
