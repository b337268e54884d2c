import { describe, expect, it, inject } from "vitest";
import { sql } from "@/lib/db";

describe("test stack", () => {
  it("serves /api/health from next start on the project's database", async () => {
    const r = await fetch(`${inject("baseUrl")}/api/health`);
    expect(r.status).toBe(200);
    expect(await r.json()).toEqual({ status: "ok" });
  });

  it("has the migrated schema", async () => {
    const rows = await sql().all<{ n: number }>(`SELECT COUNT(*) AS n FROM "App"`);
    expect(Number(rows[0].n)).toBe(0);
  });
});
