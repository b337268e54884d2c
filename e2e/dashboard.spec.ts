// The dashboard with data from the real, unmodified `apitally` client (issue 4, Tests): an
// Express app, pointed at this Tallyhub only through APITALLY_HUB_BASE_URL, serves a known
// set of requests; Traffic, Consumers and Errors then show exactly those, filters follow
// the URL into a new page, and a consumer renamed and regrouped shows so everywhere.
import { expect, test } from "@playwright/test";
import {
  EXPRESS_APP as APP,
  endpointRow,
  expectTrafficStats,
  pickFilterOption,
  row,
  rowCells,
  serve,
  snap,
  startExpressApp,
  statValue,
  waitForRequests,
  type PlannedRequest,
  type RunningApp,
} from "./dashboard-helpers";
import { createApp, signUp } from "./people";

const A = APP.stringConsumer;
const B = APP.namedConsumer;

// 11 requests: 4 by A, 3 by B, 4 anonymous (one 201, two validation errors, one exception).
const PLAN: PlannedRequest[] = [
  { method: "GET", path: "/items/1", status: 200 },
  { method: "GET", path: "/me", status: 200 },
  { method: "POST", path: "/items", body: { name: "ab" }, status: 400 },
  { method: "GET", path: "/items/2", status: 200 },
  { method: "GET", path: "/error", status: 500 },
  { method: "GET", path: "/me", status: 200 },
  { method: "POST", path: "/items", body: { name: "Gizmo" }, status: 201 },
  { method: "GET", path: "/items/3", status: 200 },
  { method: "POST", path: "/items", body: { name: "x" }, status: 400 },
  { method: "GET", path: "/me", status: 200 },
  { method: "GET", path: "/items/4", status: 200 },
];
const TOTAL = { requests: "11", errorRate: "27.3%", consumers: "2" }; // 3 errors of 11
const BY_A = { requests: "4", errorRate: "0%", consumers: "1" };

const RENAMED = { name: "Acme Mobile", group: "Partners" };

let app: RunningApp | undefined;
test.afterAll(() => app?.stop());

