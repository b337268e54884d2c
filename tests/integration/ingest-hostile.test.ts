// Hostile input, generated from a fixed seed: never a 5xx, a JSON error body for every
// refusal, nothing stored by a refused request, and an accepted one stored whole. Cases run
// a few at a time, each on an app no other running case uses, so the before/after counts
// of one case see only its own request.
import { beforeAll, describe, expect, inject, it } from "vitest";
import { sql } from "@/lib/db";
import { inflate, isGzip } from "@/lib/ingest/body";
import { BODY_LIMITS } from "@/lib/ingest/limits";
import { parseLogFile, parseSync } from "@/lib/ingest/parse";
import { logLinesInBounds } from "@/lib/ingest/time-bounds";
import { createApp } from "../helpers/factory";
import { hostileCases, type HostileCase } from "../helpers/hostile-cases";
import { logFilesExpanded, rollupTotals, rowCounts } from "../helpers/hub-db";
import { otlpHostileCases } from "../helpers/otlp-hostile-cases";

const cases = hostileCases();
// vitest's maxConcurrency (5 by default): every running case has an app without waiting for one.
const CONCURRENCY = 5;
// The gzip bombs and 10–17 MB bodies take a while to build, send and refuse on a loaded machine.
const CASE_TIMEOUT_MS = 180_000;
type App = Awaited<ReturnType<typeof createApp>>;

/** Apps lent to one running case at a time. */
const idle: App[] = [];
const waiting: ((a: App) => void)[] = [];
const borrow = (): Promise<App> => (idle.length ? Promise.resolve(idle.pop()!) : new Promise((ok) => waiting.push(ok)));
function giveBack(app: App) {
  const next = waiting.shift();
  if (next) next(app);
  else idle.push(app);
}

function send(c: HostileCase, app: App, body: Buffer): Promise<Response> {
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

/** The body as the server reads it: inflated when it is gzip, as far as it inflates. */
const inflated = async (c: HostileCase, body: Buffer) =>
  isGzip(body) ? inflate(body, BODY_LIMITS[c.endpoint].decompressed) : body;

/** What our own parser makes of a sync: the server must agree with it. */
async function localSync(c: HostileCase, body: Buffer) {
  try {
    return parseSync(await inflated(c, body));
  } catch {
    return null;
  }
}

const storedLogs = async (appId: number, uuids: string[]) =>
  uuids.length === 0
    ? 0
    : Number(
        (
          await sql().all<{ n: number }>(
            `SELECT COUNT(*) AS "n" FROM "RequestLog" WHERE "appId" = ? AND "uuid" IN (${uuids.map(() => "?").join(", ")})`,
            [appId, ...uuids],
          )
        )[0].n,
      );

async function check(c: HostileCase, app: App) {
  const body = c.body();
  // The lines of a log file the server can keep, by our own parser and time bounds (null: it keeps none).
  const keptLines =
    c.endpoint === "log"
      ? await inflated(c, body)
          .then((b) => [...new Set(logLinesInBounds(parseLogFile(b)).lines.map((l) => l.uuid))])
          .catch(() => null)
      : null;
  const before = {
    counts: await rowCounts(app.id),
    totals: await rollupTotals(app.id),
    logs: keptLines ? await storedLogs(app.id, keptLines) : 0,
  };
  const res = await send(c, app, body);
  const text = await res.text();
  expect(res.status, text.slice(0, 300)).toBeLessThan(500);
  expect(c.expect, text.slice(0, 300)).toContain(res.status);

  if (res.status !== 202) {
    expect(JSON.parse(text)).toHaveProperty("detail");
    expect(await rowCounts(app.id)).toEqual(before.counts);
    return;
  }
  // A log file is answered once staged; its lines are stored just after.
  if (c.endpoint === "log") await logFilesExpanded(app.id);
  const after = await rowCounts(app.id);
  if (c.endpoint === "sync") {
    const parsed = await localSync(c, body);
    expect(parsed, "the server accepted what our parser refuses").not.toBeNull();
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
  if (c.endpoint === "log") {
    // Every line our parser keeps is stored, each request once, and nothing else.
    expect(keptLines, "the server accepted a file our parser keeps nothing of").not.toBeNull();
    expect(after.IngestReceipt).toBe(before.counts.IngestReceipt + 1);
    expect(await storedLogs(app.id, keptLines!)).toBe(keptLines!.length);
    expect(after.RequestLog - before.counts.RequestLog).toBe(keptLines!.length - before.logs);
  }
}

describe("hostile input", () => {
  beforeAll(async () => {
    for (let i = 0; i < CONCURRENCY; i++) idle.push(await createApp({ envs: ["prod"] }));
  });

  it("has at least 700 reproducible hub cases, and 1,000 with the OTLP suite", () => {
    expect(cases.length).toBeGreaterThanOrEqual(700);
    expect(hostileCases().map((c) => c.name)).toEqual(cases.map((c) => c.name));
    expect(cases.length + otlpHostileCases().length).toBeGreaterThanOrEqual(1000);
  });

  describe("cases", { concurrent: true }, () => {
    it.each(cases.map((c, i) => [`${i} ${c.endpoint}: ${c.name}`, c] as const))(
      "%s",
      async (_name, c) => {
        const app = await borrow();
        try {
          await check(c, app);
        } finally {
          giveBack(app);
        }
      },
      CASE_TIMEOUT_MS,
    );
  });

  it("leaves the server healthy", async () => {
    const r = await fetch(`${inject("baseUrl")}/api/health`);
    expect(r.status).toBe(200);
  });
});
