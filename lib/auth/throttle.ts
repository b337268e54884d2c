// Sign-in rate limiting: attempts are counted per key (an email or a client IP) in the
// AuthThrottle table, so limits hold across restarts and across server processes. An attempt
// is counted before its password is checked, in one atomic statement per key, so a burst of
// parallel guesses cannot all slip past the limit: only the first ones within it get checked.
import { prisma, sql } from "@/lib/db";

export const THROTTLE = {
  windowS: 15 * 60,
  lockS: 15 * 60,
  // An IP is shared by a whole office behind NAT; an email is one person.
  maxFailures: { email: 5, ip: 20 },
} as const;

export type ThrottleKey = { kind: keyof typeof THROTTLE.maxFailures; value: string };

const keyOf = (k: ThrottleKey) => `${k.kind}:${k.value}`;
const nowS = () => Math.floor(Date.now() / 1000);

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

/** Counts one attempt against each key (a window past its end starts again at 1). */
export async function chargeAttempt(keys: ThrottleKey[], now = nowS()): Promise<Charge[]> {
  const expired = now - THROTTLE.windowS;
  return Promise.all(
    keys.map(async (key) => {
      const [row] = await sql().all<{ failures: number; lockedUntil: number }>(
        `INSERT INTO "AuthThrottle" ("key", "failures", "windowStart", "lockedUntil") VALUES (?, 1, ?, 0)
         ON CONFLICT ("key") DO UPDATE SET
           "failures" = CASE WHEN "AuthThrottle"."windowStart" <= ? THEN 1 ELSE "AuthThrottle"."failures" + 1 END,
           "windowStart" = CASE WHEN "AuthThrottle"."windowStart" <= ? THEN ? ELSE "AuthThrottle"."windowStart" END
         RETURNING "failures", "lockedUntil"`,
        [keyOf(key), now, expired, expired, now],
      );
      return { key, attempts: Number(row.failures), lockedUntil: Number(row.lockedUntil) };
    }),
  );
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
  for (const k of others)
    await sql().run(`UPDATE "AuthThrottle" SET "failures" = "failures" - 1 WHERE "key" = ? AND "failures" > 0`, [
      keyOf(k),
    ]);
}
