// Sign-in rate limiting: failed attempts are counted per key (an email or a client IP) in
// the AuthThrottle table, so limits hold across restarts and across server processes.
import { prisma } from "@/lib/db";

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

/** Counts one failure against each key; returns the lock time in seconds if this one locked any. */
export async function recordFailure(keys: ThrottleKey[], now = nowS()): Promise<number> {
  let locked = 0;
  for (const k of keys) {
    const key = keyOf(k);
    const row = await prisma().authThrottle.upsert({
      where: { key },
      create: { key, failures: 1, windowStart: now },
      update: { failures: { increment: 1 } },
    });
    const windowOver = row.windowStart <= now - THROTTLE.windowS;
    if (windowOver) {
      await prisma().authThrottle.update({ where: { key }, data: { failures: 1, windowStart: now } });
    } else if (row.failures >= THROTTLE.maxFailures[k.kind]) {
      await prisma().authThrottle.update({
        where: { key },
        data: { failures: 0, windowStart: now, lockedUntil: now + THROTTLE.lockS },
      });
      locked = THROTTLE.lockS;
    }
  }
  return locked;
}

/** A successful sign-in forgives the email's earlier failures (not the IP's). */
export async function clearFailures(key: ThrottleKey): Promise<void> {
  await prisma().authThrottle.deleteMany({ where: { key: keyOf(key), lockedUntil: { lte: nowS() } } });
}
