// A thread of lib/auth/password.ts's pool (lib/thread-pool.ts): bcrypt, which takes ≈0.35 s of CPU per hash, runs
// here and never on the thread that serves requests. Plain JavaScript, loaded from the project folder at run time,
// so the same file serves `next start`, the tests and the scripts without a bundler.
import { parentPort } from "node:worker_threads";
import bcrypt from "bcryptjs";

parentPort.on("message", ({ op, password, hash, cost }) => {
  try {
    const value = op === "hash" ? bcrypt.hashSync(password, cost) : bcrypt.compareSync(password, hash);
    parentPort.postMessage({ ok: true, value });
  } catch (e) {
    parentPort.postMessage({ ok: false, error: e instanceof Error ? e.message : String(e) });
  }
});
