// An app whose client creates more environments than the cap (TALLYHUB_MAX_ENVIRONMENTS, 20): the
// app's pages warn which cap was hit, Settings shows the usage, and the data sent past the cap is
// under the environment "(other)", which Settings explains instead of offering to remove.
// Screenshots of Settings at desktop and phone widths go to test-results/screenshots/ for people to look at.
import { expect, test } from "@playwright/test";
import { createApp, signUp, syncGets } from "./people";

const VIEWPORTS = { desktop: { width: 1280, height: 800 }, phone: { width: 390, height: 844 } } as const;

test("a cap hit is reported on the app's pages and its usage on Settings", async ({ page, request }) => {
  await signUp(page);
  const appId = await createApp(page, "Capped API");
  const clientId = (await page.getByTestId("client-id").textContent())?.trim() ?? "";
  // The app starts with prod and dev; 20 more environments are 2 past the cap.
  for (let i = 0; i < 20; i++) {
    await syncGets(request, clientId, `env-${i}`, ["/items"]);
  }

  await page.goto(`/apps/${appId}/traffic`);
  const warning = page.getByRole("status").filter({ hasText: "Limit reached" });
  await expect(warning).toContainText("environments (20)");
  await warning.getByRole("link", { name: "See usage" }).click();
  await expect(page).toHaveURL(new RegExp(`/apps/${appId}/settings$`));
  const envs = page.locator('[data-cap="environments"]');
  await expect(envs).toContainText("20 / 20");
  await expect(envs).toContainText("Cap reached");
  await expect(page.locator('[data-cap="endpoints"]')).toContainText("1 / 5,000");
  // "(other)" is where data past the cap goes: explained, not offered for removal like the environments.
  await expect(page.getByText("Data for environments past the cap of 20", { exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: "Remove env-0" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Remove (other)" })).toHaveCount(0);

  for (const [device, viewport] of Object.entries(VIEWPORTS)) {
    await page.setViewportSize(viewport);
    await page.waitForLoadState("networkidle");
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: `test-results/screenshots/caps-settings-${device}.png`, fullPage: true });
  }
});
