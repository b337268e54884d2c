// A huge sync stores exactly what it carries, once, and on SQLite leaves the event loop free while
// it is written (lib/store/sync.ts stores it in slices there): a timer due during the store runs
// before the store ends. A sync that fails part-way is not acknowledged, and its resend completes
// it without counting anything twice. Lib code only (TALLYHUB_TEST_NO_SERVER=1 is enough).
import { afterEach, describe, expect, it } from "vitest";
import { sql } from "@/lib/db";
import { parseSync } from "@/lib/ingest/parse";
import { storeSync } from "@/lib/ingest/store";
import { SLICE_ROWS } from "@/lib/store/sync";
import { createApp } from "../helpers/factory";
import { makeRequest, makeSync, rollupTotals, rowCounts } from "../helpers/hub-db";

const ROWS = SLICE_ROWS * 3 + 17;

/** A sync of `rows` distinct request rows over 50 endpoints and 40 named consumers. */
function hugeSync(rows: number, status = (i: number) => 200 + (i % 3)) {
  const requests = Array.from({ length: rows }, (_, i) =>
    makeRequest({
      path: `/things/${i % 50}/part/${Math.floor(i / 150)}`,
      consumer: `c${i % 40}`,
      status_code: status(i),
      request_count: (i % 5) + 1,
      response_times: { "10": (i % 5) + 1 },
      response_sizes: { "0": (i % 5) + 1 },
    }),
  );
  const consumers = Array.from({ length: 40 }, (_, i) => ({ identifier: `c${i}`, name: `Consumer ${i}`, group: "G" }));
  const server_errors = [
    {
      consumer: "c1",
      method: "GET",
      path: "/things/1/part/0",
      type: "E",
      msg: "boom",
      traceback: "tb",
      error_count: 3,
    },
  ];
  return makeSync({
    timestamp: Math.floor(Date.now() / 1000) - 120,
    requests,
    consumers,
    server_errors,
    resources: { cpu_percent: 5, memory_rss: 1000 },
  });
}

const expectedRequests = (s: ReturnType<typeof hugeSync>) =>
  (s.requests as { request_count: number }[]).reduce((n, r) => n + r.request_count, 0);

const store = (appId: number, s: unknown) => storeSync(appId, "prod", parseSync(Buffer.from(JSON.stringify(s))));

async function hasReceipt(appId: number, uuid: string) {
  const rows = await sql().all(
    `SELECT 1 AS "x" FROM "IngestReceipt" WHERE "appId" = ? AND "kind" = 'sync' AND "uuid" = ?`,
    [appId, uuid],
  );
  return rows.length > 0;
}

// Refuses per-minute rows of status 599, so a sync carrying one fails where that row is written.
const TRAP = {
  sqlite: [
    `CREATE TRIGGER IF NOT EXISTS "test_trap" BEFORE INSERT ON "RequestRollup" WHEN NEW."statusCode" = 599
     BEGIN SELECT RAISE(ABORT, 'trapped'); END`,
  ],
  postgres: [
    `CREATE OR REPLACE FUNCTION test_trap() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'trapped'; END $$ LANGUAGE plpgsql`,
    `CREATE OR REPLACE TRIGGER "test_trap" BEFORE INSERT ON "RequestRollup" FOR EACH ROW
     WHEN (NEW."statusCode" = 599) EXECUTE FUNCTION test_trap()`,
  ],
};
const UNTRAP = {
  sqlite: [`DROP TRIGGER IF EXISTS "test_trap"`],
  postgres: [`DROP TRIGGER IF EXISTS "test_trap" ON "RequestRollup"`],
};

afterEach(async () => {
  for (const s of UNTRAP[sql().kind]) await sql().exec(s);
});

describe("a huge sync", () => {
  it("stores exactly what it carries, with its consumers' names, errors and resources, once", async () => {
    const app = await createApp({ envs: ["prod"] });
    const s = hugeSync(ROWS);
    expect(await store(app.id, s)).toBe("stored");
    const totals = await rollupTotals(app.id);
    expect(totals.requests).toBe(expectedRequests(s));
    expect(totals.responseTimeBins).toBe(expectedRequests(s));
    expect(totals.serverErrors).toBe(3);
    const counts = await rowCounts(app.id);
    expect(counts).toMatchObject({ Consumer: 40, ConsumerGroup: 1, ResourceSample: 1, Instance: 1 });
    expect(counts.RequestRollup).toBe(ROWS);
    const named = await sql().all<{ n: number }>(
      `SELECT COUNT(*) AS "n" FROM "Consumer" WHERE "appId" = ? AND "name" LIKE 'Consumer %'`,
      [app.id],
    );
    expect(Number(named[0].n)).toBe(40);
    expect(await hasReceipt(app.id, s.message_uuid)).toBe(true);

    expect(await store(app.id, s)).toBe("duplicate");
    expect((await rollupTotals(app.id)).requests).toBe(expectedRequests(s));
  });

  it("leaves the event loop free while it is stored on SQLite (PostgreSQL's driver never holds it)", async () => {
    const app = await createApp({ envs: ["prod"] });
    let ranDuringStore = false;
    let storing = true;
    setImmediate(() => (ranDuringStore = storing));
    await store(app.id, hugeSync(ROWS));
    storing = false;
    expect(ranDuringStore).toBe(true);
  });

  it("is not acknowledged when it fails part-way, and its resend completes it without counting twice", async () => {
    const app = await createApp({ envs: ["prod"] });
    // One row near the end fails: on SQLite the slices before it are committed, on PostgreSQL nothing is.
    const s = hugeSync(ROWS, (i) => (i === ROWS - 5 ? 599 : 200));
    for (const t of TRAP[sql().kind]) await sql().exec(t);
    await expect(store(app.id, s)).rejects.toThrow(/trapped/);
    expect(await hasReceipt(app.id, s.message_uuid)).toBe(false);
    for (const t of UNTRAP[sql().kind]) await sql().exec(t);

    expect(await store(app.id, s)).toBe("stored");
    expect((await rollupTotals(app.id)).requests).toBe(expectedRequests(s));
    expect((await rowCounts(app.id)).RequestRollup).toBe(ROWS);
    expect(await store(app.id, s)).toBe("duplicate");
  });
});
