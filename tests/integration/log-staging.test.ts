// A /log file is staged as it came and answered 202; its lines are stored afterwards by an expander
// (lib/ingest/log-expander.ts). Stored once however often it is sent or however many expanders run, never lost
// when the expander dies, and covered by retention and app deletion like the logs themselves.
import { randomUUID } from "node:crypto";
import { gunzipSync, gzipSync } from "node:zlib";
import { describe, expect, it, vi } from "vitest";
import { sql } from "@/lib/db";
import { expandLogFile, LEASE_MS } from "@/lib/ingest/log-expander";
import { parseLogFile } from "@/lib/ingest/parse";
import { runMonitorTick } from "@/lib/monitor/tick";
import { pruneApp } from "@/lib/retention/prune";
import { insertLogLines } from "@/lib/store/log";
import { claimLogFile, stagedLogFileCount, stageLogFile, storeClaimedLogFile } from "@/lib/store/log-staging";
import { nowSeconds } from "@/lib/store/time";
import { createApp } from "../helpers/factory";
import { hubUrl, logFilesExpanded, rowCounts } from "../helpers/hub-db";
import { fixture } from "../helpers/hub-fixtures";

// lib/apps/delete.ts sits beside its server action, whose guard reads the session through next-auth (Next's runtime).
vi.mock("@/lib/auth/session", () => import("../helpers/fake-session"));
const { deleteAppData } = await import("@/lib/apps/delete");

// Five requests of the Fastify client, each a line.
const FILE = () => fixture("js-fastify-log").body;
const LINES = 5;

const logCount = async (appId: number) => (await rowCounts(appId)).RequestLog;

