// What a person does in the browser, as small steps the specs share.
import { randomUUID } from "node:crypto";
import { expect, type APIRequestContext, type Page } from "@playwright/test";

export const PASSWORD = "correct horse battery";

export function newEmail(): string {
  return `e2e-${randomUUID().slice(0, 8)}@example.com`;
}

export async function signUp(page: Page, email = newEmail()): Promise<string> {
  await page.goto("/signup");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await finishSignUp(page);
  return email;
}

/**
 * After "Create account": an open sign-up asks for the password once more (it answers a taken address the same way,
 * lib/auth/sign-up.ts); the first account of a server goes straight to its apps.
 */
export async function finishSignUp(page: Page, password = PASSWORD) {
  const signInNext = page.getByRole("button", { name: "Sign in" });
  await expect(signInNext.or(page.getByRole("heading", { name: "No apps yet" }))).toBeVisible();
  if (await signInNext.isVisible()) {
    await expect(page.getByText("Now sign in with your email address and password.")).toBeVisible();
    await page.getByLabel("Password").fill(password);
    await signInNext.click();
  }
  await expect(page).toHaveURL(/\/apps$/);
}

export async function signIn(page: Page, email: string, password = PASSWORD) {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

export async function signOut(page: Page) {
  await page.getByRole("button", { name: "Account menu" }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);
}

/** Creates an app from the apps page and returns its id (the browser ends on its setup page). */
export async function createApp(page: Page, name: string, framework = "FastAPI"): Promise<number> {
  await page.goto("/apps/new");
  await page.getByLabel("App name").fill(name);
  await page
    .locator("label")
    .filter({ has: page.getByRole("radio", { name: framework, exact: true }) })
    .click();
  await page.getByRole("button", { name: "Create app" }).click();
  await expect(page).toHaveURL(/\/apps\/\d+\/setup$/);
  return Number(new URL(page.url()).pathname.split("/")[2]);
}

/** What an Apitally client sends first (docs/hub-protocol.md §3, §4): a startup and an empty sync. */
export async function sendFirstSync(
  request: APIRequestContext,
  clientId: string,
  env: string,
  client: string,
  versions: Record<string, string>,
) {
  const instance = randomUUID();
  const startup = await request.post(`/v2/${clientId}/${env}/startup`, {
    data: {
      instance_uuid: instance,
      message_uuid: randomUUID(),
      paths: [{ method: "GET", path: "/items" }],
      versions,
      client,
    },
  });
  expect(startup.status()).toBeLessThan(300);
  const sync = await request.post(`/v2/${clientId}/${env}/sync`, {
    data: {
      timestamp: Date.now() / 1000,
      instance_uuid: instance,
      message_uuid: randomUUID(),
      requests: [],
      validation_errors: [],
      server_errors: [],
      consumers: [],
      resources: null,
    },
  });
  expect(sync.status()).toBeLessThan(300);
}

/** One sync (as a client sends it) of one 200 GET for each of `paths`. */
export async function syncGets(request: APIRequestContext, clientId: string, env: string, paths: string[]) {
  const r = await request.post(`/v2/${clientId}/${env}/sync`, {
    data: {
      timestamp: Date.now() / 1000,
      instance_uuid: randomUUID(),
      message_uuid: randomUUID(),
      requests: paths.map((path) => ({
        consumer: null,
        method: "GET",
        path,
        status_code: 200,
        request_count: 1,
        request_size_sum: 0,
        response_size_sum: 10,
        response_times: { "10": 1 },
        request_sizes: {},
        response_sizes: { "0": 1 },
      })),
      validation_errors: [],
      server_errors: [],
      consumers: [],
      resources: null,
    },
  });
  expect(r.status()).toBe(202);
}
