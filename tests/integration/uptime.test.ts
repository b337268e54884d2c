// Uptime over real syncs and a real HTTP server: the heartbeat goes down once syncs stop and up
// with the next one, health checks judge status, timeout and body (with one retry) and keep their
// results, each change of state is one incident even with two passes at once, and the settings
// refuse bad input with field errors.
import { randomUUID } from "node:crypto";
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";
import { prisma, sql } from "@/lib/db";
import { addMember, createApp, createUser } from "../helpers/factory";
import { session } from "../helpers/fake-session";
import { fixture, fixtureJson, replay } from "../helpers/hub-fixtures";

vi.mock("@/lib/auth/session", () => import("../helpers/fake-session"));
vi.mock("next/cache", () => ({ revalidatePath: () => {}, refresh: () => {} }));

const { runUptime } = await import("../helpers/uptime-pass");
const { pruneUptime } = await import("@/lib/uptime/prune");
const { setHeartbeat, saveHealthCheck, deleteHealthCheck } = await import("@/lib/uptime/settings");
const { getHealthCheckSettings } = await import("@/lib/queries/uptime-health-check");
const { loadUptime } = await import("@/lib/dashboard/uptime");
const { saveHealthCheckAction } = await import("@/app/(dashboard)/apps/[appId]/uptime/actions");

const owner = await createUser();
const viewer = await createUser();
const stranger = await createUser();
await addMember(owner.id, viewer.id, "viewer");
const isNotFound = (e: unknown) => String((e as { digest?: string }).digest ?? e).includes("404");

type Incident = { kind: string; startedAt: number; endedAt: number | null; cause: string; envId: number };
const incidents = async (appId: number) =>
  (
    await sql().all<Incident>(
      `SELECT "kind", "startedAt", "endedAt", "cause", "envId" FROM "Incident" WHERE "appId" = ? ORDER BY "startedAt"`,
      [appId],
    )
  ).map((i) => ({ ...i, startedAt: Number(i.startedAt), endedAt: i.endedAt == null ? null : Number(i.endedAt) }));

const envState = async (appId: number, envId: number) => {
  const [r] = await sql().all<{ heartbeatDownSince: number | null }>(
    `SELECT "heartbeatDownSince" FROM "Environment" WHERE "appId" = ? AND "id" = ?`,
    [appId, envId],
  );
  return r.heartbeatDownSince == null ? null : Number(r.heartbeatDownSince);
};

