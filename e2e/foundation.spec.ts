import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { createApp, finishSignUp, newEmail, PASSWORD, sendFirstSync, signIn, signOut, signUp } from "./people";

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

test("sign up, create a FastAPI app, copy its snippet, sign out, sign back in", async ({ page, context, baseURL }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseURL });

  await page.goto("/");
  await expect(page).toHaveURL(/\/signin$/);
  await page.getByRole("link", { name: "Create an account" }).click();
  await expect(page.getByRole("heading", { name: "Create your account" })).toBeVisible();
  const email = newEmail();
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();

  await finishSignUp(page);
  await expect(page.getByRole("heading", { name: "No apps yet" })).toBeVisible();
  await page.getByRole("link", { name: "Create your first app" }).click();

  await page.getByLabel("App name").fill("Payments API");
  await page
    .locator("label")
    .filter({ has: page.getByRole("radio", { name: "FastAPI", exact: true }) })
    .click();
  const envInput = page.getByLabel("Environments");
  await envInput.fill("staging");
  await envInput.press("Enter");
  await page.getByRole("button", { name: "Create app" }).click();

  // Lands on the setup page with a client ID the JS client would accept.
  await expect(page).toHaveURL(/\/apps\/\d+\/setup$/);
  const clientId = (await page.getByTestId("client-id").textContent())?.trim() ?? "";
  expect(clientId).toMatch(UUID_V4);
  await expect(page.getByTestId("app-status")).toContainText("Waiting for first data…");
  for (const env of ["prod", "dev", "staging"]) await expect(page.getByRole("radio", { name: env })).toBeVisible();

  // Python apps start on apitally 1.x (OTLP) with the app's write token…
  const writeToken = (await page.getByTestId("write-token").textContent())?.trim() ?? "";
  expect(writeToken).toMatch(/^apt_[A-Za-z0-9]{24}$/);
  await expect(page.getByRole("radio", { name: "apitally 1.x · recommended" })).toHaveAttribute("aria-checked", "true");
  await expect(page.locator('code[data-snippet="install"]')).toContainText('pip install "apitally[fastapi]>=1,<2"');
  await expect(page.locator('code[data-snippet="setup"]')).toContainText(
    `apitally.init(app, write_token="${writeToken}", env="dev")`,
  );
  await expect(page.locator('code[data-snippet="setup"]')).toContainText(
    `os.environ.setdefault("APITALLY_OTLP_ENDPOINT", "${baseURL}")`,
  );
  // …and the 0.x hub client is one click away.
  await page.getByRole("radio", { name: "apitally 0.x" }).click();
  const snippet = (await page.locator('code[data-snippet="setup"]').textContent()) ?? "";
  expect(snippet).toContain(`os.environ.setdefault("APITALLY_HUB_BASE_URL", "${baseURL}")`);
  expect(snippet).toContain(
    [
      "app = FastAPI()",
      "app.add_middleware(",
      "    ApitallyMiddleware,",
      `    client_id="${clientId}",`,
      '    env="dev",  # or "prod" etc.',
      ")",
    ].join("\n"),
  );
  await expect(page.locator('code[data-snippet="install"]')).toContainText('pip install "apitally[fastapi]<1"');
  await expect(page.locator('code[data-snippet="hub-env"]')).toHaveText(`APITALLY_HUB_BASE_URL=${baseURL}`);

  const copy = page.getByRole("button", { name: "Copy setup snippet" });
  await copy.click();
  await expect(copy).toHaveText("Copied");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(snippet);

  // Another environment changes the snippet, and the copy follows.
  await page.getByRole("radio", { name: "prod" }).click();
  const prodSnippet = (await page.locator('code[data-snippet="setup"]').textContent()) ?? "";
  expect(prodSnippet).toContain('    env="prod",  # or "prod" etc.');
  await page.getByRole("button", { name: "Copy setup snippet" }).click();
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(prodSnippet);

  const setupUrl = page.url();
  await signOut(page);
  await page.goto(setupUrl);
  await expect(page).toHaveURL(/\/signin\?callbackUrl=/);

  await page.goto("/signin");
  await signIn(page, email, "not my password");
  await expect(page.getByRole("alert").filter({ hasText: "Wrong email or password." })).toBeVisible();
  await expect(page.getByLabel("Email")).toHaveValue(email);

  await signIn(page, email);
  await expect(page).toHaveURL(/\/apps$/);
  const card = page.getByRole("listitem").filter({ hasText: "Payments API" });
  await expect(card).toContainText("FastAPI");
  await expect(card).toContainText("No data yet");
  for (const env of ["prod", "dev", "staging"]) await expect(card.getByText(env, { exact: true })).toBeVisible();
});

test("signing in sends a person back to the page they asked for", async ({ page }) => {
  const email = await signUp(page);
  const appId = await createApp(page, "Shop", "Express");
  await signOut(page);
  await page.goto(`/apps/${appId}/settings`);
  await expect(page).toHaveURL(/\/signin\?callbackUrl=/);
  await signIn(page, email);
  await expect(page).toHaveURL(new RegExp(`/apps/${appId}/settings$`));
  await expect(page.getByRole("heading", { name: "Shop" })).toBeVisible();
});

