// Apps under test that use the real, unmodified `apitally` npm client (tests/apps/), started in
// their own process groups and pointed at a hub only through APITALLY_HUB_BASE_URL, and the
// plan of requests they are made to serve.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { childGroups, waitFor } from "./children";

// [method, path, body, expected status]: 10 requests, every one of them on a route.
export const PLAN: [string, string, unknown, number][] = [
  ["GET", "/items/1", undefined, 200],
  ["GET", "/items/2", undefined, 200],
  ["GET", "/me", undefined, 200],
  ["GET", "/me", undefined, 200],
  ["GET", "/me", undefined, 200],
  ["POST", "/items", { name: "ab" }, 400],
  ["POST", "/items", { name: "xy" }, 400],
  ["POST", "/items", { name: "Gizmo" }, 201],
  ["GET", "/error", undefined, 500],
  ["GET", "/error", undefined, 500],
];

/** Sends `plan` to the app at `base`; the statuses it answered, as "METHOD path status". */
export async function servePlan(base: string, plan = PLAN): Promise<string[]> {
  const seen: string[] = [];
  for (const [method, p, body] of plan) {
    const r = await fetch(base + p, {
      method,
      headers: body ? { "content-type": "application/json" } : {},
      body: body ? JSON.stringify(body) : undefined,
    });
    await r.arrayBuffer();
    seen.push(`${method} ${p} ${r.status}`);
  }
  return seen;
}

/** Starts and, when the file ends (`cleanup`), kills client apps and removes their temporary folders. */
export function clientApps() {
  const children = childGroups();
  const tmpDirs: string[] = [];
  return {
    /** Starts the app in `file` on `port` with the client sending to `hubBaseUrl`; resolves once it listens. */
    async start(file: string, clientId: string, port: number, hubBaseUrl: string) {
      const tmp = mkdtempSync(path.join(os.tmpdir(), "tallyhub-client-"));
      tmpDirs.push(tmp);
      const child = spawn(process.execPath, [path.resolve(file)], {
        env: {
          ...process.env,
          APITALLY_HUB_BASE_URL: hubBaseUrl,
          APITALLY_CLIENT_ID: clientId,
          APITALLY_ENV: "dev",
          PORT: String(port),
          // The client keeps its instance uuid under $TMPDIR/apitally.
          TMPDIR: tmp,
        },
        stdio: ["ignore", "pipe", "pipe"],
        detached: true,
      });
      children.add(child);
      let log = "";
      child.stdout!.on("data", (d) => (log += d));
      child.stderr!.on("data", (d) => (log += d));
      const output = () => log;
      await waitFor(
        "the app to listen",
        async () => log,
        (o) => o.includes("listening"),
        15_000,
        output,
      );
      return { child, output, base: `http://127.0.0.1:${port}` };
    },
    cleanup() {
      children.killAll();
      for (const d of tmpDirs) rmSync(d, { recursive: true, force: true });
    },
  };
}