test("the dashboard shows exactly what the real client sent: traffic, filters in shared URLs, consumer edits, errors", async ({
  page,
  context,
  baseURL,
}, testInfo) => {
  test.setTimeout(90_000);
  expect(PLAN).toHaveLength(11);
  const nav = page.getByRole("navigation", { name: "App sections" });

  let appId = 0;
  await test.step("sign up, create an Express app and start it with the client ID from the setup page", async () => {
    await signUp(page);
    appId = await createApp(page, "Orders API", "Express");
    const clientId = (await page.getByTestId("client-id").textContent())?.trim() ?? "";
    const status = page.getByTestId("app-status");
    await expect(status).toContainText("Waiting for first data…");

    app = await startExpressApp(baseURL!, clientId, "dev");
    // The client sends its startup data and first sync half a second after the app starts;
    // the setup page polls and flips by itself.
    await expect(status).toContainText("Receiving data");
    await expect(status).toContainText("js:express");
    await expect(status).toContainText("apitally 0.25.8");
    await expect(status.getByText("dev", { exact: true })).toBeVisible();
  });

  await test.step("serve the requests and wait for the client's next sync", async () => {
    await serve(app!, PLAN);
    await waitForRequests(page, appId, PLAN.length, app!);
  });

  let filteredUrl = "";
  await test.step("Traffic: the totals, then filtered by consumer A", async () => {
    await nav.getByRole("link", { name: "Traffic" }).click();
    await expect(page).toHaveURL(new RegExp(`/apps/${appId}/traffic$`));
    await expectTrafficStats(page, TOTAL);

    // Every endpoint from startup, with its own numbers and a mark on the one that threw.
    expect(await rowCells(endpointRow(page, "GET", "/items/:id"))).toMatchObject({ Requests: "4", "Error rate": "0%" });
    expect(await rowCells(endpointRow(page, "GET", "/me"))).toMatchObject({ Requests: "3", "Error rate": "0%" });
    expect(await rowCells(endpointRow(page, "POST", "/items"))).toMatchObject({ Requests: "3", "Error rate": "66.7%" });
    const errorRow = endpointRow(page, "GET", "/error");
    expect(await rowCells(errorRow)).toMatchObject({ Requests: "1", "Error rate": "100%" });
    await expect(errorRow.getByText("1 server errors")).toBeAttached();
    await expect(row(page, /server errors/)).toHaveCount(1);

    await pickFilterOption(page, "Consumer or group", A);
    await expect(page).toHaveURL(/[?&]consumer=\d+(&|$)/);
    await expectTrafficStats(page, BY_A);
    expect(await rowCells(endpointRow(page, "GET", "/items/:id"))).toMatchObject({ Requests: "4", "Error rate": "0%" });
    expect(await rowCells(endpointRow(page, "GET", "/me"))).toMatchObject({ Requests: "0" });
    filteredUrl = page.url();
  });

  await test.step("the filtered URL opens the same view in a new page", async () => {
    const shared = await context.newPage();
    try {
      await shared.goto(filteredUrl);
      await expect(shared.getByRole("combobox", { name: "Consumer or group" })).toHaveValue(A);
      await expectTrafficStats(shared, BY_A);
      // The filter follows to the other views through the tabs.
      const consumerParam = new URL(filteredUrl).searchParams.get("consumer");
      await expect(
        shared.getByRole("navigation", { name: "App sections" }).getByRole("link", { name: "Errors" }),
      ).toHaveAttribute("href", `/apps/${appId}/errors?consumer=${consumerParam}`);
    } finally {
      await shared.close();
    }
    await page.getByRole("button", { name: "Reset filters" }).click();
    await expect(page).toHaveURL(new RegExp(`/apps/${appId}/traffic$`));
    await expectTrafficStats(page, TOTAL);
  });

  await test.step("Consumers: rename A and put it in a new group; both show after a reload, in the table and the filter", async () => {
    await nav.getByRole("link", { name: "Consumers" }).click();
    await expect(page).toHaveURL(new RegExp(`/apps/${appId}/consumers$`));
    await expect(statValue(page, "Active consumers")).toHaveText("2");
    expect(await rowCells(row(page, A))).toMatchObject({ Consumer: A, Group: "—", Requests: "4", "Error rate": "0%" });
    expect(await rowCells(row(page, B.identifier))).toMatchObject({
      Consumer: `${B.name} ${B.identifier}`,
      Group: B.group,
      Requests: "3",
      "Error rate": "0%",
    });

    await row(page, A).getByRole("button", { name: "Edit" }).click();
    const dialog = page.getByRole("dialog");
    await expect(dialog.getByRole("heading", { name: "Edit consumer" })).toBeVisible();
    await expect(dialog).toContainText(A);
    await dialog.getByLabel("Name", { exact: true }).fill(RENAMED.name);
    await dialog.getByLabel("Group", { exact: true }).fill(RENAMED.group);
    await dialog.getByRole("button", { name: "Save" }).click();
    await expect(dialog).toBeHidden();

    await page.reload();
    expect(await rowCells(row(page, A))).toMatchObject({
      Consumer: `${RENAMED.name} ${A}`,
      Group: RENAMED.group,
      Requests: "4",
    });
    expect(await rowCells(row(page, B.identifier))).toMatchObject({
      Consumer: `${B.name} ${B.identifier}`,
      Group: B.group,
      Requests: "3",
    });
    await expect(statValue(page, "Top consumer")).toHaveText(RENAMED.name);

    await page.getByRole("tab", { name: "Groups" }).click();
    expect(await rowCells(row(page, RENAMED.group))).toMatchObject({
      Group: RENAMED.group,
      "Active / all": "1 / 1",
      Requests: "4",
    });
    expect(await rowCells(row(page, B.group))).toMatchObject({
      Group: B.group,
      "Active / all": "1 / 1",
      Requests: "3",
    });

    // The filter's options, listed under "Consumers" and "Groups" when it opens.
    await page.getByRole("combobox", { name: "Consumer or group" }).click();
    const options = async (group: string) =>
      (
        await page
          .getByRole("listbox", { name: "Consumer or group" })
          .getByRole("group", { name: group })
          .getByRole("option")
          .allTextContents()
      ).sort();
    expect(await options("Consumers")).toEqual([`${RENAMED.name} (${A})`, `${B.name} (${B.identifier})`]);
    expect(await options("Groups")).toEqual([B.group, RENAMED.group]);
    await page.keyboard.press("Escape");

    // The new group filters Traffic to A's requests.
    await nav.getByRole("link", { name: "Traffic" }).click();
    await pickFilterOption(page, "Consumer or group", RENAMED.group);
    await expect(page).toHaveURL(/[?&]group=\d+(&|$)/);
    await expectTrafficStats(page, BY_A);
    await page.getByRole("button", { name: "Reset filters" }).click();
    await expectTrafficStats(page, TOTAL);
  });

  await test.step("Errors: the 500 with the client's stack trace, the validation error with its count", async () => {
    await nav.getByRole("link", { name: "Errors" }).click();
    await expect(page).toHaveURL(new RegExp(`/apps/${appId}/errors$`));
    await expect(statValue(page, "Error rate")).toHaveText(TOTAL.errorRate);
    await expect(statValue(page, "Error responses")).toHaveText("3");
    await expect(statValue(page, "Client errors (4xx)")).toHaveText("2");
    await expect(statValue(page, "Server errors (5xx)")).toHaveText("1");

    expect(await rowCells(row(page, /^400/))).toMatchObject({ Status: "400", Occurrences: "2", Consumers: "0" });
    expect(await rowCells(row(page, /^500/))).toMatchObject({ Status: "500", Occurrences: "1", Consumers: "0" });
    await expect(row(page, /^[45]\d\d/)).toHaveCount(2);
    await expect(row(page, /^400/)).toContainText(/POST\s*\/items/);
    await expect(row(page, /^500/)).toContainText(/GET\s*\/error/);

    const serverError = page.getByRole("button", { expanded: false }).filter({ hasText: APP.error.msg });
    await expect(serverError).toHaveCount(1);
    await expect(serverError.getByText(APP.error.type, { exact: true })).toBeVisible();
    await expect(serverError.getByText(APP.error.msg, { exact: true })).toBeVisible();
    await expect(serverError).toContainText(/GET\s*\/error/);
    await expect(serverError).toContainText(/1\s*time$/);
    await serverError.click();
    const opened = page.getByRole("button", { expanded: true }).filter({ hasText: APP.error.msg });
    await expect(opened).toHaveCount(1);
    // The stack as Node wrote it in the app: "Error: msg" and then its frames.
    const trace = page.getByText(new RegExp(`^${APP.error.type}: ${APP.error.msg.replace(/\//g, "\\/")}\\s+at `));
    await expect(trace).toBeVisible();
    const text = await trace.innerText();
    expect(text.startsWith(`${APP.error.type}: ${APP.error.msg}\n    at `)).toBe(true);
    expect(text).toContain("express-app.mjs");
    expect(text.split("\n").filter((l) => /^\s+at /.test(l)).length).toBeGreaterThan(1);

    const validation = row(page, APP.validation.loc);
    await expect(validation).toHaveCount(1);
    expect(await rowCells(validation)).toMatchObject({
      Field: APP.validation.loc,
      Message: `${APP.validation.msg} ${APP.validation.type}`,
      Count: "2",
      Consumers: "0",
    });
    await expect(validation).toContainText(/POST\s*\/items/);
  });

  await test.step("the setup page still says Receiving data", async () => {
    await nav.getByRole("link", { name: "Setup" }).click();
    await expect(page.getByTestId("app-status")).toContainText("Receiving data");
  });

  // Screenshots of the views with this data, for people to look at (not compared).
  if (testInfo.project.name === "sqlite") {
    await test.step("screenshots", async () => {
      for (const width of [1280, 390]) {
        await page.setViewportSize({ width, height: width > 600 ? 800 : 844 });
        await page.goto(`/apps/${appId}/traffic`);
        await expect(statValue(page, "Requests")).toHaveText(TOTAL.requests);
        await snap(page, `real-traffic-${width}`);
        await page.goto(`/apps/${appId}/errors`);
        await page.getByRole("button", { expanded: false }).filter({ hasText: APP.error.msg }).click();
        await expect(page.getByText(/^Error: Something exploded in \/error\s+at /)).toBeVisible();
        await snap(page, `real-errors-${width}`);
        await page.goto(`/apps/${appId}/consumers`);
        await expect(statValue(page, "Top consumer")).toHaveText(RENAMED.name);
        await snap(page, `real-consumers-${width}`);
      }
    });
  }
});