describe("heartbeat", () => {
  let app: Awaited<ReturnType<typeof createApp>>;
  const prod = 1;
  const dev = 2;

  /** A new sync of the captured Express client (a fresh message id: a resent one is not a sign of life). */
  async function sync(env: string): Promise<number> {
    const f = fixture("js-express-sync-empty");
    const body = { ...fixtureJson("js-express-sync-empty"), message_uuid: randomUUID(), timestamp: Date.now() / 1000 };
    const r = await replay(inject("baseUrl"), { ...f, body: Buffer.from(JSON.stringify(body)) }, app.clientId, env);
    expect(r.status).toBe(202);
    const [row] = await sql().all<{ at: number }>(
      `SELECT MAX("lastSyncAt") AS "at" FROM "Instance" WHERE "appId" = ? AND "envId" = ?`,
      [app.id, env === "prod" ? prod : dev],
    );
    return Number(row.at);
  }

  beforeAll(async () => {
    app = await createApp({ ownerId: owner.id, envs: ["prod", "dev"] });
  });

  it("an environment never heard from is no data, never down", async () => {
    await runUptime(Date.now() + 3600_000);
    expect(await incidents(app.id)).toEqual([]);
    const page = await loadUptime(app.id, null);
    expect(page.envs.map((e) => e.state.tone)).toEqual(["none", "none"]);
  });

  it("goes down once no sync arrived for the threshold: one incident even with two passes at once", async () => {
    const last = await sync("prod");
    await runUptime((last + 180) * 1000);
    expect(await envState(app.id, prod)).toBeNull();
    const [a, b] = await Promise.all([runUptime((last + 181) * 1000), runUptime((last + 181) * 1000)]);
    expect(a.heartbeats.down + b.heartbeats.down).toBe(1);
    expect(await envState(app.id, prod)).toBe(last);
    const [incident] = await incidents(app.id);
    expect(await incidents(app.id)).toHaveLength(1);
    expect(incident).toMatchObject({ kind: "heartbeat", startedAt: last, endedAt: null, envId: prod });
    expect(incident.cause).toMatch(/^No data from any instance for 3 min \(last sync \d\d:\d\d UTC\)$/);
    // Still silent later: still the same one incident.
    await runUptime((last + 900) * 1000);
    expect(await incidents(app.id)).toHaveLength(1);
    const page = await loadUptime(app.id, "prod", (last + 900) * 1000);
    expect(page.env).toMatchObject({ name: "prod", state: { tone: "down", since: last } });
  });

  it("is up again with the next sync, the incident closed at it", async () => {
    const down = await envState(app.id, prod);
    // The server stamps syncs to the second: the next one must come in a later second than the last.
    while (Date.now() / 1000 < down! + 1) await new Promise((r) => setTimeout(r, 100));
    const next = await sync("prod");
    expect(next).toBeGreaterThan(down!);
    const [a, b] = await Promise.all([runUptime(next * 1000 + 5000), runUptime(next * 1000 + 5000)]);
    expect(a.heartbeats.up + b.heartbeats.up).toBe(1);
    expect(await envState(app.id, prod)).toBeNull();
    expect(await incidents(app.id)).toEqual([expect.objectContaining({ startedAt: down, endedAt: next })]);
    const page = await loadUptime(app.id, "prod", next * 1000 + 5000);
    expect(page.env?.state.tone).toBe("up");
    expect(page.env?.incidents[0]).toMatchObject({ startedAt: down, endedAt: next });
  });

  it("turned off, an environment is never down; turning it off while down closes the incident", async () => {
    const last = await sync("dev");
    expect(await setHeartbeat(owner.id, app.id, { envId: dev, heartbeatEnabled: "", heartbeatSeconds: "180" })).toEqual(
      { ok: true, value: { env: "dev", enabled: false, seconds: 180 } },
    );
    await runUptime((last + 3600) * 1000);
    expect((await incidents(app.id)).filter((i) => i.envId === dev)).toEqual([]);

    await setHeartbeat(owner.id, app.id, { envId: dev, heartbeatEnabled: "on", heartbeatSeconds: "60" });
    await runUptime((last + 61) * 1000);
    expect(await envState(app.id, dev)).toBe(last);
    await setHeartbeat(owner.id, app.id, { envId: dev, heartbeatEnabled: "", heartbeatSeconds: "60" });
    expect(await envState(app.id, dev)).toBeNull();
    const [closed] = (await incidents(app.id)).filter((i) => i.envId === dev);
    expect(closed.endedAt).not.toBeNull();
    expect(closed.cause).toContain("heartbeat monitoring turned off");
    expect((await loadUptime(app.id, "dev")).env?.state.tone).toBe("off");
  });

  it("refuses a threshold out of range, and anyone but an admin", async () => {
    for (const [bad, message] of [
      ["10", "Use at least 30 seconds."],
      ["3601", "Use at most 3600 seconds."],
      ["abc", "Enter a number of seconds."],
      ["60.5", "Use a whole number of seconds."],
    ]) {
      expect(
        await setHeartbeat(owner.id, app.id, { envId: prod, heartbeatEnabled: "on", heartbeatSeconds: bad }),
      ).toEqual({ ok: false, fieldErrors: { heartbeatSeconds: [message] } });
    }
    expect(
      await setHeartbeat(viewer.id, app.id, { envId: prod, heartbeatEnabled: "", heartbeatSeconds: "60" }),
    ).toMatchObject({ ok: false });
    await expect(
      setHeartbeat(stranger.id, app.id, { envId: prod, heartbeatEnabled: "", heartbeatSeconds: "60" }),
    ).rejects.toSatisfy(isNotFound);
    await expect(
      setHeartbeat(owner.id, app.id, { envId: 99, heartbeatEnabled: "", heartbeatSeconds: "60" }),
    ).rejects.toSatisfy(isNotFound);
    const [env] = await sql().all<{ heartbeatEnabled: unknown }>(
      `SELECT "heartbeatEnabled" FROM "Environment" WHERE "appId" = ? AND "id" = ?`,
      [app.id, prod],
    );
    expect(Boolean(env.heartbeatEnabled)).toBe(true);
  });
});

