// Hostile input, generated from a fixed seed: never a 5xx, a JSON error body for every
// refusal, nothing stored by a refused request, and an accepted one stored whole.
import { gunzipSync } from "node:zlib";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { sql } from "@/lib/db";
import { isGzip } from "@/lib/ingest/body";
import { parseSync } from "@/lib/ingest/parse";
import { createApp } from "../helpers/factory";
import { hostileCases, type HostileCase } from "../helpers/hostile-cases";
import { rollupTotals, rowCounts } from "../helpers/hub-db";

const cases = hostileCases();
let app: Awaited<ReturnType<typeof createApp>>;

function send(c: HostileCase, body: Buffer): Promise<Response> {
  const url = `${inject("baseUrl")}/v2/${c.clientId ?? app.clientId}/${c.env ?? "prod"}/${c.endpoint}${c.query ?? ""}`;
  const headers = c.headers ?? (c.endpoint === "log" ? {} : { "content-type": "application/json" });
  const payload = c.chunked
    ? new ReadableStream<Uint8Array>({
        start(ctrl) {
          for (let i = 0; i < body.length; i += 64 * 1024)
            ctrl.enqueue(new Uint8Array(body.subarray(i, i + 64 * 1024)));
          ctrl.close();
        },
      })
    : new Uint8Array(body);
  return fetch(url, { method: "POST", headers, body: payload, duplex: "half" } as RequestInit);
}

const receipts = async () =>
  Number((await sql().all<{ n: number }>(`SELECT COUNT(*) AS "n" FROM "IngestReceipt"`))[0].n);

/** What our own parser makes of a body: the server must agree with it. */
function localParse(body: Buffer) {
  try {
    return parseSync(isGzip(body) ? gunzipSync(body) : body);
  } catch {
    return null;
  }
}

describe("hostile input", () => {
  beforeAll(async () => {
    app = await createApp({ envs: ["prod"] });
  });

  it("has at least 200 reproducible cases", () => {
    expect(cases.length).toBeGreaterThanOrEqual(200);
    expect(hostileCases().map((c) => c.name)).toEqual(cases.map((c) => c.name));
  });

  it.each(cases.map((c, i) => [`${i} ${c.endpoint}: ${c.name}`, c] as const))("%s", async (_name, c) => {
    const body = c.body();
    const before = { counts: await rowCounts(app.id), receipts: await receipts(), totals: await rollupTotals(app.id) };
    const res = await send(c, body);
    const text = await res.text();
    expect(res.status, text.slice(0, 300)).toBeLessThan(500);
    expect(c.expect, text.slice(0, 300)).toContain(res.status);

    if (res.status !== 202) {
      expect(JSON.parse(text)).toHaveProperty("detail");
      expect(await rowCounts(app.id)).toEqual(before.counts);
      expect(await receipts()).toBe(before.receipts);
      return;
    }
    if (c.endpoint === "sync") {
      const parsed = localParse(body);
      expect(parsed, "the server accepted what our parser refuses").not.toBeNull();
      const after = await rowCounts(app.id);
      expect(after.IngestReceipt).toBe(before.counts.IngestReceipt + 1);
      const added = parsed!.requests.filter((r) => r.requestCount > 0).reduce((a, r) => a + r.requestCount, 0);
      expect((await rollupTotals(app.id)).requests - before.totals.requests).toBe(added);
      for (const cons of parsed!.consumers) {
        const found = await sql().all(`SELECT 1 AS "one" FROM "Consumer" WHERE "appId" = ? AND "identifier" = ?`, [
          app.id,
          cons.identifier,
        ]);
        expect(found, cons.identifier).toHaveLength(1);
      }
    }
  });

  it("leaves the server healthy", async () => {
    const r = await fetch(`${inject("baseUrl")}/api/health`);
    expect(r.status).toBe(200);
  });
});
