// Steps for e2e/dashboard.spec.ts: a real Express app with the real apitally client as a
// child process, the requests it serves, and reading the dashboard as a person would.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, type Locator, type Page } from "@playwright/test";
import { freePort } from "../tests/helpers/stack";

/** tests/apps/express-app.mjs: who calls what is fixed by the route. */
export const EXPRESS_APP = {
  file: "tests/apps/express-app.mjs",
  /** GET /items/:id, consumer set as a plain string. */
  stringConsumer: "api-key-42",
  /** GET /me, consumer set as an object. */
  namedConsumer: { identifier: "user-123", name: "Alice Example", group: "Admins" },
  error: { type: "Error", msg: "Something exploded in /error" },
  validation: { loc: "body.name", msg: "Invalid value", type: "field" },
} as const;

export interface PlannedRequest {
  method: "GET" | "POST";
  path: string;
  body?: unknown;
  status: number;
}

export interface RunningApp {
  url: string;
  output(): string;
  stop(): void;
}

/**
 * Starts the Express app on a free port with the real client pointed at `hubUrl`, in its
 * own process group (so stop() takes any children along) and its own TMPDIR (the client
 * keeps its instance uuid and request log files there).
 */
export async function startExpressApp(hubUrl: string, clientId: string, env = "dev"): Promise<RunningApp> {
  const port = await freePort();
  const tmp = mkdtempSync(path.join(os.tmpdir(), "tallyhub-e2e-client-"));
  const child: ChildProcess = spawn(process.execPath, [path.resolve(EXPRESS_APP.file)], {
    env: {
      ...process.env,
      APITALLY_HUB_BASE_URL: hubUrl.replace(/\/+$/, ""),
      APITALLY_CLIENT_ID: clientId,
      APITALLY_ENV: env,
      PORT: String(port),
      TMPDIR: tmp,
    },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let output = "";
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    try {
      process.kill(-child.pid!, "SIGKILL");
    } catch {
      /* already gone */
    }
    rmSync(tmp, { recursive: true, force: true });
  };
  const deadline = Date.now() + 15_000;
  while (!output.includes("listening")) {
    if (child.exitCode !== null || Date.now() > deadline) {
      stop();
      throw new Error(`the Express app did not start:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return { url: `http://127.0.0.1:${port}`, output: () => output, stop };
}

/** Sends the requests one after another and checks each got the status it should. */
export async function serve(app: RunningApp, plan: PlannedRequest[]) {
  for (const r of plan) {
    const res = await fetch(app.url + r.path, {
      method: r.method,
      headers: r.body === undefined ? {} : { "content-type": "application/json" },
      body: r.body === undefined ? undefined : JSON.stringify(r.body),
    });
    await res.arrayBuffer();
    expect(`${r.method} ${r.path} → ${res.status}`).toBe(`${r.method} ${r.path} → ${r.status}`);
  }
}

/**
 * Waits until the app's Traffic numbers (what the dashboard itself polls, with the
 * signed-in user's cookies) count `requests` requests. The client syncs every 10 s.
 */
export async function waitForRequests(page: Page, appId: number, requests: number, app: RunningApp) {
  try {
    await expect
      .poll(
        async () => {
          const r = await page.request.get(`/api/apps/${appId}/views/traffic`);
          if (!r.ok()) return `HTTP ${r.status()}`;
          const body = (await r.json()) as { data: { totals: { current: { requests: number } } } };
          return body.data.totals.current.requests;
        },
        { timeout: 30_000, intervals: [250], message: `the client's sync brings ${requests} requests` },
      )
      .toBe(requests);
  } catch (e) {
    (e as Error).message += `\n\nThe Express app's output:\n${app.output()}`;
    throw e;
  }
}

/**
 * A headline card (Traffic, Errors, Consumers views): its value, the line under the label.
 * Outside the tabs, the first element whose text is exactly the label is the card's
 * (charts' legends and tables come later).
 */
export function statValue(page: Page, label: string): Locator {
  return page
    .getByText(label, { exact: true })
    .and(page.locator("xpath=//*[not(ancestor::nav)]"))
    .first()
    .locator("xpath=../../*[2]");
}

/** The Traffic headline numbers a filter changes, as one object to compare exactly. */
export async function expectTrafficStats(page: Page, want: { requests: string; errorRate: string; consumers: string }) {
  await expect(statValue(page, "Requests")).toHaveText(want.requests);
  await expect(statValue(page, "Error rate")).toHaveText(want.errorRate);
  await expect(statValue(page, "Consumers")).toHaveText(want.consumers);
}

/** A table row (role row) whose text contains all of `texts`. */
export function row(scope: Page | Locator, ...texts: (string | RegExp)[]): Locator {
  let rows = scope.getByRole("row");
  for (const t of texts) rows = rows.filter({ hasText: t });
  return rows;
}

/** The row of one endpoint (method badge and path, each exactly). */
export function endpointRow(scope: Page | Locator, method: string, path: string): Locator {
  return scope
    .getByRole("row")
    .filter({ has: scope.getByText(method, { exact: true }) })
    .filter({ has: scope.getByText(path, { exact: true }) });
}

/** The cells of the one row `r` matches, by column header, read from the row's table. */
export async function rowCells(r: Locator): Promise<Record<string, string>> {
  await expect(r).toHaveCount(1);
  const table = r.locator("xpath=ancestor::table[1]");
  const headers = (await table.getByRole("columnheader").allInnerTexts()).map((h) => h.replace(/[▲▼]/g, "").trim());
  const cells = (await r.getByRole("cell").allInnerTexts()).map((c) => c.replace(/\s+/g, " ").trim());
  return Object.fromEntries(headers.map((h, i) => [h || `#${i}`, cells[i]]));
}

/** A full-page screenshot for people to look at, from the top (no mid-page sticky header). */
export async function snap(page: Page, name: string) {
  await page.waitForLoadState("networkidle");
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.mouse.move(0, 0); // no chart tooltip left under the last click
  await page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: true });
}

/** Picks an option of a filter combobox (endpoint, consumer or group) by typing its label and clicking it. */
export async function pickFilterOption(page: Page, filter: string, label: string) {
  const box = page.getByRole("combobox", { name: filter, exact: true });
  await box.fill(label);
  await page
    .getByRole("listbox", { name: filter, exact: true })
    .getByRole("option", { name: label, exact: true })
    .click();
  await expect(box).toHaveValue(label);
}
