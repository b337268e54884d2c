// Alert rules against the hand-computed dashboard fixture: a rule's value is what the dashboard shows for its window,
// the evaluator walks pending → firing → resolved writing one event and one outbox row per channel per transition,
// claims each due rule once even with evaluators running side by side, and the rule actions validate and authorize.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { prisma, sql } from "@/lib/db";
import { filtersToSearchParams, parseFilters } from "@/lib/filters";
import { C, EP, G, M, NOW, seedDashboardApp } from "../helpers/dashboard-fixture";
import { addMember, createUser } from "../helpers/factory";

vi.mock("@/lib/auth/session", () => import("../helpers/fake-session"));
vi.mock("next/cache", () => ({ revalidatePath: () => {}, refresh: () => {} }));

const { evaluateDueRules } = await import("@/lib/alerts/evaluate");
const { measure, ruleFilters } = await import("@/lib/alerts/measure");
const { createAlertRule, updateAlertRule, setAlertRuleEnabled } = await import("@/lib/alerts/rules");
const { getTrafficTotals } = await import("@/lib/queries/traffic-totals");
const { getResponseTimes } = await import("@/lib/queries/response-times");

let appId: number;
let ownerId: string;
const PROD = 1;

beforeAll(async () => {
  const owner = await createUser();
  ownerId = owner.id;
  appId = (await seedDashboardApp({ ownerId })).id;
});

const base = { appId: 0, envId: PROD, consumerId: null, groupId: null, endpointId: null };

async function channel(name: string) {
  const id = randomUUID();
  await prisma().alertChannel.create({
    data: { appId, id, name, kind: "webhook", config: JSON.stringify({ url: "http://127.0.0.1:9/hook", secret: "s" }) },
  });
  return id;
}

async function rule(data: Record<string, unknown> = {}) {
  const id = randomUUID();
  await prisma().alertRule.create({
    data: {
      appId,
      id,
      envId: PROD,
      name: "High error rate",
      metric: "error_rate",
      windowMinutes: 15,
      operator: "gt",
      threshold: 20,
      ...data,
    } as never,
  });
  return id;
}

const ruleRow = (id: string) => prisma().alertRule.findUniqueOrThrow({ where: { appId_id: { appId, id } } });
const events = (id: string) => prisma().alertEvent.findMany({ where: { appId, ruleId: id }, orderBy: { at: "asc" } });
const deliveries = (id: string) =>
  prisma().alertDelivery.findMany({ where: { appId, ruleId: id }, orderBy: { createdAt: "asc" } });

