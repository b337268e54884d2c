import path from "node:path";
import { settings } from "../settings";

export { DEFAULT_DATABASE_URL } from "../settings";

export type DbKind = "sqlite" | "postgres";

export function databaseUrl(): string {
  return settings().DATABASE_URL;
}

export function dbKind(url = databaseUrl()): DbKind {
  if (/^postgres(ql)?:\/\//i.test(url)) return "postgres";
  if (url.startsWith("file:")) return "sqlite";
  throw new Error(`DATABASE_URL must start with file: or postgresql:// (got ${url.split(":")[0]}:…)`);
}

// Absolute path of a file: URL, relative to the working directory, so the standalone
// server (which chdirs) and the CLI agree on one file.
export function sqliteFilePath(url = databaseUrl()): string {
  const p = url.replace(/^file:(\/\/)?/, "").split("?")[0];
  return path.resolve(/* turbopackIgnore: true */ process.cwd(), p);
}
