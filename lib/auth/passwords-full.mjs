// Whether the password threads are full, and how a sign-in refused for it is answered: plain JavaScript, so that
// scripts/server.mjs, which refuses such a sign-in before Next.js routes it, and the app (lib/auth/password.ts) share
// one answer. The pool is process-wide, on globalThis under POOL_KEY (Next.js loads the app's modules once per route
// bundle), and it serves in the same process as scripts/server.mjs, so asking it is a read.

export const POOL_KEY = "__tallyhubPasswordPool";

export const PASSWORDS_BUSY_MESSAGE = "Tallyhub is busy checking other passwords. Please try again in a few seconds.";

/** Seconds a refused sign-in is told to wait (Retry-After): about what a full queue takes to drain. */
export const PASSWORDS_BUSY_RETRY_S = 5;

/**
 * A password given to the pool now would be refused. Sign-in and sign-up ask before anything else, so a flood past
 * the queue costs no next-auth run, no database write and no lockout count. The pool can still fill in between (the
 * PasswordsBusy paths stay for that): this makes the common case of a flood cheap, not the race impossible.
 * @returns {boolean}
 */
export const passwordsFull = () => globalThis[POOL_KEY]?.full() ?? false;