describe("a rule's value is the dashboard's", () => {
  it("traffic, error and latency metrics equal the views' numbers for the same window and filters", async () => {
    for (const filters of [{}, { consumerId: C.acme }, { endpointId: EP.list }, { groupId: 1 }] as const) {
      const r = { ...base, ...filters, appId, windowMinutes: 15 };
      // The dashboard, opened at the link a notification carries.
      const f = parseFilters(
        filtersToSearchParams(ruleFilters({ ...r, metric: "requests" }, "prod", NOW)),
        NOW,
      ).filters;
      const [totals, times] = await Promise.all([getTrafficTotals(appId, f), getResponseTimes(appId, f)]);
      const at = (metric: string) => measure({ ...r, metric } as never, "prod", NOW);
      expect(await at("requests")).toBe(totals.current.requests);
      expect(await at("errors")).toBe(totals.current.errors);
      expect(await at("server_errors")).toBe(totals.current.serverErrors);
      expect(await at("client_errors")).toBe(totals.current.clientErrors);
      expect(await at("consumers")).toBe(totals.current.consumers);
      expect(await at("requests_per_minute")).toBeCloseTo(totals.current.requestsPerMinute, 9);
      expect(await at("error_rate")).toBe(totals.current.errorRate === null ? null : totals.current.errorRate * 100);
      expect(await at("bytes_out")).toBeCloseTo(totals.current.bytesOut / 1e6, 12);
      expect(await at("p95")).toBe(times.overall.p95);
      expect(await at("p50")).toBe(times.overall.p50);
    }
  });

  it("worked by hand: prod, the 15 minutes before M + 1: 25 requests, 8 errors (3 × 404, 1 × 500, 4 × 422)", async () => {
    const r = { ...base, appId, windowMinutes: 15 };
    const at = NOW + 60_000;
    expect(await measure({ ...r, metric: "requests" }, "prod", at)).toBe(25);
    expect(await measure({ ...r, metric: "error_rate" }, "prod", at)).toBe(32);
    expect(await measure({ ...r, metric: "client_errors" }, "prod", at)).toBe(7);
    // Whole minutes before the current one: at NOW the last minute is M - 1 (the 500); the 4 × 422 of minute M count
    // once M is over, and two minutes later they are out.
    expect(await measure({ ...r, metric: "errors", windowMinutes: 1 }, "prod", NOW)).toBe(1);
    expect(await measure({ ...r, metric: "errors", windowMinutes: 1 }, "prod", NOW + 60_000)).toBe(4);
    expect(await measure({ ...r, metric: "errors", windowMinutes: 2 }, "prod", NOW + 120_000)).toBe(4);
    expect(await measure({ ...r, metric: "errors", windowMinutes: 2 }, "prod", NOW + 180_000)).toBe(0);
    // Without requests a rate or a percentile has no value (it cannot breach).
    expect(await measure({ ...r, metric: "error_rate" }, "prod", NOW + 3_600_000)).toBeNull();
    expect(await measure({ ...r, metric: "p95" }, "prod", NOW + 3_600_000)).toBeNull();
    expect(M).toBeGreaterThan(0);
  });
});

