// The checked-in migrations must build exactly the schema that prisma/models.prisma
// describes: apply the migrations (done by the test stack) and, to a scratch database,
// what Prisma generates from the model file; the two catalogs must be identical. The body-search index
// (migration 20261204000000_request_log_search: an FTS5 table and its triggers on SQLite, pg_trgm GIN indexes on
// PostgreSQL) is beyond what Prisma can express: its objects, all named "RequestLogSearch…", are checked apart.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, inject, it } from "vitest";
import { sql, type Sql } from "@/lib/db";
import { openSql } from "@/lib/db/connect";
import { clusterSqlite } from "../../scripts/sqlite-clustered.mjs";
import { createTestDatabase } from "../helpers/stack";

const SEARCH = /RequestLogSearch/;

async function catalog(db: Sql): Promise<string[]> {
  if (db.kind === "sqlite") {
    const rows = await db.all<{ type: string; name: string; sql: string | null }>(
      `SELECT type, name, sql FROM sqlite_master
       WHERE name NOT LIKE 'sqlite_%' AND name NOT LIKE '_tallyhub%' ORDER BY name`,
    );
    // Whitespace is no difference: a column added by ALTER TABLE is stored as " , \"col\" TYPE)".
    return rows.map((r) => `${r.type} ${r.name} ${(r.sql ?? "").replace(/\s+/g, " ").replace(/ ?([(),]) ?/g, "$1")}`);
  }
  const cols = await db.all<Record<string, string>>(
    `SELECT table_name, column_name, data_type, is_nullable, column_default FROM information_schema.columns
     WHERE table_schema = 'public' AND table_name NOT LIKE '_tallyhub%' ORDER BY table_name, column_name`,
  );
  const idx = await db.all<Record<string, string>>(
    `SELECT indexname, indexdef FROM pg_indexes
     WHERE schemaname = 'public' AND tablename NOT LIKE '_tallyhub%' ORDER BY indexname`,
  );
  const fks = await db.all<Record<string, string>>(
    `SELECT conname, pg_get_constraintdef(oid) AS def FROM pg_constraint
     WHERE connamespace = 'public'::regnamespace AND conname NOT LIKE '_tallyhub%' ORDER BY conname`,
  );
  return [
    ...cols.map((c) => Object.values(c).join(" ")),
    ...idx.map((i) => i.indexdef),
    ...fks.map((f) => `${f.conname} ${f.def}`),
  ];
}

describe("schema drift", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "tallyhub-drift-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("migrations equal what prisma/models.prisma generates", async () => {
    const kind = inject("db");
    const scratch = await createTestDatabase(kind, dir);
    try {
      const script = execFileSync(
        "node_modules/.bin/prisma",
        [
          "migrate",
          "diff",
          "--config",
          `prisma/${kind}.config.ts`,
          "--from-empty",
          "--to-schema-datamodel",
          `prisma/${kind}/schema.prisma`,
          "--script",
        ],
        { env: { ...process.env, DATABASE_URL: scratch.url }, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] },
      );
      const fresh = openSql(scratch.url);
      await fresh.exec(kind === "sqlite" ? clusterSqlite(script) : script);
      const expected = await catalog(fresh);
      await fresh.close();
      expect(expected.length).toBeGreaterThan(20);
      const actual = await catalog(sql());
      expect(actual.filter((o) => !SEARCH.test(o))).toEqual(expected);
      // The hand-written search objects, and nothing else of that name.
      const words = kind === "sqlite" ? 2 : 3; // "table name …" / "CREATE INDEX name …"
      const search = actual.filter((o) => SEARCH.test(o)).map((o) => o.split(" ").slice(0, words).join(" "));
      if (kind === "sqlite") {
        expect(search.filter((o) => !/^table RequestLogSearch_(config|data|docsize|idx)$/.test(o))).toEqual([
          "table RequestLogSearch",
          "trigger RequestLogSearch_delete",
          "trigger RequestLogSearch_insert",
          "trigger RequestLogSearch_update",
        ]);
      } else {
        expect(search).toEqual([
          'CREATE INDEX "RequestLogSearch_requestBody_idx"',
          'CREATE INDEX "RequestLogSearch_responseBody_idx"',
          'CREATE INDEX "RequestLogSearch_url_idx"',
        ]);
      }
    } finally {
      await scratch.drop();
    }
  });
});