describe("staged /log files", () => {
  it("stores a file sent five times at once (a retrying client) once", async () => {
    const app = await createApp();
    const url = hubUrl(app.clientId, "prod", "log", `?uuid=${randomUUID()}`);
    const statuses = await Promise.all(
      Array.from({ length: 5 }, () =>
        fetch(url, { method: "POST", body: new Uint8Array(FILE()) }).then((r) => r.status),
      ),
    );
    expect(statuses).toEqual([202, 202, 202, 202, 202]);
    await logFilesExpanded(app.id);
    expect(await logCount(app.id)).toBe(LINES);
    expect((await rowCounts(app.id)).IngestReceipt).toBe(1);
    expect(await stagedLogFileCount(sql(), app.id)).toBe(0);
  });

  it("the server expands a file by itself after its 202", async () => {
    const app = await createApp();
    const r = await fetch(hubUrl(app.clientId, "prod", "log", `?uuid=${randomUUID()}`), {
      method: "POST",
      body: new Uint8Array(FILE()),
    });
    expect(r.status).toBe(202);
    // No expanding from here: only the server's after-response expander can empty the staging table.
    await expect.poll(() => logCount(app.id), { timeout: 20_000, interval: 50 }).toBe(LINES);
    expect(await stagedLogFileCount(sql(), app.id)).toBe(0);
  });

  it("stores a file left staged by a crash after its 202 at the next monitor tick", async () => {
    const app = await createApp();
    const file = randomUUID();
    // What the route does before answering; the process dies before its expander runs.
    expect(await stageLogFile(app.id, "prod", file, FILE(), nowSeconds())).toBe("stored");
    expect(await stageLogFile(app.id, "prod", file, FILE(), nowSeconds())).toBe("duplicate");
    expect(await logCount(app.id)).toBe(0);
    await runMonitorTick();
    expect(await logCount(app.id)).toBe(LINES);
    expect(await stagedLogFileCount(sql(), app.id)).toBe(0);
  });

  it("leaves a file an expander holds to it until its lease ends, then takes it over", async () => {
    const app = await createApp();
    const file = randomUUID();
    await stageLogFile(app.id, "prod", file, FILE(), nowSeconds());
    const t0 = Date.now();
    // An expander takes the file and dies holding it.
    expect(await claimLogFile(sql(), app.id, file, t0, LEASE_MS)).not.toBeNull();
    await runMonitorTick(t0 + 1_000);
    expect(await logCount(app.id)).toBe(0);
    expect(await stagedLogFileCount(sql(), app.id)).toBe(1);
    await runMonitorTick(t0 + LEASE_MS + 1);
    expect(await logCount(app.id)).toBe(LINES);
    expect(await stagedLogFileCount(sql(), app.id)).toBe(0);
  });

  it("two expanders at once expand a file once", async () => {
    const app = await createApp();
    const file = randomUUID();
    await stageLogFile(app.id, "prod", file, FILE(), nowSeconds());
    const reports = await Promise.all([expandLogFile(app.id, file), expandLogFile(app.id, file)]);
    expect(reports.map((r) => r.files).sort()).toEqual([0, 1]);
    expect(reports.map((r) => r.lines).sort()).toEqual([0, LINES]);
    expect(await logCount(app.id)).toBe(LINES);
  });

  it("an expander whose lease ran out stores nothing; the one that took the file over stores it", async () => {
    const app = await createApp();
    const file = randomUUID();
    await stageLogFile(app.id, "prod", file, FILE(), nowSeconds());
    const t0 = Date.now();
    const slow = (await claimLogFile(sql(), app.id, file, t0, LEASE_MS))!;
    const next = await claimLogFile(sql(), app.id, file, t0 + LEASE_MS + 1, LEASE_MS);
    expect(next).not.toBeNull();
    expect(await storeClaimedLogFile(sql(), slow, parseLogFile(gunzipSync(FILE())).lines)).toBe("lost");
    expect(await logCount(app.id)).toBe(0);
    const fresh = await expandLogFile(app.id, file, { nowMs: t0 + 2 * LEASE_MS + 2 });
    expect(fresh.lines).toBe(LINES);
    expect(await logCount(app.id)).toBe(LINES);
  });

  it("stores a file of many chunks once, with two expanders at once and again after a lost lease", async () => {
    const app = await createApp();
    const file = randomUUID();
    const line = JSON.parse(gunzipSync(FILE()).toString().trim().split("\n")[0]) as { uuid: string };
    const big = gzipSync(Array.from({ length: 250 }, () => JSON.stringify({ ...line, uuid: randomUUID() })).join("\n"));
    await stageLogFile(app.id, "prod", file, big, nowSeconds());
    const t0 = Date.now();
    // An expander takes the file, stores its first chunk and dies; once its lease ends two expanders race for the file.
    expect(await claimLogFile(sql(), app.id, file, t0, LEASE_MS)).not.toBeNull();
    const lines = parseLogFile(gunzipSync(big)).lines;
    await sql().tx((q) => insertLogLines(q, app.id, "prod", file, lines.slice(0, 100), null));
    expect(await logCount(app.id)).toBe(100);
    const reports = await Promise.all([
      expandLogFile(app.id, file, { nowMs: t0 + LEASE_MS + 1 }),
      expandLogFile(app.id, file, { nowMs: t0 + LEASE_MS + 1 }),
    ]);
    expect(reports.map((r) => r.lines).sort()).toEqual([0, 250]);
    expect(await logCount(app.id)).toBe(250);
    expect(await stagedLogFileCount(sql(), app.id)).toBe(0);
  });

  it("stores the lines that parse and counts the rest", async () => {
    const app = await createApp();
    const file = randomUUID();
    const good = gunzipSync(FILE()).toString().trim().split("\n");
    const mixed = gzipSync([good[0], "{broken", good[1], '{"uuid": 5}', "[]"].join("\n"));
    await stageLogFile(app.id, "prod", file, mixed, nowSeconds());
    expect(await expandLogFile(app.id, file)).toEqual({ files: 1, lines: 2, skipped: 3, outside: 0 });
    expect(await logCount(app.id)).toBe(2);
  });

  it("refuses a file none of whose lines can be stored before staging it", async () => {
    const app = await createApp();
    const r = await fetch(hubUrl(app.clientId, "prod", "log", `?uuid=${randomUUID()}`), {
      method: "POST",
      body: gzipSync('{"not": "a log line"}\n{broken\n'),
    });
    expect(r.status).toBe(422);
    expect(await stagedLogFileCount(sql(), app.id)).toBe(0);
    expect((await rowCounts(app.id)).IngestReceipt).toBe(0);
  });

  it("retention and app deletion take staged files with them", async () => {
    const app = await createApp();
    const now = nowSeconds();
    await stageLogFile(app.id, "prod", randomUUID(), FILE(), now - 40 * 86_400);
    await stageLogFile(app.id, "prod", randomUUID(), FILE(), now);
    const deleted = await pruneApp(sql(), app.id, {
      rollupsBefore: 0,
      logsBefore: now - 30 * 86_400,
      samplesBefore: 0,
    });
    expect(deleted.RequestLogFile).toBe(1);
    expect(await stagedLogFileCount(sql(), app.id)).toBe(1);
    expect(await deleteAppData(app.id)).toBe(1);
    expect(await stagedLogFileCount(sql(), app.id)).toBe(0);
  });
});