describe("the evaluator", () => {
  it("pending → firing → resolved: one event and one outbox row per channel per transition", async () => {
    const hook = await channel("Ops webhook");
    const other = await channel("Not chosen");
    const id = await rule({ notifyAfter: 2, resolveAfter: 1, channelIds: JSON.stringify([hook]) });

    await evaluateDueRules(NOW + 60_000);
    expect(await ruleRow(id)).toMatchObject({ state: "pending", breaches: 1, lastValue: 32 });
    expect(await events(id)).toEqual([]);

    // Claimed for the next minute: the same tick again (another server, a retry) does nothing.
    await evaluateDueRules(NOW + 65_000);
    expect((await ruleRow(id)).breaches).toBe(1);

    await evaluateDueRules(NOW + 120_000);
    expect(await ruleRow(id)).toMatchObject({ state: "firing", breaches: 2, firedAt: Math.floor(NOW / 1000) + 120 });
    const fired = await events(id);
    expect(fired.map((e) => [e.kind, e.value, e.threshold])).toEqual([["firing", 32, 20]]);
    const [delivery, ...more] = await deliveries(id);
    expect(more).toEqual([]);
    expect(delivery).toMatchObject({ channelId: hook, kind: "firing", status: "pending" });
    expect(delivery.channelId).not.toBe(other);
    const notice = JSON.parse(delivery.message);
    expect(notice).toMatchObject({
      kind: "firing",
      env: "prod",
      value: "32 %",
      rule: { id, name: "High error rate", metric: "Error rate", condition: "> 20 %", windowMinutes: 15, filter: null },
    });
    // The link opens the Errors view on the rule's environment and window.
    const link = new URL(notice.url);
    expect(link.pathname).toBe(`/apps/${appId}/errors`);
    expect(Object.fromEntries(link.searchParams)).toMatchObject({ env: "prod", period: "custom" });

    // Still breaching: no second notification (a restart reads the same stored state).
    await evaluateDueRules(NOW + 180_000);
    expect((await ruleRow(id)).state).toBe("firing");
    expect(await deliveries(id)).toHaveLength(1);

    // An hour later the window has no requests: resolved, once.
    await evaluateDueRules(NOW + 3_600_000);
    expect(await ruleRow(id)).toMatchObject({ state: "ok", firedAt: null, lastValue: null });
    expect((await events(id)).map((e) => e.kind)).toEqual(["firing", "resolved"]);
    expect((await deliveries(id)).map((d) => d.kind)).toEqual(["firing", "resolved"]);
    await evaluateDueRules(NOW + 3_660_000);
    expect(await deliveries(id)).toHaveLength(2);

    const history = JSON.parse((await ruleRow(id)).history) as [number, number | null][];
    expect(history.map(([, v]) => v)).toEqual([32, 32, 32, null, null]);
  });

  it("the rules page names every rule's filter, and the edit page reads one rule of this app only", async () => {
    const { getAlertRule, listAlertRules } = await import("@/lib/queries/alert-rules");
    const ids = [
      await rule({ groupId: G.partners }),
      await rule({ consumerId: C.acme, endpointId: EP.list }),
      await rule({ consumerId: 9_999 }),
      await rule(),
    ];
    const byId = new Map((await listAlertRules(appId)).map((r) => [r.id, r.filter]));
    expect(ids.map((id) => byId.get(id))).toEqual([
      "group Partners",
      "consumer Acme Corp · endpoint GET /items",
      "consumer #9999",
      null,
    ]);
    expect((await getAlertRule(appId, ids[1]))?.filter).toBe("consumer Acme Corp · endpoint GET /items");
    expect(await getAlertRule(appId + 1_000, ids[1])).toBeNull();
    expect(await getAlertRule(appId, randomUUID())).toBeNull();
  });

  it("names the filter in the notice and links to the filtered endpoint view", async () => {
    const hook = await channel("Latency hook");
    const id = await rule({
      metric: "p95",
      operator: "gte",
      threshold: 10,
      consumerId: C.acme,
      endpointId: EP.list,
      channelIds: JSON.stringify([hook]),
    });
    await evaluateDueRules(NOW + 1_000);
    const [d] = await deliveries(id);
    const notice = JSON.parse(d.message);
    expect(notice.rule.filter).toBe("consumer Acme Corp · endpoint GET /items");
    const link = new URL(notice.url);
    expect(link.pathname).toBe(`/apps/${appId}/endpoints/${EP.list}`);
    expect(link.searchParams.get("consumer")).toBe(String(C.acme));
  });

  it("evaluators running side by side evaluate each due rule once", async () => {
    const hook = await channel("Race hook");
    const ids = await Promise.all(
      Array.from({ length: 12 }, () => rule({ threshold: 1, channelIds: JSON.stringify([hook]) })),
    );
    await Promise.all([evaluateDueRules(NOW + 2_000), evaluateDueRules(NOW + 2_000), evaluateDueRules(NOW + 2_000)]);
    for (const id of ids) {
      expect(await events(id)).toHaveLength(1);
      expect(await deliveries(id)).toHaveLength(1);
    }
  });

  it("a paused rule is not checked; a rule whose environment is gone fails alone", async () => {
    const paused = await rule({ enabled: false, threshold: 1 });
    const orphan = await rule({ envId: 99, threshold: 1 });
    const fine = await rule({ threshold: 1 });
    const spy = vi.spyOn(console, "error").mockImplementation(() => {});
    await evaluateDueRules(NOW + 3_000);
    spy.mockRestore();
    expect((await ruleRow(paused)).lastCheckedAt).toBeNull();
    expect((await ruleRow(orphan)).lastCheckedAt).toBeNull();
    expect((await ruleRow(fine)).state).toBe("firing");
  });
});

