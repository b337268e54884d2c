// The schema keeps the rules for distributing it by app on Citus (README, "Scaling out"):
// every table holding an app's data has "appId" as the first column of its primary key and
// of every unique constraint, so each app's rows live on one shard and every ingest
// transaction and dashboard query is routed to that shard alone. The other tables are
// small reference tables copied to every node.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { sql } from "@/lib/db";
import { PER_APP_TABLES } from "@/lib/model/per-app-tables";

const REFERENCE_TABLES = [
  "ApiKey",
  "App",
  "AuthThrottle",
  "Invitation",
  "Membership",
  "Team",
  "User",
  "_tallyhub_migrations",
];

interface Table {
  name: string;
  columns: string[];
  primaryKey: string[];
  uniques: string[][];
  foreignKeys: { columns: string[]; table: string }[];
}

async function catalog(): Promise<Table[]> {
  const db = sql();
  if (db.kind === "postgres") {
    const rows = await db.all<{ table: string; kind: string; columns: string[] | string; ref: string | null }>(
      `SELECT c.relname AS "table", con.contype AS "kind", f.relname AS "ref",
         ARRAY(SELECT a.attname::text FROM unnest(con.conkey) WITH ORDINALITY k(n, i)
               JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.n ORDER BY k.i) AS "columns"
       FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid LEFT JOIN pg_class f ON f.oid = con.confrelid
       JOIN pg_namespace ns ON ns.oid = c.relnamespace
       WHERE ns.nspname = current_schema() AND con.contype IN ('p', 'u', 'f')`,
    );
    const indexes = await db.all<{ table: string; def: string }>(
      `SELECT tablename AS "table", indexdef AS "def" FROM pg_indexes
       WHERE schemaname = current_schema() AND indexdef LIKE 'CREATE UNIQUE%'`,
    );
    const cols = await db.all<{ table: string; column: string }>(
      `SELECT table_name AS "table", column_name AS "column" FROM information_schema.columns
       WHERE table_schema = current_schema()`,
    );
    const names = [...new Set(cols.map((c) => c.table))];
    const list = (v: string[] | string) => (Array.isArray(v) ? v : v.replace(/[{}]/g, "").split(","));
    return names.map((name) => ({
      name,
      columns: cols.filter((c) => c.table === name).map((c) => c.column),
      primaryKey: list(rows.find((r) => r.table === name && r.kind === "p")?.columns ?? []),
      uniques: indexes
        .filter((i) => i.table === name)
        .map((i) =>
          i.def
            .replace(/^.*\((.*)\)$/, "$1")
            .split(",")
            .map((c) => c.trim().replace(/"/g, "")),
        ),
      foreignKeys: rows
        .filter((r) => r.table === name && r.kind === "f")
        .map((r) => ({ columns: list(r.columns), table: r.ref! })),
    }));
  }
  // The request-log search index (an FTS5 table and its shadow tables, lib/queries/log-search.ts) is SQLite's own
  // index of RequestLog, like PostgreSQL's trigram indexes: not a table of the data model.
  const tables = await db.all<{ name: string }>(
    `SELECT "name" FROM sqlite_master WHERE "type" = 'table' AND "name" NOT LIKE 'sqlite_%'
       AND "name" NOT LIKE 'RequestLogSearch%'`,
  );
  const out: Table[] = [];
  for (const { name } of tables) {
    const info = await db.all<{ name: string; pk: number }>(`SELECT "name", "pk" FROM pragma_table_info(?)`, [name]);
    const uniques: string[][] = [];
    for (const idx of await db.all<{ name: string; unique: number }>(
      `SELECT "name", "unique" FROM pragma_index_list(?)`,
      [name],
    )) {
      if (Number(idx.unique))
        uniques.push(
          (await db.all<{ name: string }>(`SELECT "name" FROM pragma_index_info(?) ORDER BY "seqno"`, [idx.name])).map(
            (c) => c.name,
          ),
        );
    }
    const fks = await db.all<{ id: number; table: string; from: string }>(
      `SELECT "id", "table", "from" FROM pragma_foreign_key_list(?) ORDER BY "id", "seq"`,
      [name],
    );
    out.push({
      name,
      columns: info.map((c) => c.name),
      primaryKey: info
        .filter((c) => Number(c.pk) > 0)
        .sort((a, b) => a.pk - b.pk)
        .map((c) => c.name),
      // A WITHOUT ROWID table's key is its own index; the others list it as an autoindex.
      uniques: uniques.filter((u) => u.length),
      foreignKeys: [...new Set(fks.map((f) => f.id))].map((id) => ({
        columns: fks.filter((f) => f.id === id).map((f) => f.from),
        table: fks.find((f) => f.id === id)!.table,
      })),
    });
  }
  return out;
}

describe("the schema distributes by app (Citus rules)", () => {
  it("every table is either per-app (has appId) or one of the small reference tables", async () => {
    const tables = await catalog();
    expect(tables.length).toBeGreaterThan(15);
    const reference = tables
      .filter((t) => !t.columns.includes("appId"))
      .map((t) => t.name)
      .sort();
    expect(reference).toEqual(REFERENCE_TABLES);
  });

  it("per-app tables lead their primary key and every unique key with appId", async () => {
    const perApp = (await catalog()).filter((t) => t.columns.includes("appId"));
    expect(perApp.find((t) => t.name === "Consumer")?.uniques).toContainEqual(["appId", "identifier"]);
    expect(perApp.find((t) => t.name === "EndpointDayRollup")?.primaryKey).toEqual([
      "appId",
      "minute",
      "envId",
      "endpointId",
      "statusCode",
    ]);
    for (const t of perApp) {
      expect(t.primaryKey[0], `${t.name} primary key ${t.primaryKey.join(", ")}`).toBe("appId");
      for (const u of t.uniques) expect(u[0], `${t.name} unique (${u.join(", ")})`).toBe("appId");
    }
  });

  it("the per-app table list (what deleting an app empties) names exactly these tables, with their keys", async () => {
    const tables = await catalog();
    const expected = tables
      .filter((t) => t.columns.includes("appId"))
      .map((t) => ({ table: t.name, rest: t.primaryKey.slice(1) }))
      .sort((a, b) => a.table.localeCompare(b.table));
    expect([...PER_APP_TABLES].sort((a, b) => a.table.localeCompare(b.table))).toEqual(expected);
  });

  it("foreign keys point from per-app tables only to reference tables or carry appId", async () => {
    const tables = await catalog();
    const isReference = (name: string) => REFERENCE_TABLES.includes(name);
    for (const t of tables.filter((x) => x.columns.includes("appId"))) {
      for (const fk of t.foreignKeys)
        expect(isReference(fk.table) || fk.columns[0] === "appId", `${t.name} → ${fk.table}`).toBe(true);
    }
  });

  it("the README's Citus commands name exactly these tables", async () => {
    const tables = await catalog();
    const readme = readFileSync("README.md", "utf8");
    const block = readme.slice(readme.indexOf("## Scaling out"), readme.indexOf("## Development"));
    const named = (re: RegExp) => [...block.matchAll(re)].map((m) => m[1]).sort();
    const array = block.slice(block.indexOf("ARRAY["), block.indexOf("]", block.indexOf("ARRAY[")));
    const distributed = [
      ...named(/create_distributed_table\('"(\w+)"/g),
      ...[...array.matchAll(/'(\w+)'/g)].map((m) => m[1]),
    ].sort();
    expect(distributed).toEqual(
      tables
        .filter((t) => t.columns.includes("appId"))
        .map((t) => t.name)
        .sort(),
    );
    expect(named(/create_reference_table\('"(\w+)"/g)).toEqual(REFERENCE_TABLES.filter((t) => !t.startsWith("_")));
  });
});