test("another user gets 404 for the first user's app", async ({ page }) => {
  await signUp(page);
  const appId = await createApp(page, "Private API");
  await signOut(page);

  await signUp(page);
  await expect(page.getByRole("heading", { name: "No apps yet" })).toBeVisible();
  for (const path of [`/apps/${appId}`, `/apps/${appId}/setup`, `/apps/${appId}/settings`, `/apps/${appId}/traffic`]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
    await expect(page.getByText("Private API")).toHaveCount(0);
  }
  expect((await page.request.get(`/api/apps/${appId}/status`)).status()).toBe(404);
  expect((await page.goto("/apps/not-a-number/setup"))?.status()).toBe(404);
});

test("rename, edit environments and delete an app from its settings", async ({ page }) => {
  await signUp(page);
  const appId = await createApp(page, "Old name", "Hono");
  await expect(page.locator('code[data-snippet="setup"]')).toContainText(
    'import { useApitally } from "apitally/hono";',
  );
  await page.getByRole("navigation", { name: "App sections" }).getByRole("link", { name: "Settings" }).click();

  await page.getByLabel("Name", { exact: true }).fill("New name");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText("Name saved.")).toBeVisible();
  await expect(page.getByRole("heading", { name: "New name" })).toBeVisible();

  const apdex = page.getByLabel("T (milliseconds)");
  await expect(apdex).toHaveValue("500");
  await apdex.fill("5");
  await page.getByRole("button", { name: "Save threshold" }).click();
  await expect(page.getByText("Use at least 10 ms.")).toBeVisible();
  await apdex.fill("300");
  await page.getByRole("button", { name: "Save threshold" }).click();
  await expect(page.getByText("Apdex threshold set to 300 ms.")).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("T (milliseconds)")).toHaveValue("300");

  await page.getByLabel("Add an environment").fill("bad name!");
  await page.getByRole("button", { name: "Add" }).click();
  await expect(page.getByText('"bad name!" is not a valid environment name')).toBeVisible();
  await page.getByLabel("Add an environment").fill("staging");
  await page.getByRole("button", { name: "Add" }).click();
  await expect(page.getByText('Added "staging".')).toBeVisible();
  await page.getByRole("button", { name: "Remove dev" }).click();
  await page.getByRole("button", { name: "Remove", exact: true }).click();
  await expect(page.getByText('Removed "dev".')).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: /^staging/ })).toBeVisible();

  const del = page.getByRole("button", { name: "Delete this app" });
  await expect(del).toBeDisabled();
  await page.getByLabel("Type New name to confirm").fill("New name");
  await del.click();
  await expect(page).toHaveURL(/\/apps$/);
  await expect(page.getByRole("heading", { name: "No apps yet" })).toBeVisible();
  expect((await page.goto(`/apps/${appId}/setup`))?.status()).toBe(404);
});

test("sign-up explains bad input, and answers a taken address as a new one", async ({ page }) => {
  await page.goto("/signup");
  await page.getByLabel("Email").fill("nope");
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Enter a valid email address.")).toBeVisible();
  await expect(page.getByText("Use at least 8 characters.")).toBeVisible();

  const email = await signUp(page);
  await signOut(page);
  await page.goto("/signup");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("another password");
  await page.getByRole("button", { name: "Create account" }).click();
  // What a new address gets too: the form asks for the password; only the account's own one signs in.
  await expect(page.getByText("Now sign in with your email address and password.")).toBeVisible();
  await page.getByLabel("Password").fill("another password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Wrong email or password.")).toBeVisible();
  await signIn(page, email);
  await expect(page).toHaveURL(/\/apps$/);
});

test("the sign-in guard never touches the hub endpoints or the health check", async ({ request }) => {
  const sync = await request.post(`/v2/${randomUUID()}/dev/sync`, { data: {}, maxRedirects: 0 });
  expect(sync.status()).not.toBeLessThan(400); // an unknown client: an error, never a redirect
  expect(sync.headers()["location"]).toBeUndefined();
  const health = await request.get("/api/health", { maxRedirects: 0 });
  expect(health.status()).toBe(200);
  const dashboard = await request.get("/apps", { maxRedirects: 0 });
  expect(dashboard.status()).toBe(307);
  expect(dashboard.headers()["location"]).toContain("/signin");
});

test("tabs keep the filters in the query string", async ({ page }) => {
  await signUp(page);
  const appId = await createApp(page, "Filters");
  await page.goto(`/apps/${appId}/setup?env=prod&period=7d`);
  const nav = page.getByRole("navigation", { name: "App sections" });
  await expect(nav.getByRole("link", { name: "Traffic" })).toHaveAttribute(
    "href",
    `/apps/${appId}/traffic?env=prod&period=7d`,
  );
  await expect(nav.getByRole("link", { name: "Setup" })).toHaveAttribute("aria-current", "page");
});

test("the setup page flips to “Receiving data” when the app's client syncs, without a reload", async ({
  page,
  request,
}) => {
  await signUp(page);
  await createApp(page, "Live API", "Express");
  const clientId = (await page.getByTestId("client-id").textContent())?.trim() ?? "";
  const status = page.getByTestId("app-status");
  await expect(status).toContainText("Waiting for first data…");

  await sendFirstSync(request, clientId, "dev", "js:express", {
    nodejs: "20.20.2",
    express: "5.3.0",
    apitally: "0.25.8",
  });

  await expect(status).toContainText("Receiving data");
  await expect(status).toContainText("js:express");
  await expect(status).toContainText("apitally 0.25.8");
  await expect(status).toContainText("express 5.3.0");
  await expect(status.getByText("dev", { exact: true })).toBeVisible();
});