describe("rule actions", () => {
  const valid = {
    name: "Slow",
    envId: String(PROD),
    metric: "p95",
    operator: "gt",
    threshold: "500",
    windowMinutes: "5",
    checkEveryMinutes: "1",
    notifyAfter: "1",
    resolveAfter: "1",
    consumerId: "",
    groupId: "",
    endpointId: "",
    channelIds: "",
  };

  it("members create and edit rules; viewers cannot; strangers get a 404", async () => {
    const member = await createUser();
    const viewer = await createUser();
    await addMember(ownerId, member.id, "member");
    await addMember(ownerId, viewer.id, "viewer");
    const created = await createAlertRule(member.id, appId, valid);
    expect(created.ok).toBe(true);
    const ruleId = created.ok ? created.value.id : "";
    expect(await ruleRow(ruleId)).toMatchObject({ metric: "p95", threshold: 500, nextCheckAt: 0 });

    const refused = await createAlertRule(viewer.id, appId, valid);
    expect(refused.ok).toBe(false);
    const stranger = await createUser();
    await expect(createAlertRule(stranger.id, appId, valid)).rejects.toThrow();

    const edited = await updateAlertRule(member.id, appId, { ...valid, ruleId, metric: "error_rate", threshold: "5" });
    expect(edited.ok).toBe(true);
    expect(await ruleRow(ruleId)).toMatchObject({ metric: "error_rate", threshold: 5, history: "[]" });
    expect((await setAlertRuleEnabled(member.id, appId, { ruleId, enabled: "false" })).ok).toBe(true);
    expect((await ruleRow(ruleId)).enabled).toBe(false);
  });

  it("bad input gets a field error and stores nothing", async () => {
    const before = await prisma().alertRule.count({ where: { appId } });
    const cases: [Record<string, string>, string][] = [
      [{ threshold: "abc" }, "threshold"],
      [{ threshold: "-1" }, "threshold"],
      [{ metric: "error_rate", threshold: "150" }, "threshold"],
      [{ metric: "apdex", threshold: "2" }, "threshold"],
      [{ windowMinutes: "0" }, "windowMinutes"],
      [{ windowMinutes: "61" }, "windowMinutes"],
      [{ windowMinutes: "2.5" }, "windowMinutes"],
      [{ metric: "nonsense" }, "metric"],
      [{ operator: "eq" }, "operator"],
      [{ name: "" }, "name"],
      [{ envId: "99" }, "envId"],
      [{ consumerId: String(C.acme), groupId: "1" }, "groupId"],
      [{ endpointId: "999" }, "endpointId"],
      [{ channelIds: randomUUID() }, "channelIds"],
      [{ notifyAfter: "0" }, "notifyAfter"],
    ];
    for (const [change, field] of cases) {
      const r = await createAlertRule(ownerId, appId, { ...valid, ...change });
      expect(r.ok, JSON.stringify(change)).toBe(false);
      if (!r.ok) expect(Object.keys(r.fieldErrors), JSON.stringify(change)).toContain(field);
    }
    expect(await prisma().alertRule.count({ where: { appId } })).toBe(before);
  });

  it("uptime metrics get their fixed condition and no filter", async () => {
    const r = await createAlertRule(ownerId, appId, {
      ...valid,
      metric: "heartbeat_down",
      operator: "lt",
      threshold: "",
      consumerId: String(C.acme),
    });
    expect(r.ok).toBe(true);
    if (r.ok)
      expect(await ruleRow(r.value.id)).toMatchObject({
        operator: "gte",
        threshold: 1,
        windowMinutes: 1,
        consumerId: null,
      });
  });
});

describe("uptime metrics", () => {
  it("heartbeat down is 1 while the environment's incident is open, 0 when up, nothing when monitoring is off", async () => {
    const r = { ...base, appId, metric: "heartbeat_down" as const, windowMinutes: 1 };
    expect(await measure(r, "prod", NOW)).toBe(0);
    await sql().run(`UPDATE "Environment" SET "heartbeatDownSince" = 1 WHERE "appId" = ? AND "id" = ?`, [appId, PROD]);
    expect(await measure(r, "prod", NOW)).toBe(1);
    await sql().run(`UPDATE "Environment" SET "heartbeatEnabled" = ? WHERE "appId" = ? AND "id" = ?`, [
      false,
      appId,
      PROD,
    ]);
    expect(await measure(r, "prod", NOW)).toBeNull();
    await sql().run(
      `UPDATE "Environment" SET "heartbeatEnabled" = ?, "heartbeatDownSince" = NULL WHERE "appId" = ? AND "id" = ?`,
      [true, appId, PROD],
    );
    expect(await measure({ ...r, metric: "health_down" }, "prod", NOW)).toBeNull();
  });
});
