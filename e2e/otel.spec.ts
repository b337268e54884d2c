// The dashboard with data from the real OpenTelemetry JS SDK (tests/apps/otel-express-app.mjs,
// Express 5, OTLP/HTTP protobuf): an app is created in the browser, the service is started with
// what its Setup page shows (Tallyhub URL, write token, environment), serves a known set of
// requests and flushes on SIGTERM; Traffic, Endpoints and Consumers then show exactly those.
// A stock OpenTelemetry service counts from its SERVER spans; one that sends Apitally's
// histograms counts from them, and its spans (which arrive too) never count again.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { freePort } from "../tests/helpers/stack";
import {
  endpointRow,
  expectTrafficStats,
  row,
  rowCells,
  serve,
  snap,
  statValue,
  waitForRequests,
  type PlannedRequest,
  type RunningApp,
} from "./dashboard-helpers";
import { createApp, signUp } from "./people";

const APP_FILE = "tests/apps/otel-express-app.mjs";

// 10 requests: 9 on a route (3 of them errors: a 422 and two 500s) and one unmatched 404, which no view counts.
const PLAN: PlannedRequest[] = [
  { method: "GET", path: "/items/1", status: 200 },
  { method: "GET", path: "/items/2", status: 200 },
  { method: "GET", path: "/me", status: 200 },
  { method: "GET", path: "/me", status: 200 },
  { method: "GET", path: "/me", status: 200 },
  { method: "POST", path: "/items", body: { name: "ab" }, status: 422 },
  { method: "POST", path: "/items", body: { name: "Gizmo" }, status: 201 },
  { method: "GET", path: "/error", status: 500 },
  { method: "GET", path: "/error", status: 500 },
  { method: "GET", path: "/nope", status: 404 },
];
const COUNTED = 9;
// Busiest first, as the tables sort them: [method, path, requests, error rate].
const ENDPOINTS: [string, string, string, string][] = [
  ["GET", "/me", "3", "0%"],
  ["GET", "/error", "2", "100%"],
  ["POST", "/items", "2", "50%"],
  ["GET", "/items/:id", "2", "0%"],
];

interface OtelApp extends RunningApp {
  /** SIGTERM: the app stops accepting connections and the SDK flushes everything; resolves when it has exited. */
  flush(): Promise<void>;
}

const running: OtelApp[] = [];
test.afterEach(() => {
  for (const app of running.splice(0)) app.stop();
});

