// Uptime with the real, unmodified `apitally` client (issue "Uptime and alerts", Tests): a server of
// its own with monitoring every 2 s; an Express app syncs, the heartbeat is set to 30 s in the UI,
// stopping the app makes the environment Down with an incident, starting it again Up with the
// incident closed; a health check against a local URL that starts answering 500 makes it Down.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test, type Page } from "@playwright/test";
import { startTestStack, type TestStack } from "../tests/helpers/stack";
import { startExpressApp, type RunningApp } from "./dashboard-helpers";
import { createApp, signUp } from "./people";

let stack: TestStack | undefined;
let app: RunningApp | undefined;
let failing = false;
const health = createServer((_req, res) => {
  res.writeHead(failing ? 500 : 200, { "content-type": "text/plain" }).end(failing ? "broken" : "ok");
});

test.afterAll(async () => {
  app?.stop();
  health.closeAllConnections();
  await new Promise((r) => health.close(r));
  await stack?.stop();
});

/**
 * Reloads the Uptime page until the state reads `state` (the page also refreshes itself, every 15 s). Before the
 * first sync there is no state at all: that is "not yet", not a failure (waiting on the element would throw out of
 * the poll after the action timeout, however long the poll may still run).
 */
async function expectState(page: Page, state: string, timeout: number) {
  await expect
    .poll(
      async () => {
        await page.reload();
        const shown = page.getByTestId("uptime-state");
        return (await shown.count()) > 0 ? shown.textContent() : "no state yet";
      },
      { timeout, intervals: [1000, 2000] },
    )
    .toBe(state);
}

test("heartbeat down and up with the real client, a failing health check down, incidents listed", async ({
  browser,
}, testInfo) => {
  test.setTimeout(240_000);
  const kind = testInfo.project.name === "postgres" ? "postgres" : "sqlite";
  stack = await startTestStack(kind, {
    server: true,
    env: { TALLYHUB_SIGNUP: "open", TALLYHUB_MONITOR_INTERVAL_SECONDS: "2" },
  });
  const context = await browser.newContext({ baseURL: stack.baseUrl });
  const page = await context.newPage();
  const incidents = page.getByRole("table");

  let appId = 0;
  await test.step("an Express app with the real client syncs: Up", async () => {
    await signUp(page);
    appId = await createApp(page, "Orders API", "Express");
    const clientId = (await page.getByTestId("client-id").textContent())?.trim() ?? "";
    app = await startExpressApp(stack!.baseUrl, clientId, "dev");
    await page.goto(`/apps/${appId}/uptime?env=dev`);
    // The client syncs as it starts; what it printed tells why, should nothing arrive.
    await expectState(page, "Up", 60_000).catch((e: Error) => {
      throw new Error(`${e.message}\nthe client printed:\n${app!.output()}`);
    });
  });

  await test.step("the heartbeat set to 30 s in the settings", async () => {
    await page.getByLabel("Down after (seconds without data)").fill("10");
    await page.getByRole("button", { name: "Save heartbeat" }).click();
    await expect(page.getByText("Use at least 30 seconds.")).toBeVisible();
    await page.getByLabel("Down after (seconds without data)").fill("30");
    await page.getByRole("button", { name: "Save heartbeat" }).click();
    await expect(page.getByText("Heartbeat of dev on: down after 30 s without data.")).toBeVisible();
  });

  await test.step("the app stopped: Down, with an ongoing heartbeat incident", async () => {
    app!.stop();
    await expectState(page, "Down", 90_000);
    await expect(incidents).toContainText("ongoing");
    await expect(incidents).toContainText("No data from any instance for 30 s");
  });

  await test.step("the app started again: Up, the incident closed with its duration", async () => {
    app = await startExpressApp(stack!.baseUrl, await clientIdOf(page, appId), "dev");
    await page.goto(`/apps/${appId}/uptime?env=dev`);
    await expectState(page, "Up", 60_000);
    await expect(incidents).not.toContainText("ongoing");
    const cells = incidents.getByRole("row").nth(1).getByRole("cell");
    await expect(cells.nth(2)).toHaveText(/^\d+ (s|min)/);
    await expect(cells.nth(3)).toHaveText("Heartbeat");
  });

  await test.step("a health check: a bad URL is refused, a local one passes, then fails with HTTP 500", async () => {
    await page.getByLabel("URL").fill("not a url");
    await page.getByRole("button", { name: "Add health check" }).click();
    await expect(page.getByText("Enter a full http:// or https:// URL")).toBeVisible();

    await new Promise<void>((r) => health.listen(0, "127.0.0.1", r));
    const url = `http://127.0.0.1:${(health.address() as AddressInfo).port}/health`;
    await page.getByLabel("URL").fill(url);
    await page.getByLabel("Every (s)").fill("30");
    await page.getByLabel("Headers").fill("Authorization: Bearer e2e-secret");
    await page.getByRole("button", { name: "Add health check" }).click();
    await expect(page.getByText("Health check of dev saved")).toBeVisible();
    await expect
      .poll(
        async () => {
          await page.reload();
          return page.getByText(/^Health check: /).textContent();
        },
        { timeout: 30_000, intervals: [1000, 2000] },
      )
      .toBe("Health check: passing");
    // The saved token is never shown back.
    await expect(page.getByLabel("Headers")).toHaveValue("Authorization: ••••••••");
    expect(await page.content()).not.toContain("e2e-secret");

    failing = true;
    await expectState(page, "Down", 90_000);
    await expect(incidents).toContainText("Health check failed: HTTP 500");
    await expect(page.getByText("Health check: failing")).toBeVisible();
  });
});

/** The app's client ID, from its Setup page. */
async function clientIdOf(page: Page, appId: number): Promise<string> {
  await page.goto(`/apps/${appId}/setup`);
  return (await page.getByTestId("client-id").textContent())?.trim() ?? "";
}
