// Sign-in rate limiting: attempts are counted per key (an email or a client IP) in the
// AuthThrottle table, so limits hold across restarts and across server processes. An attempt
// is counted before its password is checked, in one atomic statement per key, so a burst of
// parallel guesses cannot all slip past the limit: only the first ones within it get checked.
// Sign-ups per client address use the same table and statement, as an hourly quota.
import { prisma, sql } from "@/lib/db";

export const THROTTLE = {
  windowS: 15 * 60,
  lockS: 15 * 60,
  // An IP is shared by a whole office behind NAT; an email is one person.
  maxFailures: { email: 5, ip: 20 },
  quotaWindowS: 60 * 60,
} as const;

export type ThrottleKey = { kind: keyof typeof THROTTLE.maxFailures; value: string };
/** Sign-ups from one client address; "someone tried to sign up as you" emails to one address. */
export type QuotaKey = { kind: "signup" | "signup-notice"; value: string };

const keyOf = (k: ThrottleKey | QuotaKey) => `${k.kind}:${k.value}`;
const nowS = () => Math.floor(Date.now() / 1000);

/** "Try again in 15 minutes.", for a limit's message. */
export function tryAgainIn(retryAfterS: number): string {
  const minutes = Math.max(1, Math.ceil(retryAfterS / 60));
  return `Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
}

/** Seconds until every key may try again; 0 when none is locked. */
export async function lockedForSeconds(keys: ThrottleKey[], now = nowS()): Promise<number> {
  const rows = await prisma().authThrottle.findMany({ where: { key: { in: keys.map(keyOf) } } });
  return Math.max(0, ...rows.map((r) => r.lockedUntil - now));
}

export interface Charge {
  key: ThrottleKey;
  /** Attempts in the current window, this one included. */
  attempts: number;
  lockedUntil: number;
}

/** One more use of a key in its window (a window past its end starts again at 1), atomically. */
async function charge(key: string, now: number, windowS: number) {
  const expired = now - windowS;
  const [row] = await sql().all<{ failures: number; windowStart: number; lockedUntil: number }>(
    `INSERT INTO "AuthThrottle" ("key", "failures", "windowStart", "lockedUntil") VALUES (?, 1, ?, 0)
     ON CONFLICT ("key") DO UPDATE SET
       "failures" = CASE WHEN "AuthThrottle"."windowStart" <= ? THEN 1 ELSE "AuthThrottle"."failures" + 1 END,
       "windowStart" = CASE WHEN "AuthThrottle"."windowStart" <= ? THEN ? ELSE "AuthThrottle"."windowStart" END
     RETURNING "failures", "windowStart", "lockedUntil"`,
    [key, now, expired, expired, now],
  );
  return { attempts: Number(row.failures), windowStart: Number(row.windowStart), lockedUntil: Number(row.lockedUntil) };
}

/** Counts one attempt against each key. */
export async function chargeAttempt(keys: ThrottleKey[], now = nowS()): Promise<Charge[]> {
  return Promise.all(
    keys.map(async (key) => {
      const { attempts, lockedUntil } = await charge(keyOf(key), now, THROTTLE.windowS);
      return { key, attempts, lockedUntil };
    }),
  );
}

/** Counts one use of an hourly quota; returns the seconds until it has room again, 0 when this use fits in it. */
export async function spendQuota(key: QuotaKey, limit: number, now = nowS()): Promise<number> {
  const { attempts, windowStart } = await charge(keyOf(key), now, THROTTLE.quotaWindowS);
  return attempts > limit ? Math.max(1, windowStart + THROTTLE.quotaWindowS - now) : 0;
}

/** Locks the keys whose attempts reached their limit; returns the lock time, 0 when none was reached. */
export async function lockAtLimit(charges: Charge[], now = nowS()): Promise<number> {
  let locked = 0;
  for (const c of charges) {
    if (c.attempts < THROTTLE.maxFailures[c.key.kind]) continue;
    await sql().run(`UPDATE "AuthThrottle" SET "failures" = 0, "windowStart" = ?, "lockedUntil" = ? WHERE "key" = ?`, [
      now,
      now + THROTTLE.lockS,
      keyOf(c.key),
    ]);
    locked = THROTTLE.lockS;
  }
  return locked;
}

/** Counts one failure against each key; returns the lock time in seconds if this one locked any. */
export async function recordFailure(keys: ThrottleKey[], now = nowS()): Promise<number> {
  return lockAtLimit(await chargeAttempt(keys, now), now);
}

/** A successful sign-in: the email's failures are forgiven, the IP gets back the attempt it was charged. */
export async function forgiveAttempt(email: ThrottleKey, others: ThrottleKey[], now = nowS()): Promise<void> {
  await prisma().authThrottle.deleteMany({ where: { key: keyOf(email), lockedUntil: { lte: now } } });
  await refundAttempt(others);
}

/** Gives back an attempt that was charged but never checked (the server was too busy to check it). */
export async function refundAttempt(keys: (ThrottleKey | QuotaKey)[]): Promise<void> {
  for (const k of keys)
    await sql().run(`UPDATE "AuthThrottle" SET "failures" = "failures" - 1 WHERE "key" = ? AND "failures" > 0`, [
      keyOf(k),
    ]);
}
