import { configDefaults, defineConfig } from "vitest/config";

// Integration tests run once per database: the same files against a fresh SQLite file and
// a fresh PostgreSQL database, each with a `next start` server on that database.
// lib/db is marked server-only; Next.js resolves that marker itself, tests take its empty module.
const alias = { "@": import.meta.dirname, "server-only": `${import.meta.dirname}/node_modules/server-only/empty.js` };
// Files about PostgreSQL itself (it runs a server of its own): the sqlite project would only run them a second time.
const POSTGRES_ONLY = ["tests/integration/pg-restart.test.ts"];
const integration = (db: "sqlite" | "postgres") => ({
  extends: true as const,
  test: {
    name: db,
    include: ["tests/integration/**/*.test.ts"],
    exclude: [...configDefaults.exclude, ...(db === "sqlite" ? POSTGRES_ONLY : [])],
    globalSetup: ["tests/setup/integration.ts"],
    provide: { db },
    env: { TALLYHUB_TEST_DB: db },
    setupFiles: ["tests/setup/env.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      { extends: true, test: { name: "unit", include: ["tests/unit/**/*.test.ts"] } },
      integration("sqlite"),
      integration("postgres"),
    ],
  },
});
