// Section 3: the Traffic view in Chromium against `next start` on the demo database — the
// time from navigation start until the Traffic chart's bars are drawn.
//  - Sign-in goes through the sign-in form once per database; the session cookie (a JWT
//    signed with AUTH_SECRET, which stays the same for all servers of one database) is
//    carried to the later contexts.
//  - Cold: a freshly started server (the Traffic route never rendered, no warm handles)
//    and a fresh browser context (empty HTTP cache) with only that cookie; one sample
//    per run, a new server each run.
//  - Warm: further navigations to the same URL in that context on that server.
// The bars: Recharts draws each as `.recharts-bar-rectangle path.recharts-rectangle`, and
// only when it has a non-zero size. An init script watches the DOM for the first one and
// records performance.now() (ms since navigation start) in the next animation frame.
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, type Browser, type BrowserContext } from "@playwright/test";
import { freePort, startServer, stopServer } from "../../tests/helpers/stack";
import { track } from "./cleanup";
import { DEMO_EMAIL, DEMO_PASSWORD, type DemoDb } from "./demo";
import type { Kind } from "./ingest";
import { groupPeak, type TreePeak } from "./memory";
import { median } from "./stats";

export const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const BAR = ".recharts-bar-rectangle path.recharts-rectangle";

export interface PageOptions {
  runs: number;
  warmPerRun: number;
  log: (s: string) => void;
}

export interface PageRun {
  coldMs: number;
  warmMs: number[];
  serverPeak: TreePeak;
}

export interface PageResult {
  kind: Kind;
  url: string;
  runs: PageRun[];
  median: { coldMs: number; warmMs: number };
  /** The largest peak seen over the runs' servers (each run has its own server). */
  serverPeak: TreePeak | null;
}

declare global {
  interface Window {
    __benchBarsAt?: number;
  }
}

function watchForBars(selector: string) {
  const observer = new MutationObserver(() => {
    if (window.__benchBarsAt !== undefined || !document.querySelector(selector)) return;
    window.__benchBarsAt = -1;
    observer.disconnect();
    requestAnimationFrame(() => {
      window.__benchBarsAt = performance.now();
    });
  });
  observer.observe(document, { childList: true, subtree: true });
}

async function barsDrawnMs(context: BrowserContext, url: string): Promise<number> {
  const page = await context.newPage();
  try {
    await page.goto(url, { waitUntil: "commit", timeout: 60_000 });
    await page.waitForFunction(() => (window.__benchBarsAt ?? 0) > 0, undefined, { timeout: 60_000, polling: 50 });
    return await page.evaluate(() => window.__benchBarsAt!);
  } finally {
    await page.close();
  }
}

async function newContext(browser: Browser, storageState?: Awaited<ReturnType<BrowserContext["storageState"]>>) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, storageState });
  await context.addInitScript(watchForBars, BAR);
  return context;
}

async function signIn(browser: Browser, baseUrl: string) {
  const context = await newContext(browser);
  try {
    const page = await context.newPage();
    await page.goto(`${baseUrl}/signin`);
    await page.getByLabel("Email").fill(DEMO_EMAIL);
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL((u) => u.pathname.startsWith("/apps"), { timeout: 60_000 });
    return await context.storageState();
  } finally {
    await context.close();
  }
}

export async function benchPage(kind: Kind, demo: DemoDb, o: PageOptions): Promise<PageResult> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), `tallyhub-bench-page-${kind}-`));
  const untrackDir = track({ dir: dataDir });
  const env: Record<string, string> = {
    DATABASE_URL: demo.url,
    TALLYHUB_DATA_DIR: dataDir,
    AUTH_SECRET: randomBytes(32).toString("hex"),
  };
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--no-sandbox", "--disable-dev-shm-usage"],
  });
  const pathAndQuery = `/apps/${demo.appId}/traffic?period=30d`;
  const runs: PageRun[] = [];
  try {
    // Sign in through the form once, on a server of its own, so every timed run starts cold.
    o.log(`[${kind}] page: signing in as ${DEMO_EMAIL} through the sign-in form`);
    const first = await startServer(env, await freePort());
    const forgetFirst = track({ pid: first.proc.pid!, group: true });
    let signedIn: Awaited<ReturnType<BrowserContext["storageState"]>>;
    try {
      signedIn = await signIn(browser, first.baseUrl);
    } finally {
      await stopServer(first.proc);
      forgetFirst();
    }
    for (let run = 1; run <= o.runs; run++) {
      o.log(`[${kind}] page run ${run}/${o.runs}: next start on the demo database, fresh browser context`);
      const { baseUrl, proc } = await startServer(env, await freePort());
      const forget = track({ pid: proc.pid!, group: true });
      try {
        const context = await newContext(browser, signedIn);
        try {
          const coldMs = await barsDrawnMs(context, baseUrl + pathAndQuery);
          const warmMs: number[] = [];
          for (let i = 0; i < o.warmPerRun; i++) warmMs.push(await barsDrawnMs(context, baseUrl + pathAndQuery));
          runs.push({ coldMs, warmMs, serverPeak: groupPeak(proc.pid!) });
          o.log(`[${kind}]   cold ${coldMs.toFixed(0)} ms, warm ${warmMs.map((w) => w.toFixed(0)).join(" / ")} ms`);
        } finally {
          await context.close();
        }
      } finally {
        await stopServer(proc);
        forget();
      }
    }
  } finally {
    await browser.close();
    rmSync(dataDir, { recursive: true, force: true });
    untrackDir();
  }
  const peak = runs.map((r) => r.serverPeak).sort((a, b) => b.sumBytes - a.sumBytes)[0] ?? null;
  return {
    kind,
    url: pathAndQuery,
    runs,
    // Warm: the median of each run's warm median, then across runs.
    median: { coldMs: median(runs.map((r) => r.coldMs)), warmMs: median(runs.map((r) => median(r.warmMs))) },
    serverPeak: peak,
  };
}
