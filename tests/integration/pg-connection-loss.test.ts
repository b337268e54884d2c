// A PostgreSQL restart or failover closes the server's idle connections. That must cost
// one log line, not the process (an unhandled pool 'error' event ends it), and the next
// query must get a new connection. Runs against the test PostgreSQL in both projects.
import pg from "pg";
import { expect, it, vi } from "vitest";
import { openSql } from "@/lib/db/connect";
import { PG_ADMIN_URL } from "../helpers/stack";

it("survives the server closing an idle connection", async () => {
  const log = vi.spyOn(console, "error").mockImplementation(() => {});
  const db = openSql(PG_ADMIN_URL);
  try {
    const [{ pid }] = await db.all<{ pid: number }>(`SELECT pg_backend_pid() AS "pid"`);
    const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
    await admin.connect();
    await admin.query("SELECT pg_terminate_backend($1)", [pid]);
    await admin.end();
    await vi.waitFor(() => expect(log).toHaveBeenCalledWith(expect.stringContaining("PostgreSQL connection lost")), {
      timeout: 5000,
    });
    const [{ one }] = await db.all<{ one: number }>(`SELECT 1 AS "one"`);
    expect(Number(one)).toBe(1);
  } finally {
    await db.close();
    log.mockRestore();
  }
});
