import { PrismaPg } from "@prisma/adapter-pg";
import { defineConfig } from "prisma/config";
import { prepareEnv } from "./load-env";

const url = prepareEnv("postgres");

// WASM schema engine through the driver adapter: nothing is downloaded.
export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "postgres/schema.prisma",
  migrations: { path: "postgres/migrations" },
  adapter: async () => new PrismaPg({ connectionString: url, idleTimeoutMillis: 200 }),
});
