// An app with more endpoints than the filter bar loads (ENDPOINT_OPTIONS_LIMIT, the most recently seen): typing
// into the endpoint filter searches the server, finds an endpoint outside the loaded options, and picking it
// filters the view and shows its name, not "#id", also after a reload. Screenshots of the open filter at desktop
// and phone widths go to test-results/screenshots/ for people to look at.
import { expect, test } from "@playwright/test";
import { statValue } from "./dashboard-helpers";
import { createApp, signUp, syncGets } from "./people";

const ENDPOINT_OPTIONS_LIMIT = 1000;
const TARGET = { method: "GET", path: "/zz/target-route" };

test("the endpoint filter finds and shows an endpoint outside the loaded options", async ({ page, request }) => {
  await signUp(page);
  const appId = await createApp(page, "Wide API");
  const clientId = (await page.getByTestId("client-id").textContent())?.trim() ?? "";
  // The target first; the others a second later are all seen more recently, so it is past the loaded ones.
  await syncGets(request, clientId, "prod", [TARGET.path]);
  await page.waitForTimeout(1100);
  await syncGets(
    request,
    clientId,
    "prod",
    Array.from({ length: ENDPOINT_OPTIONS_LIMIT }, (_, i) => `/bulk/${i}`),
  );
  const loaded = await (await page.request.get(`/api/apps/${appId}/views/filter-options?period=24h`)).json();
  expect(loaded.data.endpoints).toHaveLength(ENDPOINT_OPTIONS_LIMIT);
  expect(loaded.data.endpoints.map((e: { path: string }) => e.path)).not.toContain(TARGET.path);

  await page.goto(`/apps/${appId}/traffic`);
  const filter = page.getByRole("combobox", { name: "Endpoint" });
  await filter.fill("TARGET-r");
  const matches = page.getByRole("listbox", { name: "Endpoint" });
  const option = matches.getByRole("option", { name: `${TARGET.method} ${TARGET.path}` });
  await expect(option).toBeVisible();
  await page.screenshot({ path: "test-results/screenshots/endpoint-filter-desktop.png" });
  await option.click();

  await expect(page).toHaveURL(/[?&]endpoint=\d+/);
  await expect(filter).toHaveValue(`${TARGET.method} ${TARGET.path}`);
  await expect(statValue(page, "Requests")).toHaveText("1");
  await page.reload();
  await expect(filter).toHaveValue(`${TARGET.method} ${TARGET.path}`);
  await expect(statValue(page, "Requests")).toHaveText("1");
  await page.getByRole("combobox", { name: "Consumer or group" }).fill("nobody");
  await expect(page.getByText("No consumer or group matches.")).toBeVisible();
  await page.screenshot({ path: "test-results/screenshots/consumer-filter-desktop.png" });
  await page.keyboard.press("Escape");
  await expect(page.getByRole("combobox", { name: "Consumer or group" })).toHaveValue("");

  // At phone width the endpoint filter is under "Filters"; the keyboard picks the match.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByRole("button", { name: /^Filters/ }).click();
  await filter.fill("bulk/99");
  await expect(matches.getByRole("option").first()).toBeVisible();
  await page.screenshot({ path: "test-results/screenshots/endpoint-filter-phone.png" });
  await filter.press("ArrowDown");
  await filter.press("Enter");
  await expect(filter).toHaveValue(/^GET \/bulk\/99/);
  await expect(statValue(page, "Requests")).toHaveText("1");
});
