// Screenshots of the main pages at desktop and phone widths, for people to look at
// (test-results/screenshots/, not committed). Runs as its own Playwright project.
import { expect, test, type Page } from "@playwright/test";
import { createApp, PASSWORD, sendFirstSync, signOut, signUp } from "./people";

const VIEWPORTS = { desktop: { width: 1280, height: 800 }, phone: { width: 390, height: 844 } } as const;

for (const [device, viewport] of Object.entries(VIEWPORTS)) {
  test.describe(device, () => {
    test.use({ viewport });

    test(`pages at ${viewport.width} px`, async ({ page, request }) => {
      const shot = (name: string, fullPage = true) => snap(page, `${name}-${device}`, fullPage);

      await page.goto("/signup");
      await shot("signup");
      await page.getByLabel("Email").fill("not-an-email");
      await page.getByLabel("Password").fill("short");
      await page.getByRole("button", { name: "Create account" }).click();
      await expect(page.getByText("Use at least 8 characters.")).toBeVisible();
      await shot("signup-errors");

      const email = await signUp(page);
      await shot("apps-empty");

      await page.goto("/apps/new");
      await page.getByLabel("App name").fill("Payments API");
      await shot("new-app");

      const appId = await createApp(page, "Payments API");
      await shot("setup-fastapi");
      await createApp(page, "Storefront", "Express");
      await shot("setup-express");
      const clientId = (await page.getByTestId("client-id").textContent())?.trim() ?? "";
      await sendFirstSync(request, clientId, "prod", "js:express", {
        nodejs: "20.20.2",
        express: "5.3.0",
        apitally: "0.25.8",
        app: "1.4.0",
      });
      await expect(page.getByTestId("app-status")).toContainText("Receiving data");
      await shot("setup-receiving");
      await createApp(page, "Back office", "Django");
      await page.goto("/apps");
      await shot("apps");

      await page.goto(`/apps/${appId}/settings`);
      await shot("settings");

      await page.getByRole("button", { name: "Account menu" }).click();
      await shot("user-menu", false);
      await page.keyboard.press("Escape");

      await signOut(page);
      await page.getByLabel("Email").fill(email);
      await page.getByLabel("Password").fill(`${PASSWORD}-wrong`);
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(page.getByText("Wrong email or password.")).toBeVisible();
      await shot("signin-wrong-password");

      await page.getByLabel("Password").fill(PASSWORD);
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(page).toHaveURL(/\/apps$/);
      await page.goto("/apps/999999/setup");
      await shot("not-found");
    });
  });
}

async function snap(page: Page, name: string, fullPage = true) {
  await page.waitForLoadState("networkidle");
  // A full-page shot of a scrolled page draws the sticky header mid-page.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage });
}
