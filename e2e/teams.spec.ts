// Teams in the browser (issue 11): the owner invites a colleague as a viewer, the colleague signs up through the
// link and sees the team's app, and a viewer can change nothing: no Edit on consumers, no Setup or Settings, and
// the Settings URL answers 403. Then, on a server of its own with the default policy: the first account is the
// instance admin, and after it nobody signs up without an invitation.
import { randomUUID } from "node:crypto";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { startTestStack, type TestStack } from "../tests/helpers/stack";
import { createApp, newEmail, PASSWORD, signOut, signUp } from "./people";

/** One minute of traffic from one consumer, as the Python client sends it. */
async function sendConsumerTraffic(request: APIRequestContext, clientId: string) {
  const r = await request.post(`/v2/${clientId}/prod/sync`, {
    data: {
      timestamp: Date.now() / 1000,
      instance_uuid: randomUUID(),
      message_uuid: randomUUID(),
      requests: [
        {
          consumer: "acme",
          method: "GET",
          path: "/items",
          status_code: 200,
          request_count: 3,
          request_size_sum: 0,
          response_size_sum: 300,
          response_times: { "20": 3 },
          request_sizes: {},
          response_sizes: { "0": 3 },
        },
      ],
      validation_errors: [],
      server_errors: [],
      consumers: [{ identifier: "acme", name: "Acme", group: null }],
      resources: null,
    },
  });
  expect(r.status()).toBe(202);
}

test("an owner invites a viewer, who joins through the link and can look but not change", async ({ page, request }) => {
  test.setTimeout(90_000);
  const colleague = newEmail();
  let appId = 0;
  let link = "";

  await test.step("the owner creates an app with a consumer and invites a colleague as viewer", async () => {
    await signUp(page);
    appId = await createApp(page, "Billing API");
    const clientId = (await page.getByTestId("client-id").textContent())!.trim();
    await sendConsumerTraffic(request, clientId);
    await page.getByRole("button", { name: "Switch team" }).click();
    await page.getByRole("menuitem", { name: "Team members" }).click();
    await expect(page).toHaveURL(/\/teams\/[\w-]+$/);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("'s team");
    await page.getByLabel("Email").fill(colleague);
    await page.getByLabel("Role", { exact: true }).selectOption("viewer");
    await page.getByRole("button", { name: "Create invitation" }).click();
    link = (await page.getByTestId("invitation-link").textContent())!.trim();
    expect(link).toMatch(/\/invite\/[\w-]{43}$/);
    await expect(page.getByRole("list", { name: "Pending invitations" })).toContainText(colleague);
    await signOut(page);
  });

  await test.step("the colleague signs up through the link and lands in the team with its app", async () => {
    await page.goto(link);
    await expect(page.getByRole("heading", { name: /^Join .+'s team$/ })).toBeVisible();
    await page.getByRole("link", { name: "Create your account" }).click();
    await expect(page.getByLabel("Email")).toHaveValue(colleague);
    await expect(page.getByLabel("Email")).not.toBeEditable();
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page).toHaveURL(/\/apps$/);
    await expect(page.getByRole("link", { name: /Billing API/ })).toBeVisible();
    await expect(page.getByRole("link", { name: "New app" })).toHaveCount(0);
  });

  await test.step("as a viewer: consumers without Edit, no Setup or Settings, and Settings by URL is 403", async () => {
    await page.goto(`/apps/${appId}/consumers?period=24h`);
    await expect(page.getByRole("cell", { name: /Acme/ }).first()).toBeVisible();
    await expect(page.getByRole("button", { name: /^Edit / })).toHaveCount(0);
    const nav = page.getByRole("navigation", { name: "App sections" });
    await expect(nav.getByRole("link", { name: "Traffic" })).toBeVisible();
    await expect(nav.getByRole("link", { name: "Setup" })).toHaveCount(0);
    await expect(nav.getByRole("link", { name: "Settings" })).toHaveCount(0);
    const settings = await page.goto(`/apps/${appId}/settings`);
    expect(settings?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "Not allowed" })).toBeVisible();
  });

  await test.step("the link cannot be used twice", async () => {
    await page.goto(link);
    await expect(page.getByText("This invitation was already used.")).toBeVisible();
  });
});

test("an API key made in the UI reads the app's traffic as JSON and CSV; tables download as CSV", async ({
  page,
  request,
}) => {
  test.setTimeout(90_000);
  await signUp(page);
  const appId = await createApp(page, "Search API");
  const clientId = (await page.getByTestId("client-id").textContent())!.trim();
  await sendConsumerTraffic(request, clientId);

  await page.getByRole("button", { name: "Switch team" }).click();
  await page.getByRole("menuitem", { name: "Team members" }).click();
  await page.getByRole("link", { name: "API keys" }).click();
  await expect(page).toHaveURL(/\/api-keys$/);
  await page.getByLabel("Key name").fill("Weekly report");
  await page.getByRole("button", { name: "Create key" }).click();
  const key = (await page.getByTestId("api-key").textContent())!.trim();
  expect(key).toMatch(/^thk_/);
  await expect(page.getByRole("list", { name: "API keys" })).toContainText("Weekly report");

  const headers = { "Api-Key": key };
  const json = await request.get(`/api/v1/apps/${appId}/traffic?period=24h&group_by=consumer`, { headers });
  expect(json.status()).toBe(200);
  expect(json.headers()["x-ratelimit-limit"]).toBe("100");
  const body = await json.json();
  expect(body.data).toEqual([
    expect.objectContaining({ consumer: expect.objectContaining({ identifier: "acme" }), requests: 3 }),
  ]);
  const csv = await request.get(`/api/v1/apps/${appId}/traffic?period=24h&group_by=endpoint&format=csv`, { headers });
  expect(csv.headers()["content-type"]).toContain("text/csv");
  expect((await csv.text()).split("\r\n").slice(0, 2)).toEqual([
    "endpoint_id,endpoint_method,endpoint_path,requests,errors,error_rate,bytes_received,bytes_sent",
    "1,GET,/items,3,0,0,0,300",
  ]);
  expect((await request.get(`/api/v1/apps/${appId}/traffic`)).status()).toBe(401);

  await page.goto(`/apps/${appId}/endpoints?period=24h`);
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download CSV" }).first().click();
  const file = await download;
  expect(file.suggestedFilename()).toBe("endpoints.csv");
  const text = await (await file.createReadStream()).toArray();
  expect(Buffer.concat(text).toString("utf8")).toContain("/items");
});

test.describe("the default sign-up policy", () => {
  let stack: TestStack | undefined;
  test.afterAll(async () => stack?.stop());

  test("the first account administers the server; after it, sign-up needs an invitation", async ({ page }) => {
    test.setTimeout(90_000);
    stack = await startTestStack(test.info().project.name === "postgres" ? "postgres" : "sqlite", { server: true });
    await page.goto(`${stack.baseUrl}/signup`);
    await expect(page.getByText("You are the first person here")).toBeVisible();
    await page.getByLabel("Email").fill(newEmail());
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page).toHaveURL(/\/apps$/);
    await page.goto(`${stack.baseUrl}/account`);
    await expect(page.getByText("Instance admin")).toBeVisible();
    await signOut(page);

    await expect(page.getByText("Accounts on this Tallyhub are by invitation")).toBeVisible();
    await page.goto(`${stack.baseUrl}/signup`);
    await expect(page.getByRole("heading", { name: "Accounts by invitation" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Create account" })).toHaveCount(0);
  });
});
