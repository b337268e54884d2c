// Applies the checked-in SQL migrations of the configured provider, in name order, once
// each. Runs at server start (instrumentation.ts) and in tests. Prisma's own
// `migrate deploy` works too; this avoids its CLI start-up and its PostgreSQL bug
// (prisma/orm#27403) on every boot.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Sql } from "./sql";

const TABLE = `"_tallyhub_migrations"`;

export function migrationsDir(kind: Sql["kind"], root = /* turbopackIgnore: true */ process.cwd()): string {
  return path.join(root, "prisma", kind, "migrations");
}

// The folder is only known at run time (the working directory's, or a test's copy): the
// calls that take it bare opt out of the build's file tracing, which would otherwise trace
// the whole project. The migration files read from it are still traced (…/migration.sql).
export async function migrate(db: Sql, dir = migrationsDir(db.kind)): Promise<string[]> {
  if (!existsSync(/* turbopackIgnore: true */ dir)) throw new Error(`No migrations folder at ${dir}`);
  if (db.kind === "sqlite") return migrateLocked(db, dir); // SQLite: each migration's BEGIN IMMEDIATE serialises them
  // Servers booting together on one PostgreSQL database would race: both see a migration missing, both run it,
  // one fails on "already exists" and stops. A session advisory lock lets one migrate while the others wait and
  // then find nothing left to do. The lock needs one connection for lock, work and unlock: a transaction holds one.
  return db.tx(async (q) => {
    await q.all(`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK_KEY})`);
    return migrateLocked(q, dir);
  });
}

/** An arbitrary constant of our own, so no other user of advisory locks on the database collides with it. */
const MIGRATION_LOCK_KEY = 7_214_823_501;

async function migrateLocked(db: Sql, dir: string): Promise<string[]> {
  await db.run(
    `CREATE TABLE IF NOT EXISTS ${TABLE} ("name" TEXT PRIMARY KEY, "checksum" TEXT NOT NULL,
       "appliedAt" TEXT NOT NULL)`,
  );
  const done = new Map(
    (await db.all<{ name: string; checksum: string }>(`SELECT "name", "checksum" FROM ${TABLE}`)).map((r) => [
      r.name,
      r.checksum,
    ]),
  );
  const applied: string[] = [];
  const names = readdirSync(/* turbopackIgnore: true */ dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
  for (const name of names) {
    const text = readFileSync(path.join(dir, name, "migration.sql"), "utf8");
    const checksum = createHash("sha256").update(text).digest("hex");
    if (done.has(name)) {
      if (done.get(name) !== checksum) throw new Error(`Migration ${name} was changed after it was applied`);
      continue;
    }
    // A SQLite migration that rebuilds a table (create new, copy, drop old, rename) must run with foreign keys off,
    // or dropping the old table cascades to its children; the PRAGMA is a no-op inside the transaction, so it is
    // set around it, and every reference is checked before the commit.
    const rebuild = db.kind === "sqlite" && /^PRAGMA foreign_keys\s*=\s*OFF;/im.test(text);
    if (rebuild) await db.exec("PRAGMA foreign_keys=OFF");
    let ran: boolean;
    try {
      ran = await db.tx(async (q) => {
        // Another process may have applied it since we looked (SQLite: a second server waiting on BEGIN IMMEDIATE).
        if ((await q.all(`SELECT 1 FROM ${TABLE} WHERE "name" = ?`, [name])).length) return false;
        await q.exec(text);
        if (rebuild) {
          const broken = await q.all<{ table: string; parent: string }>("PRAGMA foreign_key_check");
          if (broken.length > 0)
            throw new Error(
              `Migration ${name} breaks ${broken.length} references, e.g. ${broken[0].table} → ${broken[0].parent}`,
            );
        }
        await q.run(`INSERT INTO ${TABLE} ("name", "checksum", "appliedAt") VALUES (?, ?, ?)`, [
          name,
          checksum,
          new Date().toISOString(),
        ]);
        return true;
      });
    } finally {
      if (rebuild) await db.exec("PRAGMA foreign_keys=ON");
    }
    if (ran) applied.push(name);
  }
  return applied;
}
