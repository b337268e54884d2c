// Global setup of one integration project: create a fresh database (SQLite file or
// PostgreSQL database), migrate it, start `next start` on it (needs `next build` first),
// and hand the URLs to the tests. Everything is torn down afterwards.
import type { TestProject } from "vitest/node";
import { startTestStack, type TestStack } from "../helpers/stack";

declare module "vitest" {
  export interface ProvidedContext {
    db: "sqlite" | "postgres";
    databaseUrl: string;
    baseUrl: string;
  }
}

let stack: TestStack | undefined;

export async function setup(project: TestProject) {
  const db = project.config.provide.db as "sqlite" | "postgres";
  stack = await startTestStack(db, { server: process.env.TALLYHUB_TEST_NO_SERVER !== "1" });
  project.provide("databaseUrl", stack.databaseUrl);
  project.provide("baseUrl", stack.baseUrl);
}

export async function teardown() {
  await stack?.stop();
}
