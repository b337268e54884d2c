import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { defineConfig } from "prisma/config";
import { sqliteFilePath } from "../lib/db/url";
import { prepareEnv } from "./load-env";

const url = prepareEnv("sqlite");

// WASM schema engine through the driver adapter: nothing is downloaded.
export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "sqlite/schema.prisma",
  migrations: { path: "sqlite/migrations" },
  adapter: async () => new PrismaBetterSQLite3({ url: sqliteFilePath(url) }),
});
