// next-auth signs sessions with AUTH_SECRET. When the operator sets none, one is generated
// once and kept in the data folder, so sessions survive restarts. The secret is handed to
// next-auth's config (lib/auth/config.ts); nothing is written to the environment.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { settings } from "../settings";

export function dataDir(): string {
  return path.resolve(/* turbopackIgnore: true */ process.cwd(), settings().TALLYHUB_DATA_DIR);
}

let generated: string | undefined;

export function ensureAuthSecret(): string {
  const configured = settings().AUTH_SECRET;
  if (configured) return configured;
  if (generated) return generated;
  const file = path.join(dataDir(), "auth-secret");
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    try {
      writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600, flag: "wx" });
    } catch (e) {
      // Another process (or bundle) created it first: use theirs.
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
    }
  }
  return (generated = readFileSync(file, "utf8").trim());
}
