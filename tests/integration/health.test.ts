import { describe, expect, inject, it } from "vitest";
import { sql } from "@/lib/db";

describe("test stack", () => {
  it("serves /api/health from next start on the project's database", async () => {
    const r = await fetch(`${inject("baseUrl")}/api/health`);
    expect(r.status).toBe(200);
    expect(await r.json()).toEqual({ status: "ok" });
  });

  it("has the migrated schema", async () => {
    const applied = await sql().all<{ name: string }>(`SELECT "name" FROM "_tallyhub_migrations" ORDER BY "name"`);
    expect(applied.map((r) => r.name)).toContain("20261128000000_init");
    // Other test files add apps; the table only has to exist and answer.
    const rows = await sql().all<{ n: number }>(`SELECT COUNT(*) AS "n" FROM "App"`);
    expect(Number(rows[0].n)).toBeGreaterThanOrEqual(0);
  });
});
