// Apps that tests start in their own process groups (real clients, real SDKs), and waiting
// for what they send to arrive.
import type { ChildProcess } from "node:child_process";

/** Children started `detached`, killed with their whole process group when the file ends. */
export function childGroups() {
  const children: ChildProcess[] = [];
  return {
    add: (c: ChildProcess) => children.push(c),
    killAll() {
      for (const c of children) {
        try {
          process.kill(-c.pid!, "SIGKILL");
        } catch {
          /* already gone */
        }
      }
    },
  };
}

/** Polls fn until ok(value), or throws after timeoutMs with the last value and the app's output. */
export async function waitFor<T>(
  what: string,
  fn: () => Promise<T>,
  ok: (v: T) => boolean,
  timeoutMs: number,
  output: () => string,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (ok(v)) return v;
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for ${what} (last: ${JSON.stringify(v)})\n${output()}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}
