import { sql } from "../db";
import { migrate } from "../db/migrate";
import { databaseUrl, dbKind } from "../db/url";
import { ensureAuthSecret } from "../auth/secret";

export async function bootServer() {
  ensureAuthSecret();
  const applied = await migrate(sql());
  const where = dbKind() === "sqlite" ? databaseUrl() : "PostgreSQL";
  console.log(`[tallyhub] database ready (${where})${applied.length ? `, applied ${applied.join(", ")}` : ""}`);
}
