// `npm run db:migrate`: apply pending migrations to DATABASE_URL without starting the
// server (the server also does this at boot).
import { openSql } from "../lib/db/connect";
import { migrate } from "../lib/db/migrate";
import { databaseUrl } from "../lib/db/url";

try {
  process.loadEnvFile();
} catch {
  /* no .env */
}
const db = openSql(databaseUrl());
const applied = await migrate(db);
await db.close();
console.log(applied.length ? `applied: ${applied.join(", ")}` : "database is up to date");
