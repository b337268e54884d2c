#!/usr/bin/env node
// `npm test`: everything, in order — schema drift, type-check, lint, format, production build,
// vitest (unit + integration on SQLite and PostgreSQL, each against `next start`) and
// Playwright e2e in Debian's Chromium on both databases. Ends with the plain line
// `N passed, N failed, N skipped` built from the runners' JSON reports.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
process.chdir(root);
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", CHECKPOINT_DISABLE: "1" };
const ci = process.env.CI === "true" || process.env.CI === "1";
const results = "test-results";
mkdirSync(results, { recursive: true });
const counts = { passed: 0, failed: 0, skipped: 0 };
const failedSteps = [];

function step(name, cmd, args, { count } = {}) {
  console.log(`\n▶ ${name}`);
  const r = spawnSync(cmd, args, { stdio: "inherit", env });
  const ok = r.status === 0;
  if (count) count();
  else if (ok) counts.passed++;
  if (!ok) {
    if (!count) counts.failed++;
    failedSteps.push(name);
  }
  return ok;
}

const readJson = (f) => (existsSync(f) ? JSON.parse(readFileSync(f, "utf8")) : null);
const npx = (bin) => path.join(root, "node_modules/.bin", bin);

step("test services (Chromium, PostgreSQL)", "bash", ["scripts/ensure-test-services.sh"]);
step("schema drift (prisma/models.prisma → sqlite + postgres)", process.execPath, [
  "scripts/prisma-schemas.mjs",
  "--check",
]);
step("type-check", npx("tsc"), ["--noEmit"]);
step("lint", npx("eslint"), [".", "--max-warnings=0"]);
step("format (prettier --check; npm run format fixes it)", npx("prettier"), ["--check", "."]);
const built = step("production build", npx("next"), ["build"]);

if (built) {
  const vitestJson = `${results}/vitest.json`;
  rmSync(vitestJson, { force: true });
  step(
    "vitest (unit, integration on SQLite and PostgreSQL)",
    npx("vitest"),
    ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${vitestJson}`],
    {
      count: () => {
        const j = readJson(vitestJson);
        if (!j) return void counts.failed++;
        counts.passed += j.numPassedTests;
        // A file that fails to load fails no test but fails the run: count it.
        counts.failed += j.numFailedTests || (j.success ? 0 : 1);
        counts.skipped += j.numPendingTests + j.numTodoTests;
      },
    },
  );

  const pwJson = `${results}/playwright.json`;
  rmSync(pwJson, { force: true });
  step("Playwright e2e (Chromium, SQLite and PostgreSQL)", npx("playwright"), ["test"], {
    count: () => {
      const j = readJson(pwJson);
      if (!j) return void counts.failed++;
      counts.passed += j.stats.expected + j.stats.flaky;
      counts.failed += j.stats.unexpected;
      counts.skipped += j.stats.skipped;
    },
  });
}

if (failedSteps.length) console.log(`\nFailed: ${failedSteps.join("; ")}`);
if (ci && counts.skipped > 0) {
  console.log(`CI: ${counts.skipped} test(s) were skipped; nothing may be skipped in CI.`);
  counts.failed += counts.skipped;
  counts.skipped = 0;
}
console.log(`\n${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
process.exit(failedSteps.length || counts.failed ? 1 : 0);
