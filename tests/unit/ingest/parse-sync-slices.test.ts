// parseSyncInSlices (the hub route's parse) must give exactly parseSync's answer while handing the
// event loop back between slices, so a huge sync cannot hold dashboards up (issue 14).
import { describe, expect, it } from "vitest";
import { DemoTraffic } from "@/lib/demo/traffic";
import { parseSync, parseSyncInSlices } from "@/lib/ingest/parse";
import { HubReply } from "@/lib/ingest/responses";
import { hubFixtures } from "../../helpers/hub-fixtures";

const encode = (json: unknown) => Buffer.from(JSON.stringify(json));

function bigSync(rows: number) {
  const traffic = new DemoTraffic({ endpoints: 40, consumers: 300, seed: 3, rowsPerMinute: rows });
  return {
    timestamp: Math.floor(Date.now() / 1000) - 60,
    instance_uuid: "00000000-0000-4000-8000-00000000000a",
    message_uuid: "00000000-0000-4000-8000-00000000000b",
    ...traffic.busyMinute(5),
    resources: { cpu_percent: 3.5, memory_rss: 1000 },
  };
}

async function refusal(body: Buffer, slice: number) {
  try {
    await parseSyncInSlices(body, slice);
  } catch (e) {
    if (e instanceof HubReply) return { status: e.status, loc: (e.body as { detail: { loc: unknown[] }[] }).detail };
    throw e;
  }
  throw new Error("expected a refusal");
}

describe("parseSyncInSlices", () => {
  const syncs = hubFixtures()
    .filter((f) => f.endpoint === "sync")
    .map((f) => [f.name, f.body] as const);

  it("has sync fixtures to read", () => expect(syncs.length).toBeGreaterThanOrEqual(4));

  it.each(syncs)("reads %s exactly as parseSync does", async (_name, body) => {
    expect(await parseSyncInSlices(body, 2)).toEqual(parseSync(body));
  });

  it("joins the slices of a large sync into parseSync's payload, in order", async () => {
    const json = bigSync(2500);
    expect(json.requests.length).toBe(2500);
    const body = encode(json);
    const whole = parseSync(body);
    const sliced = await parseSyncInSlices(body, 300);
    expect(sliced).toEqual(whole);
    expect(sliced.requests.length).toBe(2500);
  });

  it("gives the event loop a turn between slices", async () => {
    let turns = 0;
    let ticking = true;
    const tick = () => {
      if (!ticking) return;
      turns++;
      setImmediate(tick);
    };
    setImmediate(tick);
    await parseSyncInSlices(encode(bigSync(2000)), 250);
    ticking = false;
    // 8 slices: 7 yields, each letting the ticker run once (it also may run before the first).
    expect(turns).toBeGreaterThanOrEqual(7);

    turns = 0;
    ticking = true;
    setImmediate(tick);
    parseSync(encode(bigSync(2000)));
    ticking = false;
    expect(turns).toBe(0);
  });

  it("names a bad item by its index in the whole sync, not in its slice", async () => {
    const json = bigSync(1200);
    (json.requests[1037] as { status_code: unknown }).status_code = "teapot";
    const r = await refusal(encode(json), 500);
    expect(r.status).toBe(422);
    expect(r.loc.map((d) => d.loc)).toContainEqual(["body", "requests", 1037, "status_code"]);
  });

  it("refuses a bad head once, from the first slice", async () => {
    const r = await refusal(encode({ ...bigSync(1200), message_uuid: "nope" }), 500);
    expect(r.loc.map((d) => d.loc)).toEqual([["body", "message_uuid"]]);
  });

  it("leaves lists that are not lists, or too long, to the whole schema's refusal", async () => {
    const json = bigSync(1200);
    const notList = await refusal(encode({ ...json, consumers: { a: 1 } }), 500);
    expect(notList.loc.map((d) => d.loc)).toContainEqual(["body", "consumers"]);
    const tooMany = await refusal(encode({ ...json, server_errors: Array.from({ length: 20_001 }, () => ({})) }), 500);
    expect(tooMany.loc.map((d) => d.loc)).toContainEqual(["body", "server_errors"]);
  });
});
