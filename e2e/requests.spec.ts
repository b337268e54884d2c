// The Requests view with request logs from the real `apitally` Express client (issue 13):
// the list shows what the app served, consumer and status filters narrow it exactly, a
// detail shows the decoded JSON body, the console log line and the span, and the Errors
// view's "Requests with this error" lands on the request that threw, with its stack trace.
import { expect, test, type Page } from "@playwright/test";
import {
  EXPRESS_APP as APP,
  pickFilterOption,
  serve,
  snap,
  startExpressApp,
  type PlannedRequest,
  type RunningApp,
} from "./dashboard-helpers";
import { createApp, signUp } from "./people";

const PLAN: PlannedRequest[] = [
  { method: "GET", path: "/items/1", status: 200 },
  { method: "GET", path: "/me", status: 200 },
  { method: "POST", path: "/items", body: { name: "Gizmo" }, status: 201 },
  { method: "GET", path: "/items/2", status: 200 },
  { method: "POST", path: "/items", body: { name: "x" }, status: 400 },
  { method: "GET", path: "/error", status: 500 },
];

let app: RunningApp | undefined;
test.afterAll(() => app?.stop());

/** The list's rows: each has one link, to the request's own page. */
const rows = (page: Page) => page.locator("li").filter({ has: page.locator('a[href*="/requests/"]') });

test("the Requests view lists, filters and opens what the real client logged", async ({ page, baseURL }, testInfo) => {
  test.setTimeout(120_000);
  const nav = page.getByRole("navigation", { name: "App sections" });

  let appId = 0;
  await test.step("an Express app with request logging serves the requests", async () => {
    await signUp(page);
    appId = await createApp(page, "Orders API", "Express");
    const clientId = (await page.getByTestId("client-id").textContent())?.trim() ?? "";
    app = await startExpressApp(baseURL!, clientId, "dev");
    await serve(app, PLAN);
    // The client writes its log file every second and sends it with its next sync.
    await expect
      .poll(
        async () => {
          const r = await page.request.get(`/api/apps/${appId}/requests`);
          return r.ok() ? ((await r.json()) as { data: { rows: unknown[] } }).data.rows.length : r.status();
        },
        { timeout: 45_000, intervals: [500], message: "the client's log file arrives" },
      )
      .toBe(PLAN.length);
  });

  await test.step("the list: newest first, each with its status, method and route", async () => {
    await nav.getByRole("link", { name: "Requests" }).click();
    await expect(page).toHaveURL(new RegExp(`/apps/${appId}/requests$`));
    await expect(rows(page)).toHaveCount(PLAN.length);
    await expect(rows(page).first()).toContainText(/500\s*GET\s*\/error/);
    await expect(rows(page).last()).toContainText(/200\s*GET\s*\/items\/:id/);
    await expect(rows(page).first().getByTitle("Raised an exception").first()).toBeVisible();
    await expect(page.getByText(`That is all ${PLAN.length} requests in this period.`)).toBeVisible();
  });

  await test.step("filters narrow it exactly and live in the URL", async () => {
    await pickFilterOption(page, "Consumer or group", APP.stringConsumer);
    await expect(page).toHaveURL(/[?&]consumer=\d+(&|$)/);
    await expect(rows(page)).toHaveCount(2);
    for (const r of await rows(page).all()) await expect(r).toContainText(/GET\s*\/items\/:id/);

    await page.getByRole("button", { name: "Reset filters" }).click();
    await expect(rows(page)).toHaveCount(PLAN.length);
    const status = page.getByRole("combobox", { name: "Status", exact: true });
    await status.fill("4xx");
    await status.press("Enter");
    await expect(page).toHaveURL(/[?&]status=4xx(&|$)/);
    await expect(rows(page)).toHaveCount(1);
    await expect(rows(page).first()).toContainText(/400\s*POST\s*\/items/);

    await page.getByRole("textbox", { name: "Request body contains" }).fill("Gizmo");
    await page.getByRole("textbox", { name: "Request body contains" }).press("Enter");
    await expect(page).toHaveURL(/[?&]reqBody=Gizmo(&|$)/);
    await expect(page.getByText("No requests match these filters in this period.")).toBeVisible();
    await page.getByRole("combobox", { name: "Status", exact: true }).fill("");
    await page.getByRole("combobox", { name: "Status", exact: true }).press("Enter");
    await expect(rows(page)).toHaveCount(1);
    await expect(rows(page).first()).toContainText(/201\s*POST\s*\/items/);
  });

  await test.step("a detail: the decoded JSON bodies, pretty and raw", async () => {
    await rows(page).first().locator('a[href*="/requests/"]').click();
    await expect(page).toHaveURL(new RegExp(`/apps/${appId}/requests/[0-9a-f-]{36}\\?reqBody=Gizmo$`));
    await expect(page.getByRole("heading", { name: "/items" })).toBeVisible();
    const body = page.getByLabel("Request body", { exact: true });
    await expect(body).toHaveText('{\n  "name": "Gizmo"\n}');
    await page.getByRole("button", { name: "Raw" }).first().click();
    await expect(body).toHaveText('{"name":"Gizmo"}');
    await expect(page.getByLabel("Response body", { exact: true })).toContainText('"name": "Gizmo"');
    // Back to the list it came from, filters kept.
    await page.getByRole("link", { name: "← All requests" }).click();
    await expect(page).toHaveURL(new RegExp(`/apps/${appId}/requests\\?reqBody=Gizmo$`));
  });

  await test.step("a detail: the console log line and the span the app wrote", async () => {
    await page.goto(`/apps/${appId}/requests?url=/items/1`);
    await expect(rows(page)).toHaveCount(1);
    await rows(page).first().locator('a[href*="/requests/"]').click();
    await expect(page.getByRole("cell", { name: "fetching item 1" })).toBeVisible();
    const span = page.getByRole("button", { name: /db\.load_item/ });
    await expect(span).toBeVisible();
    await span.click();
    await expect(page.getByText("item.id", { exact: true })).toBeVisible();
  });

  await test.step("Errors → Requests with this error → the request, with its stack trace", async () => {
    await nav.getByRole("link", { name: "Errors" }).click();
    await page.getByRole("button", { expanded: false }).filter({ hasText: APP.error.msg }).click();
    await page.getByRole("link", { name: "Requests with this error →" }).click();
    await expect(page).toHaveURL(/\/requests\?.*exception=1/);
    await expect(rows(page)).toHaveCount(1);
    await rows(page).first().locator('a[href*="/requests/"]').click();
    await expect(page.getByText(`${APP.error.type}: ${APP.error.msg}`, { exact: true })).toBeVisible();
    const stack = page.getByLabel("Stack trace", { exact: true });
    await expect(stack).toContainText(`${APP.error.type}: ${APP.error.msg}\n    at `);
    await expect(stack).toContainText("express-app.mjs");
  });

  if (testInfo.project.name === "sqlite") {
    await test.step("screenshots", async () => {
      for (const width of [1280, 390]) {
        await page.setViewportSize({ width, height: width > 600 ? 800 : 844 });
        await page.goto(`/apps/${appId}/requests`);
        await expect(rows(page)).toHaveCount(PLAN.length);
        await snap(page, `requests-list-${width}`);
        await page.goto(`/apps/${appId}/requests?url=/items/1`);
        await rows(page).first().locator('a[href*="/requests/"]').click();
        await expect(page.getByRole("cell", { name: "fetching item 1" })).toBeVisible();
        await snap(page, `requests-detail-${width}`);
      }
    });
  }
});
