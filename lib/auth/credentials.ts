// Checks an email and password for the Credentials provider, with rate limiting. Kept free
// of next-auth so the rules can be tested directly.
import { prisma } from "@/lib/db";
import { signInSchema } from "@/lib/validations/auth";
import { PasswordsBusy, passwordsFull, verifyPassword } from "./password";
import {
  chargeAttempt,
  forgiveAttempt,
  lockAtLimit,
  refundAttempt,
  THROTTLE,
  tryAgainIn,
  type ThrottleKey,
} from "./throttle";

export type SessionUser = { id: string; email: string; name: string | null };

export type CredentialsCheck =
  | { ok: true; user: SessionUser; sessionVersion: number }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "locked"; retryAfterS: number }
  | { ok: false; reason: "busy" };

export async function checkCredentials(input: unknown, clientIp: string | null): Promise<CredentialsCheck> {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) return { ok: false, reason: "invalid" };
  const { email, password } = parsed.data;
  // No room to check the password: refused before the attempt is counted, so a flood writes nothing and a person
  // refused this way has nothing held against them.
  if (passwordsFull()) return { ok: false, reason: "busy" };
  const emailKey: ThrottleKey = { kind: "email", value: email };
  const keys: ThrottleKey[] = clientIp ? [emailKey, { kind: "ip", value: clientIp }] : [emailKey];

  // Counted before the password is checked (and refused unchecked past the limit), so a locked account reveals
  // nothing about the guess and a parallel burst gets no more guesses than a sequence.
  const now = Math.floor(Date.now() / 1000);
  const charges = await chargeAttempt(keys, now);
  const lockedFor = Math.max(0, ...charges.map((c) => c.lockedUntil - now));
  if (lockedFor > 0) return { ok: false, reason: "locked", retryAfterS: lockedFor };
  if (charges.some((c) => c.attempts > THROTTLE.maxFailures[c.key.kind])) {
    return { ok: false, reason: "locked", retryAfterS: await lockAtLimit(charges, now) };
  }

  const user = await prisma().user.findUnique({ where: { email } });
  let matches: boolean;
  try {
    matches = await verifyPassword(password, user?.passwordHash ?? null);
  } catch (e) {
    if (!(e instanceof PasswordsBusy)) throw e;
    // Never checked: the attempt is not held against the person (nor does a flood lock them out this way).
    await refundAttempt(keys);
    return { ok: false, reason: "busy" };
  }
  if (!matches || !user) {
    const lockedNow = await lockAtLimit(charges, now);
    return lockedNow > 0 ? { ok: false, reason: "locked", retryAfterS: lockedNow } : { ok: false, reason: "invalid" };
  }
  await forgiveAttempt(emailKey, keys.slice(1), now);
  return { ok: true, user: { id: user.id, email: user.email, name: user.name }, sessionVersion: user.sessionVersion };
}

export function lockedMessage(retryAfterS: number): string {
  return `Too many failed sign-in attempts. ${tryAgainIn(retryAfterS)}`;
}