describe("health checks", () => {
  let app: Awaited<ReturnType<typeof createApp>>;
  let mode: "ok" | "500" | "hang" | "text" = "ok";
  const seen: IncomingHttpHeaders[] = [];
  const server = createServer((req, res) => {
    seen.push(req.headers);
    if (req.url === "/moved") return void res.writeHead(302, { location: "/health" }).end();
    if (mode === "hang") return; // never answers
    if (mode === "500") return void res.writeHead(500).end("ok but failing");
    res.writeHead(200, { "content-type": "text/plain" }).end(mode === "text" ? "nope" : "status: ok");
  });
  let base = "";
  const T = Math.floor(Date.now() / 1000);
  const check = (over: Record<string, string> = {}) => ({
    envId: "1",
    url: `${base}/moved`,
    method: "GET",
    intervalSeconds: "30",
    timeoutSeconds: "1",
    expectedStatus: "",
    bodyContains: "ok",
    headers: "Authorization: Bearer s3cret-token\nX-Probe: tallyhub",
    enabled: "on",
    ...over,
  });
  const results = async () =>
    (
      await sql().all<{ ts: number; ok: unknown; statusCode: number | null; latencyMs: number | null; error: string }>(
        `SELECT "ts", "ok", "statusCode", "latencyMs", "error" FROM "HealthCheckResult" WHERE "appId" = ? ORDER BY "ts"`,
        [app.id],
      )
    ).map((r) => ({ ...r, ts: Number(r.ts), ok: Boolean(r.ok) }));
  const checkDownSince = async () => {
    const [r] = await sql().all<{ d: number | null }>(
      `SELECT "downSince" AS "d" FROM "HealthCheck" WHERE "appId" = ?`,
      [app.id],
    );
    return r?.d == null ? null : Number(r.d);
  };

  beforeAll(async () => {
    app = await createApp({ ownerId: owner.id, envs: ["prod"] });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
    await prisma().app.deleteMany({ where: { id: app.id } });
  });

  it("a healthy check: redirect followed, headers sent, body found, result stored", async () => {
    expect(await saveHealthCheck(owner.id, app.id, check())).toEqual({
      ok: true,
      value: { env: "prod", enabled: true },
    });
    seen.length = 0;
    const r = await runUptime(T * 1000);
    expect(r.checks).toMatchObject({ checks: 1, down: 0 });
    expect(seen.map((h) => [h.authorization, h["x-probe"]])).toEqual([
      ["Bearer s3cret-token", "tallyhub"],
      ["Bearer s3cret-token", "tallyhub"],
    ]);
    expect(await results()).toEqual([{ ts: T, ok: true, statusCode: 200, latencyMs: expect.any(Number), error: null }]);
    // Not due again before its interval.
    expect((await runUptime((T + 29) * 1000)).checks.checks).toBe(0);
  });

  it("a 500 is retried once, then down with one incident even with two passes at once", async () => {
    mode = "500";
    seen.length = 0;
    const [a, b] = await Promise.all([runUptime((T + 30) * 1000), runUptime((T + 30) * 1000)]);
    expect(a.checks.checks + b.checks.checks).toBe(1);
    expect(seen).toHaveLength(4); // redirect + 500, twice (the retry)
    expect((await results()).at(-1)).toMatchObject({ ts: T + 30, ok: false, statusCode: 500, error: "HTTP 500" });
    expect(await checkDownSince()).toBe(T + 30);
    expect(await incidents(app.id)).toEqual([
      { kind: "health", startedAt: T + 30, endedAt: null, cause: "Health check failed: HTTP 500", envId: 1 },
    ]);
  });

  it("a hang is a timeout, a missing text a body failure: still the one incident", async () => {
    mode = "hang";
    await runUptime((T + 60) * 1000);
    expect((await results()).at(-1)).toMatchObject({ ok: false, statusCode: null, error: "timeout after 1 s" });
    mode = "text";
    await runUptime((T + 90) * 1000);
    expect((await results()).at(-1)).toMatchObject({ ok: false, statusCode: 200, error: 'body does not contain "ok"' });
    expect(await incidents(app.id)).toHaveLength(1);
    const page = await loadUptime(app.id, null, (T + 100) * 1000);
    expect(page.env).toMatchObject({ state: { tone: "down", since: T + 30 } });
    expect(page.env?.results.map((x) => x.ok)).toEqual([true, false, false, false]);
  });

  it("recovery closes the incident with its duration", async () => {
    mode = "ok";
    const r = await runUptime((T + 120) * 1000);
    expect(r.checks).toMatchObject({ checks: 1, up: 1 });
    expect(await checkDownSince()).toBeNull();
    expect(await incidents(app.id)).toEqual([expect.objectContaining({ startedAt: T + 30, endedAt: T + 120 })]);
  });

  it("a closed port is connection refused", async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, "127.0.0.1", r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((r) => closed.close(r));
    await saveHealthCheck(owner.id, app.id, check({ url: `http://127.0.0.1:${port}/`, headers: "" }));
    await runUptime((T + 150) * 1000);
    expect((await results()).at(-1)).toMatchObject({ ok: false, error: "connection refused" });
  });

  it("never shows header values back, and keeps a masked one on save", async () => {
    await saveHealthCheck(owner.id, app.id, check());
    const shown = await getHealthCheckSettings(app.id, 1);
    expect(shown?.headersMasked).toBe("Authorization: ••••••••\nX-Probe: ••••••••");
    expect(JSON.stringify(shown)).not.toContain("s3cret");
    expect(await saveHealthCheck(owner.id, app.id, check({ headers: shown!.headersMasked }))).toMatchObject({
      ok: true,
    });
    mode = "ok";
    seen.length = 0;
    await runUptime((T + 180) * 1000);
    expect(seen[0].authorization).toBe("Bearer s3cret-token");
    expect(await saveHealthCheck(owner.id, app.id, check({ headers: "X-Other: ••••••••" }))).toEqual({
      ok: false,
      fieldErrors: { headers: ["Type the value of X-Other: it has none saved."] },
    });
  });

  it("refuses bad input with field errors, through the form action too", async () => {
    const cases: [Record<string, string>, string, string][] = [
      [{ url: "" }, "url", "Enter the URL to check."],
      [{ url: "not a url" }, "url", "Enter a full http:// or https:// URL, e.g. https://api.example.com/health."],
      [
        { url: "ftp://example.com/x" },
        "url",
        "Enter a full http:// or https:// URL, e.g. https://api.example.com/health.",
      ],
      [{ method: "POST" }, "method", "Choose GET or HEAD."],
      [{ intervalSeconds: "10" }, "intervalSeconds", "Use at least 30 seconds."],
      [{ intervalSeconds: "601" }, "intervalSeconds", "Use at most 600 seconds."],
      [{ timeoutSeconds: "0" }, "timeoutSeconds", "Use at least 1 seconds."],
      [{ timeoutSeconds: "31" }, "timeoutSeconds", "Use at most 30 seconds."],
      [{ expectedStatus: "99" }, "expectedStatus", "Use a status code from 100 to 599."],
      [{ expectedStatus: "ok" }, "expectedStatus", "Enter an HTTP status code, e.g. 200."],
      [{ bodyContains: "x".repeat(201) }, "bodyContains", "Use at most 200 characters."],
      [{ method: "HEAD", bodyContains: "ok" }, "bodyContains", "HEAD responses have no body: use GET."],
      [{ headers: "no colon here" }, "headers", 'Write each header as "Name: value" (line 1).'],
      [{ headers: "Bad Name: x" }, "headers", 'Write each header as "Name: value" (line 1).'],
      [{ headers: Array.from({ length: 11 }, (_, i) => `X-${i}: v`).join("\n") }, "headers", "Use at most 10 headers."],
    ];
    for (const [over, field, message] of cases) {
      const r = await saveHealthCheck(owner.id, app.id, check(over));
      expect(r, JSON.stringify(over).slice(0, 80)).toMatchObject({ ok: false, fieldErrors: { [field]: [message] } });
    }
    session.user = { id: owner.id, email: owner.email, name: null } as never;
    const form = new FormData();
    for (const [k, v] of Object.entries({ ...check({ url: "javascript:alert(1)" }), appId: String(app.id) }))
      form.set(k, v);
    const state = await saveHealthCheckAction({}, form);
    expect(state).toMatchObject({ ok: false, fieldErrors: { url: [expect.stringContaining("http://")] } });
    expect(state.values?.url).toBe("javascript:alert(1)");
    expect(await saveHealthCheck(viewer.id, app.id, check())).toMatchObject({ ok: false });
    await expect(saveHealthCheck(stranger.id, app.id, check())).rejects.toSatisfy(isNotFound);
  });

  it("turning the check off or removing it while down closes the incident; results are pruned with retention", async () => {
    mode = "500";
    await saveHealthCheck(owner.id, app.id, check());
    await runUptime((T + 300) * 1000);
    expect(await checkDownSince()).toBe(T + 300);
    expect(await deleteHealthCheck(owner.id, app.id, { envId: "1" })).toEqual({ ok: true, value: { env: "prod" } });
    const last = (await incidents(app.id)).at(-1)!;
    expect(last.endedAt).not.toBeNull();
    expect(last.cause).toContain("health check removed");
    expect(await results()).toEqual([]);

    await saveHealthCheck(owner.id, app.id, check());
    await runUptime((T + 400) * 1000);
    expect(await results()).toHaveLength(1);
    const open = (await incidents(app.id)).filter((i) => i.endedAt === null);
    expect(open).toHaveLength(1);
    await pruneUptime(T + 10_000, { appId: app.id + 1 });
    expect(await results()).toHaveLength(1);
    await pruneUptime(T + 10_000, { appId: app.id });
    expect(await results()).toEqual([]);
    // Closed incidents ended before the cutoff go; the open one stays.
    expect(await incidents(app.id)).toEqual(open);
  });
});
