// The Prisma CLI needs a DATABASE_URL of its provider, or it tries to download a native engine.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { dbKind, DEFAULT_DATABASE_URL, sqliteFilePath, type DbKind } from "../lib/db/url";

const DEFAULTS: Record<DbKind, string> = {
  sqlite: DEFAULT_DATABASE_URL,
  postgres: "postgresql://postgres@127.0.0.1:5432/tallyhub",
};

export function prepareEnv(kind: DbKind): string {
  try {
    process.loadEnvFile();
  } catch {
    /* no .env: fine */
  }
  process.env.CHECKPOINT_DISABLE = "1";
  const url = process.env.DATABASE_URL;
  if (!url || dbKind(url) !== kind) process.env.DATABASE_URL = DEFAULTS[kind];
  if (kind === "sqlite") mkdirSync(path.dirname(sqliteFilePath(process.env.DATABASE_URL)), { recursive: true });
  return process.env.DATABASE_URL!;
}
