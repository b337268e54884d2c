// Alerts end to end (issue 12): a webhook channel and an error-rate rule made in the UI, the real `apitally` Express
// client failing and then recovering, and a local receiver that gets the signed firing and resolved messages, with the
// value the Alerts page shows. The server runs its monitor every 2 s (e2e/global-setup.ts).
import { createHmac } from "node:crypto";
import { createServer, type Server } from "node:http";
import { expect, test, type Page } from "@playwright/test";
import { freePort } from "../tests/helpers/stack";
import { serve, startExpressApp, type RunningApp } from "./dashboard-helpers";
import { createApp, signUp } from "./people";

/** The page as it stands: snap() waits for network idle, which this page did not reach within 30 s in a run. */
const shot = (page: Page, name: string) =>
  page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: true });

interface Received {
  body: string;
  json: { event: string; value: string; rule: { name: string; condition: string; windowMinutes: number }; url: string };
  timestamp: string;
  signature: string;
}

let app: RunningApp | undefined;
let receiver: Server | undefined;
test.afterAll(() => {
  app?.stop();
  receiver?.close();
});

test("an error-rate rule fires and resolves through a signed webhook", async ({ page, baseURL }, testInfo) => {
  test.setTimeout(300_000);
  const received: Received[] = [];
  const port = await freePort();
  receiver = createServer((req, res) => {
    let body = "";
    req.on("data", (d) => (body += d));
    req.on("end", () => {
      received.push({
        body,
        json: JSON.parse(body),
        timestamp: String(req.headers["x-tallyhub-timestamp"]),
        signature: String(req.headers["x-tallyhub-signature"]),
      });
      res.writeHead(204).end();
    });
  }).listen(port, "127.0.0.1");
  const messages = (event: string) => received.filter((r) => r.json.event === event);

  let appId = 0;
  let secret = "";
  await test.step("a webhook channel", async () => {
    await signUp(page);
    appId = await createApp(page, "Checkout API", "Express");
    const clientId = (await page.getByTestId("client-id").textContent())?.trim() ?? "";
    app = await startExpressApp(baseURL!, clientId, "dev");
    await page.goto(`/apps/${appId}/alerts/channels`);
    await page.locator('label:has(input[name="kind"][value="webhook"])').click();
    await page.getByLabel("Name").fill("Ops webhook");
    await page.getByLabel("Webhook URL").fill(`http://127.0.0.1:${port}/hooks/tallyhub`);
    await page.getByRole("button", { name: "Add channel" }).click();
    secret = ((await page.getByTestId("webhook-secret").textContent()) ?? "").trim();
    expect(secret).toMatch(/^whsec_/);
  });

  // The app keeps failing (3 of every 4 requests) until told otherwise, as a broken deploy would.
  let failing = true;
  let running = true;
  const traffic = (async () => {
    while (running) {
      await serve(app!, [
        ...(failing ? Array.from({ length: 3 }, () => ({ method: "GET" as const, path: "/error", status: 500 })) : []),
        { method: "GET", path: "/items/1", status: 200 },
      ]);
      await new Promise((r) => setTimeout(r, 1_000));
    }
  })();

  try {
    await test.step("a rule made in the UI: error rate > 20 % over 1 min", async () => {
      // The environment exists once the client has synced.
      await expect
        .poll(
          async () =>
            (await page.request.get(`/api/apps/${appId}/status`)).ok() &&
            (await page.goto(`/apps/${appId}/alerts/new`),
            await page.getByLabel("Environment").locator("option", { hasText: "dev" }).count()),
          { timeout: 45_000, intervals: [2_000] },
        )
        .toBe(1);
      await page.getByLabel("Name").fill("Checkout failing");
      await page.getByLabel("Environment").selectOption({ label: "dev" });
      await page.getByLabel("Metric").selectOption("error_rate");
      await page.getByLabel("Is").selectOption("gt");
      await page.getByLabel("Threshold").fill("20");
      await page.getByLabel("Over the last (minutes)").fill("1");
      await expect(page.getByRole("checkbox", { name: /Ops webhook/ })).toBeChecked();
      await page.getByRole("button", { name: "Create rule" }).click();
      await expect(page).toHaveURL(new RegExp(`/apps/${appId}/alerts$`));
    });

    await test.step("the receiver gets the signed firing message with the value the page shows", async () => {
      await expect.poll(() => messages("firing").length, { timeout: 150_000, intervals: [1_000] }).toBe(1);
      const [fired] = messages("firing");
      const expected = `sha256=${createHmac("sha256", secret).update(`${fired.timestamp}.${fired.body}`).digest("hex")}`;
      expect(fired.signature).toBe(expected);
      expect(fired.json.rule).toMatchObject({ name: "Checkout failing", condition: "> 20 %", windowMinutes: 1 });
      const percent = Number(fired.json.value.replace(" %", ""));
      expect(percent).toBeGreaterThan(20);
      expect(percent).toBeLessThanOrEqual(100);
      expect(fired.json.url).toContain(`/apps/${appId}/errors?env=dev&period=custom`);
      await page.reload();
      const card = page.getByRole("listitem", { name: "Rule Checkout failing" });
      await expect(card.getByText("Firing", { exact: true })).toBeVisible();
      await expect(page.getByText(`Error rate ${fired.json.value} (threshold > 20 %)`)).toBeVisible();
      await shot(page, `alerts-firing-${testInfo.project.name}`);
    });

    await test.step("it recovers: one resolved message, the rule OK again", async () => {
      failing = false;
      await expect.poll(() => messages("resolved").length, { timeout: 200_000, intervals: [1_000] }).toBe(1);
      expect(messages("firing")).toHaveLength(1);
      const [resolved] = messages("resolved");
      expect(resolved.signature).toBe(
        `sha256=${createHmac("sha256", secret).update(`${resolved.timestamp}.${resolved.body}`).digest("hex")}`,
      );
      await page.reload();
      const card = page.getByRole("listitem", { name: "Rule Checkout failing" });
      await expect(card.getByText("OK", { exact: true })).toBeVisible();
      await expect(page.getByText("Resolved", { exact: true })).toBeVisible();
      await page.goto(`/apps/${appId}/alerts/channels`);
      await expect(page.getByText("Checkout failing").first()).toBeVisible();
      await shot(page, `alerts-channels-${testInfo.project.name}`);
    });
  } finally {
    running = false;
    await traffic.catch(() => undefined);
  }
});