/** Starts the app in its own process group (so stop() takes any children along), exporting to `endpoint`. */
async function startOtelApp(
  mode: "apitally" | "plain",
  setup: { endpoint: string; token: string; env: string },
): Promise<OtelApp> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [path.resolve(APP_FILE)], {
    env: {
      ...process.env,
      OTLP_ENDPOINT: setup.endpoint,
      OTLP_TOKEN: setup.token,
      OTLP_ENV: setup.env,
      OTEL_MODE: mode,
      PORT: String(port),
    },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let output = "";
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const signal = (sig: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, sig);
    } catch {
      /* already gone */
    }
  };
  const app: OtelApp = {
    url: `http://127.0.0.1:${port}`,
    output: () => output,
    stop: () => signal("SIGKILL"),
    async flush() {
      signal("SIGTERM");
      const timeout = new Promise<"timeout">((r) => setTimeout(() => r("timeout"), 15_000));
      if ((await Promise.race([exited, timeout])) === "timeout")
        throw new Error(`the app did not exit after SIGTERM:\n${output}`);
      expect(child.exitCode, output).toBe(0);
    },
  };
  running.push(app);
  const deadline = Date.now() + 15_000;
  while (!output.includes("listening")) {
    if (child.exitCode !== null || Date.now() > deadline)
      throw new Error(`the OpenTelemetry app did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return app;
}

const snippet = (page: Page, name: string) => page.locator(`code[data-snippet="${name}"]`);

/** A value the snippet's text holds, by a pattern with one group. */
async function fromSnippet(code: Locator, pattern: RegExp): Promise<string> {
  const text = (await code.textContent()) ?? "";
  const m = pattern.exec(text);
  expect(m, `${pattern} in:\n${text}`).not.toBeNull();
  return m![1];
}

/** The endpoints table's body rows (Traffic and Endpoints views). */
const endpointTableRows = (page: Page) =>
  page
    .locator("table")
    .filter({ has: page.getByRole("columnheader", { name: "Endpoint" }) })
    .locator("tbody tr");

async function expectEndpointRows(page: Page, rows: [string, string, string, string][]) {
  await expect(endpointTableRows(page)).toHaveCount(rows.length);
  for (const [method, p, requests, errorRate] of rows) {
    expect(await rowCells(endpointRow(page, method, p)), `${method} ${p}`).toMatchObject({
      Requests: requests,
      "Error rate": errorRate,
    });
  }
  await expect(page.getByText("/nope")).toHaveCount(0);
}

test("a stock OpenTelemetry service: its SERVER spans, counted exactly on Traffic and Endpoints", async ({
  page,
  baseURL,
}, testInfo) => {
  test.setTimeout(90_000);
  const nav = page.getByRole("navigation", { name: "App sections" });

  let appId = 0;
  let setup = { endpoint: "", token: "", env: "" };
  await test.step("sign up, create an app with the OpenTelemetry tile; its Setup page has the write token and the OTLP variables", async () => {
    await signUp(page);
    appId = await createApp(page, "Inventory service", "OpenTelemetry");
    const token = ((await page.getByTestId("write-token").textContent()) ?? "").trim();
    expect(token).toMatch(/^apt_[A-Za-z0-9]{24}$/);
    // An OpenTelemetry service has no use for the hub protocol's client ID.
    await expect(page.getByTestId("client-id")).toHaveCount(0);
    await expect(page.getByText("Point its OTLP exporter at Tallyhub")).toBeVisible();
    const env = snippet(page, "setup");
    setup = {
      endpoint: await fromSnippet(env, /^OTEL_EXPORTER_OTLP_ENDPOINT=(\S+)$/m),
      token: await fromSnippet(env, /^OTEL_EXPORTER_OTLP_HEADERS=Authorization=Bearer%20(\S+)$/m),
      env: await fromSnippet(env, /^OTEL_RESOURCE_ATTRIBUTES=deployment\.environment\.name=(\S+)$/m),
    };
    expect(setup).toEqual({ endpoint: baseURL!.replace(/\/+$/, ""), token, env: "dev" });
    await expect(page.getByTestId("hub-url")).toHaveText(setup.endpoint);
    await expect(page.getByTestId("app-status")).toContainText("Waiting for first data…");
  });

  let app: OtelApp;
  await test.step("start the service with those values and serve the requests; the setup page flips to Receiving data by itself", async () => {
    app = await startOtelApp("plain", setup);
    // A stock SDK has nothing to export before its first request; its spans (every 0.5 s) then
    // and its metrics (every second) are heartbeats, and the panel polls every 5 s.
    await serve(app, PLAN);
    await expect(page.getByTestId("app-status")).toContainText("Receiving data");
    await expect(page.getByTestId("app-status").getByText(setup.env, { exact: true })).toBeVisible();
  });

  await test.step("SIGTERM (the SDK flushes) and wait until the requests are counted", async () => {
    await app.flush();
    await waitForRequests(page, appId, COUNTED, app);
  });

  await test.step("Traffic: 9 requests, 3 errors, no consumers; the four routes called, not the 404", async () => {
    await nav.getByRole("link", { name: "Traffic" }).click();
    await expect(page).toHaveURL(new RegExp(`/apps/${appId}/traffic$`));
    await expectTrafficStats(page, { requests: String(COUNTED), errorRate: "33.3%", consumers: "0" });
    await expect(page.getByText("4 endpoints, including ones not called in this period")).toBeVisible();
    await expectEndpointRows(page, ENDPOINTS);
    await expect(endpointRow(page, "GET", "/error").getByText("2 server errors")).toBeAttached();
  });

  await test.step("Endpoints: the same counts per endpoint", async () => {
    await nav.getByRole("link", { name: "Endpoints" }).click();
    await expect(page).toHaveURL(new RegExp(`/apps/${appId}/endpoints$`));
    await expectEndpointRows(page, ENDPOINTS);
  });

  if (testInfo.project.name === "sqlite") {
    await test.step("screenshots of the Setup page", async () => {
      for (const width of [1280, 390]) {
        await page.setViewportSize({ width, height: width > 600 ? 800 : 844 });
        await page.goto(`/apps/${appId}/setup`);
        await expect(page.getByTestId("app-status")).toContainText("Receiving data");
        await snap(page, `otel-setup-${width}`);
      }
    });
  }
});

test("apitally mode on a FastAPI app: counted from its histograms once, spans not again, consumers with names", async ({
  page,
  baseURL,
}, testInfo) => {
  test.setTimeout(90_000);
  const nav = page.getByRole("navigation", { name: "App sections" });

  let appId = 0;
  let setup = { endpoint: "", token: "", env: "" };
  await test.step("sign up, create a FastAPI app; its Setup page recommends apitally 1.x with the write token", async () => {
    await signUp(page);
    appId = await createApp(page, "Catalog API");
    const versions = page.getByRole("radiogroup", { name: "Client version" });
    await expect(versions.getByRole("radio")).toHaveText(["apitally 1.x · recommended", "apitally 0.x"]);
    await expect(versions.getByRole("radio", { name: "apitally 1.x · recommended" })).toHaveAttribute(
      "aria-checked",
      "true",
    );
    const token = ((await page.getByTestId("write-token").textContent()) ?? "").trim();
    expect(token).toMatch(/^apt_[A-Za-z0-9]{24}$/);
    const code = snippet(page, "setup");
    setup = {
      endpoint: await fromSnippet(code, /os\.environ\.setdefault\("APITALLY_OTLP_ENDPOINT", "([^"]+)"\)/),
      token: await fromSnippet(code, /write_token="([^"]+)"/),
      env: await fromSnippet(code, /env="([^"]+)"/),
    };
    expect(setup).toEqual({ endpoint: baseURL!.replace(/\/+$/, ""), token, env: "dev" });
  });

  let app: OtelApp;
  await test.step("start the service in apitally mode; the setup page shows its client and versions", async () => {
    app = await startOtelApp("apitally", setup);
    const status = page.getByTestId("app-status");
    await expect(status).toContainText("Receiving data");
    await expect(status).toContainText("apitally-js:0.0.0-test express");
    await expect(status).toContainText("express 5.3.0");
  });

  await test.step("serve the requests, SIGTERM (the SDK flushes) and wait until exactly 9 are counted, not 18", async () => {
    await serve(app, PLAN);
    await app.flush();
    // Every export has been stored by the time the app exits: a double count would already show 18.
    await waitForRequests(page, appId, COUNTED, app);
  });

  await test.step("Traffic: 9 requests from the histograms, 2 consumers, the startup's never-called route too", async () => {
    await nav.getByRole("link", { name: "Traffic" }).click();
    await expect(page).toHaveURL(new RegExp(`/apps/${appId}/traffic$`));
    await expectTrafficStats(page, { requests: String(COUNTED), errorRate: "33.3%", consumers: "2" });
    await expect(page.getByText("5 endpoints, including ones not called in this period")).toBeVisible();
    await expectEndpointRows(page, [...ENDPOINTS, ["GET", "/never-called", "0", "—"]]);
  });

  await test.step("Endpoints: the same counts per endpoint", async () => {
    await nav.getByRole("link", { name: "Endpoints" }).click();
    await expect(page).toHaveURL(new RegExp(`/apps/${appId}/endpoints$`));
    await expectEndpointRows(page, [...ENDPOINTS, ["GET", "/never-called", "0", "—"]]);
  });

  await test.step("Consumers: Alice Example of Admins with 3 requests, api-key-42 with 2", async () => {
    await nav.getByRole("link", { name: "Consumers" }).click();
    await expect(page).toHaveURL(new RegExp(`/apps/${appId}/consumers$`));
    await expect(statValue(page, "Active consumers")).toHaveText("2");
    await expect(statValue(page, "Top consumer")).toHaveText("Alice Example");
    expect(await rowCells(row(page, "user-123"))).toMatchObject({
      Consumer: "Alice Example user-123",
      Group: "Admins",
      Requests: "3",
      "Error rate": "0%",
    });
    expect(await rowCells(row(page, "api-key-42"))).toMatchObject({
      Consumer: "api-key-42",
      Group: "—",
      Requests: "2",
      "Error rate": "0%",
    });
  });

  if (testInfo.project.name === "sqlite") {
    await test.step("screenshots of the Setup page", async () => {
      for (const width of [1280, 390]) {
        await page.setViewportSize({ width, height: width > 600 ? 800 : 844 });
        await page.goto(`/apps/${appId}/setup`);
        await expect(page.getByTestId("app-status")).toContainText("Receiving data");
        await snap(page, `otel-setup-fastapi-${width}`);
      }
    });
  }
});
