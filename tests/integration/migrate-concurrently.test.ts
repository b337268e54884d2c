// Servers booting together on one fresh database each apply the migrations at start: they must neither fail nor apply
// one twice. Two real processes (`npm run db:migrate`) race on a new database of this project's kind.
import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, inject, it } from "vitest";
import { openSql } from "@/lib/db/connect";
import { migrationsDir } from "@/lib/db/migrate";
import { createTestDatabase } from "../helpers/stack";

function migrateIn(url: string): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(path.resolve("node_modules/.bin/tsx"), ["--conditions=react-server", "scripts/migrate.ts"], {
      env: { ...process.env, DATABASE_URL: url },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (out += d));
    child.on("exit", (code) => resolve({ code, out }));
  });
}

it("two processes migrating one new database at once both succeed and apply each migration once", async () => {
  const kind = inject("db");
  const database = await createTestDatabase(kind, mkdtempSync(path.join(os.tmpdir(), "tallyhub-migrate-")));
  try {
    const [a, b] = await Promise.all([migrateIn(database.url), migrateIn(database.url)]);
    expect(a.code, a.out).toBe(0);
    expect(b.code, b.out).toBe(0);
    // One of them applied everything (or they took turns); together, each migration once.
    const db = openSql(database.url);
    const rows = await db.all<{ name: string }>(`SELECT "name" FROM "_tallyhub_migrations" ORDER BY "name"`);
    await db.close();
    const all = readdirSync(migrationsDir(kind), { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .sort();
    expect(rows.map((r) => r.name)).toEqual(all);
    expect(`${a.out}\n${b.out}`).toMatch(/applied: /);
  } finally {
    await database.drop();
  }
}, 120_000);
