// Data older than the server keeps it, or from the future, is refused or left out over real HTTP:
// a sync past the rollup retention is a 422 saying how old it is and the limit, and stores nothing;
// a log file keeps its lines inside log retention; an OTLP export keeps what is inside the
// windows and says in its partial success what it left out.
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { gunzipSync, gzipSync } from "node:zlib";
import { describe, expect, inject, it } from "vitest";
import { sql } from "@/lib/db";
import { createApp } from "../helpers/factory";
import { hubUrl, logFilesExpanded, postJson, rollupTotals, rowCounts } from "../helpers/hub-db";
import { fixture, fixtureJson } from "../helpers/hub-fixtures";
import { OTLP_FIXTURES_DIR } from "../helpers/otlp-fixtures";

const DAY = 86_400;
const now = () => Math.floor(Date.now() / 1000);

describe("sync times", () => {
  it("refuses a sync older than the rollups are kept with a 422 saying how old, and stores nothing", async () => {
    const app = await createApp({ envs: ["prod"] });
    const before = await rowCounts(app.id);
    const old = { ...fixtureJson("py-flask-sync"), message_uuid: randomUUID(), timestamp: now() - 400 * DAY };
    const r = await postJson(app.clientId, "prod", "sync", old);
    expect(r.status).toBe(422);
    expect((await r.json()).detail).toEqual([
      {
        loc: ["body", "timestamp"],
        msg: "timestamp is 400 days old, and traffic rollups are kept for 396 days (TALLYHUB_RETENTION_DAYS)",
        type: "value_error.timestamp_past",
      },
    ]);
    expect(await rowCounts(app.id)).toEqual(before);
  });

  it("stores a sync of 40 days ago without its CPU/memory sample, which is kept 32 days", async () => {
    const app = await createApp({ envs: ["prod"] });
    const sync = { ...fixtureJson("py-flask-sync"), message_uuid: randomUUID(), timestamp: now() - 40 * DAY };
    expect((await postJson(app.clientId, "prod", "sync", sync)).status).toBe(202);
    expect((await rollupTotals(app.id)).requests).toBe(3);
    expect((await rowCounts(app.id)).ResourceSample).toBe(0);
    const recent = { ...sync, message_uuid: randomUUID(), timestamp: now() - 60 };
    expect((await postJson(app.clientId, "prod", "sync", recent)).status).toBe(202);
    expect((await rowCounts(app.id)).ResourceSample).toBe(1);
  });
});

describe("log file times", () => {
  const lines = () =>
    gunzipSync(fixture("py-flask-log").body)
      .toString("utf8")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
  const at = (line: { request: { timestamp: number } }, ts: number) => ({
    ...line,
    uuid: randomUUID(),
    request: { ...line.request, timestamp: ts },
  });
  const postLog = (clientId: string, body: Buffer) =>
    fetch(hubUrl(clientId, "prod", "log", `?uuid=${randomUUID()}`), { method: "POST", body: new Uint8Array(body) });
  const file = (ls: unknown[]) => gzipSync(ls.map((l) => JSON.stringify(l)).join("\n"));

  it("stores the recent lines of a file and leaves out those older than log retention or from the future", async () => {
    const app = await createApp({ envs: ["prod"] });
    const [a, b, c] = lines();
    const keep = [at(a, now() - 14 * DAY), at(b, now() - 60)];
    const r = await postLog(app.clientId, file([at(a, now() - 16 * DAY), ...keep, at(c, now() + 3600)]));
    expect(r.status).toBe(202);
    await logFilesExpanded(app.id);
    const stored = await sql().all<{ uuid: string }>(
      `SELECT "uuid" FROM "RequestLog" WHERE "appId" = ? ORDER BY "ts"`,
      [app.id],
    );
    expect(stored.map((s) => s.uuid)).toEqual(keep.map((l) => l.uuid));
  });

  it("refuses a file whose lines are all older than log retention with a 422, and stores nothing", async () => {
    const app = await createApp({ envs: ["prod"] });
    const before = await rowCounts(app.id);
    const r = await postLog(app.clientId, file(lines().map((l) => at(l, now() - 20 * DAY))));
    expect(r.status).toBe(422);
    expect((await r.json()).detail).toEqual([
      {
        loc: ["body"],
        msg: "None of the log lines can be stored: 3 request logs older than 15 days (TALLYHUB_RETENTION_LOG_DAYS)",
        type: "value_error.log",
      },
    ]);
    expect(await rowCounts(app.id)).toEqual(before);
  });
});

describe("OTLP times", () => {
  /** The captured trace export as OTLP/JSON, every span moved to `ago` seconds before now (durations kept). */
  function tracesAt(ago: number) {
    const exp = JSON.parse(readFileSync(`${OTLP_FIXTURES_DIR}/003-traces.json`, "utf8"));
    const spans: { startTimeUnixNano: string; endTimeUnixNano: string }[] = exp.resourceSpans.flatMap(
      (rs: { scopeSpans: { spans: unknown[] }[] }) => rs.scopeSpans.flatMap((ss) => ss.spans),
    );
    const first = spans.reduce(
      (m, s) => (BigInt(s.startTimeUnixNano) < m ? BigInt(s.startTimeUnixNano) : m),
      2n ** 64n,
    );
    const by = BigInt(now() - ago) * 1_000_000_000n - first;
    for (const s of spans) {
      s.startTimeUnixNano = String(BigInt(s.startTimeUnixNano) + by);
      s.endTimeUnixNano = String(BigInt(s.endTimeUnixNano) + by);
    }
    return exp;
  }
  const post = (token: string, exp: unknown) =>
    fetch(`${inject("baseUrl")}/v1/traces`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify(exp),
    });

  it("keeps the errors of spans 20 days old, leaves out their request logs and says so", async () => {
    const app = await createApp({ envs: ["prod"] });
    const r = await post(app.writeToken!, tracesAt(20 * DAY));
    expect(r.status).toBe(200);
    const { partialSuccess } = await r.json();
    expect(partialSuccess.errorMessage).toBe(
      "Not stored: 7 request logs older than 15 days (TALLYHUB_RETENTION_LOG_DAYS)",
    );
    expect(partialSuccess.rejectedSpans).toBe("7");
    const counts = await rowCounts(app.id);
    expect(counts.RequestLog).toBe(0);
    // An Apitally SDK's requests are counted from its metrics; its spans' server errors are counted here.
    expect(counts.ServerErrorRollup).toBeGreaterThan(0);
  });

  it("leaves out spans older than rollup retention whole, and answers an empty response for recent ones", async () => {
    const app = await createApp({ envs: ["prod"] });
    const r = await post(app.writeToken!, tracesAt(400 * DAY));
    expect(r.status).toBe(200);
    expect((await r.json()).partialSuccess.errorMessage).toContain("older than 396 days (TALLYHUB_RETENTION_DAYS)");
    const counts = await rowCounts(app.id);
    expect([counts.RequestLog, counts.ServerErrorRollup]).toEqual([0, 0]);
    const recent = await post(app.writeToken!, tracesAt(60));
    expect(await recent.json()).toEqual({});
    expect((await rowCounts(app.id)).RequestLog).toBe(7);
  });
});
