import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { COMMON_WORD } from "@/lib/demo/bodies";
import { DemoTraffic, logFileBody, type DemoOptions } from "@/lib/demo/traffic";
import { parseLogFile, parseSync } from "@/lib/ingest/parse";
import { bodyContains } from "@/lib/requests/body";
import { makeTemplate, syncBody } from "../../../scripts/bench/payload";

const OPTIONS: DemoOptions = { consumers: 60, endpoints: 20, rowsPerMinute: 40, seed: 5 };
const MONDAY_3PM = Date.UTC(2026, 10, 30, 15) / 1000;
const MONDAY_3AM = Date.UTC(2026, 10, 30, 3) / 1000;
const IDS = {
  timestamp: 1_800_000_000.5,
  instanceUuid: "00000000-0000-4000-8000-000000000000",
  messageUuid: "00000000-0000-4000-8000-000000000001",
};

/** A sync without what is random on purpose: the instance's and the message's UUIDs. */
const withoutIds = (sync: object) => ({ ...sync, instance_uuid: null, message_uuid: null });
const minutes = (from: number, n: number) => Array.from({ length: n }, (_, i) => from + i * 60);
const parse = (sync: object) => parseSync(Buffer.from(JSON.stringify(sync)));
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe("demo traffic (lib/demo/traffic.ts)", () => {
  it("gives the same syncs for the same seed", () => {
    const a = new DemoTraffic(OPTIONS);
    const b = new DemoTraffic(OPTIONS);
    for (const t of minutes(MONDAY_3PM, 20)) expect(withoutIds(a.syncFor(t))).toEqual(withoutIds(b.syncFor(t)));
  });

  it("gives other syncs for another seed", () => {
    const a = new DemoTraffic(OPTIONS).syncFor(MONDAY_3PM);
    const b = new DemoTraffic({ ...OPTIONS, seed: 6 }).syncFor(MONDAY_3PM);
    expect(b.requests).not.toEqual(a.requests);
  });

  it("draws a minute's requests from that minute alone, so the seeder may store minutes in any order", () => {
    const inOrder = new DemoTraffic(OPTIONS);
    const backwards = new DemoTraffic(OPTIONS);
    const ts = minutes(MONDAY_3PM, 10);
    const forward = ts.map((t) => inOrder.syncFor(t).requests);
    const reversed = [...ts].reverse().map((t) => backwards.syncFor(t).requests);
    expect(reversed.reverse()).toEqual(forward);
  });

  it("announces the named consumers in the first sync only", () => {
    const traffic = new DemoTraffic(OPTIONS);
    const [first, second] = minutes(MONDAY_3PM, 2).map((t) => traffic.syncFor(t));
    expect(first.consumers.length).toBeGreaterThan(0);
    expect(first.consumers.every((c) => c.name || c.group)).toBe(true);
    expect(second.consumers).toEqual([]);
  });

  it("is busier on an afternoon than at night", () => {
    const traffic = new DemoTraffic(OPTIONS);
    const rows = (from: number) => sum(minutes(from, 30).map((t) => traffic.syncFor(t).requests.length));
    expect(rows(MONDAY_3PM)).toBeGreaterThan(2 * rows(MONDAY_3AM));
  });

  it("sends syncs the hub accepts, every row once, with as many histogram entries as requests", () => {
    const traffic = new DemoTraffic(OPTIONS);
    for (const t of minutes(MONDAY_3PM, 5)) {
      const sync = traffic.syncFor(t);
      const parsed = parse(sync);
      expect(parsed.requests).toHaveLength(sync.requests.length);
      expect(new Set(sync.requests.map((r) => `${r.method} ${r.path}|${r.consumer}|${r.status_code}`)).size).toBe(
        sync.requests.length,
      );
      for (const r of parsed.requests) expect(sum(r.responseTimes.map(([, n]) => n))).toBe(r.requestCount);
    }
  });

  it("gives a busy minute of exactly rowsPerMinute rows, the same for the same seed", () => {
    const traffic = new DemoTraffic({ ...OPTIONS, rowsPerMinute: 150 });
    const a = traffic.busyMinute(1);
    expect(a.requests).toHaveLength(150);
    expect(traffic.busyMinute(1)).toEqual(a);
    expect(new DemoTraffic({ ...OPTIONS, rowsPerMinute: 150 }).busyMinute(1)).toEqual(a);
    expect(traffic.busyMinute(2).requests).not.toEqual(a.requests);
  });

  it("refuses a busy minute larger than the catalog can fill", () => {
    expect(() => new DemoTraffic({ consumers: 2, endpoints: 2, rowsPerMinute: 500, seed: 1 }).busyMinute(1)).toThrow(
      /distinct rows/,
    );
  });
});

describe("the bench's sync bodies (scripts/bench/payload.ts)", () => {
  it("are the same for the same seed and rows, and the hub reads every row", () => {
    const a = makeTemplate(500, 500_000);
    expect(makeTemplate(500, 500_000)).toEqual(a);
    expect(makeTemplate(500, 500_001).tail).not.toBe(a.tail);
    const parsed = parseSync(syncBody(a, IDS));
    expect(parsed.requests).toHaveLength(500);
    expect(parsed.validationErrors.length + parsed.serverErrors.length).toBeGreaterThan(0);
    expect(parsed.consumers.length).toBeGreaterThan(0);
  });
});

describe("request-log files", () => {
  it("are read by the /log parser line for line, with the variety the Requests bench filters on", () => {
    // 100 endpoints: the catalog's first 20 are all list GETs, which carry no request body.
    const lines = new DemoTraffic({ ...OPTIONS, endpoints: 100 }).logLines(1, MONDAY_3AM, MONDAY_3PM, 2000);
    const { lines: parsed, skipped } = parseLogFile(gunzipSync(logFileBody(lines)));
    expect(skipped).toBe(0);
    expect(parsed).toHaveLength(2000);
    // Oldest first, inside the span asked for.
    expect(parsed[0].ts).toBeGreaterThanOrEqual(MONDAY_3AM);
    expect(parsed.every((l, i) => i === 0 || l.ts >= parsed[i - 1].ts)).toBe(true);
    expect(parsed.at(-1)!.ts).toBeLessThan(MONDAY_3PM);
    // An exception on every 500 and only there; a client IP from the forwarding header; consumers and anonymous.
    expect(parsed.filter((l) => l.exception !== null).length).toBe(parsed.filter((l) => l.statusCode === 500).length);
    expect(parsed.every((l) => /^10\.\d+\.\d+\.\d+$/.test(l.clientIp ?? ""))).toBe(true);
    expect(new Set(parsed.map((l) => l.consumer)).size).toBeGreaterThan(20);
    expect(parsed.some((l) => l.consumer === null)).toBe(true);
    // JSON bodies with the common word in a good share of them.
    const common = parsed.filter((l) => bodyContains(l.responseBody, COMMON_WORD)).length;
    expect(common / parsed.length).toBeGreaterThan(0.2);
    expect(parsed.filter((l) => l.requestBody !== null).length).toBeGreaterThan(200);
  });
});
