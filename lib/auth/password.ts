// Passwords are hashed and checked with bcrypt on a small pool of worker threads (lib/auth/password-worker.mjs), so
// a flood of sign-ins costs those threads and a short queue, never the thread serving ingest and the dashboards.
// Past the queue the answer is "busy, try again" (PasswordsBusy) rather than a wait that grows with the flood.
import os from "node:os";
import path from "node:path";
import { settings } from "@/lib/settings";
import { invalid } from "@/lib/validations/result";
import { PoolBusy, threadPool, type ThreadPool } from "../thread-pool";
import { PASSWORDS_BUSY_MESSAGE, POOL_KEY } from "./passwords-full.mjs";

// ≈0.35 s per hash on our 2-core machines: slow for guessing, fine for a sign-in.
const COST = 12;

export { PoolBusy as PasswordsBusy };
export { PASSWORDS_BUSY_MESSAGE };
export { passwordsFull } from "./passwords-full.mjs";

type Job = { op: "hash"; password: string; cost: number } | { op: "compare"; password: string; hash: string };

// Process-wide, like the database handles: Next.js loads this module once per route bundle, and a pool per copy gave
// the credentials callback and the sign-in form's action threads and a queue each (TALLYHUB_PASSWORD_WORKERS counted
// per copy), and a look at one copy's load missed the other's.
const g = globalThis as unknown as { [POOL_KEY]?: ThreadPool<Job, string | boolean> };

function passwordPool() {
  return (g[POOL_KEY] ??= threadPool({
    // Resolved at run time from the project folder (the server's working directory, as for the migrations), never
    // by the bundler.
    file: path.join(/* turbopackIgnore: true */ process.cwd(), "lib/auth/password-worker.mjs"),
    size: settings().TALLYHUB_PASSWORD_WORKERS ?? Math.max(1, os.availableParallelism() - 1),
    queueLimit: settings().TALLYHUB_PASSWORD_QUEUE,
  }));
}

export async function hashPassword(password: string): Promise<string> {
  return (await passwordPool().run({ op: "hash", password, cost: COST })) as string;
}

// Compared against when the email is unknown, so a miss costs as long as a wrong password and response times don't
// reveal which emails have accounts: a bcrypt hash at the same cost, of a password nobody has.
const UNKNOWN_USER_HASH = "$2b$12$UkyAnh.MBAHJvPcxGpF3rec0xf2NtS6f55pnMaxinqk8MDleBMlxq";

/** Throws PasswordsBusy when the pool's queue is full. */
export async function verifyPassword(password: string, hash: string | null): Promise<boolean> {
  const ok = (await passwordPool().run({ op: "compare", password, hash: hash ?? UNKNOWN_USER_HASH })) as boolean;
  return ok && hash !== null;
}

/** Work that hashes or checks a password, with "busy" as a form's message instead of a thrown error. */
export async function unlessBusy<R>(fn: () => Promise<R>): Promise<R | ReturnType<typeof invalid>> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof PoolBusy) return invalid({}, PASSWORDS_BUSY_MESSAGE);
    throw e;
  }
}
