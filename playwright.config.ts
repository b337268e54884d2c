import { defineConfig } from "@playwright/test";
import { STACK_URL_ENV } from "./e2e/stacks";

// Each project runs against its own `next start` on a fresh database (SQLite or PostgreSQL),
// started by e2e/global-setup.ts. The URLs reach the config through env vars, which the
// workers see because they load this file after the global setup has run.
const baseURL = (kind: keyof typeof STACK_URL_ENV) => process.env[STACK_URL_ENV[kind]];

export default defineConfig({
  testDir: "e2e",
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  globalSetup: "./e2e/global-setup.ts",
  // Not test-results/ itself: Playwright empties its output folder, and vitest's report lives there.
  outputDir: "test-results/playwright",
  reporter: [["list"], ["json", { outputFile: "test-results/playwright.json" }]],
  use: {
    launchOptions: { executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium" },
    actionTimeout: 15_000,
    navigationTimeout: 30_000,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    { name: "sqlite", testIgnore: /screenshots\.spec\.ts/, use: { baseURL: baseURL("sqlite") } },
    { name: "postgres", testIgnore: /screenshots\.spec\.ts/, use: { baseURL: baseURL("postgres") } },
    { name: "screenshots", testMatch: /screenshots\.spec\.ts/, use: { baseURL: baseURL("sqlite") } },
  ],
});
