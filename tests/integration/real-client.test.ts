// End to end with the real, unmodified `apitally` npm client: an Express app and a Fastify
// app, pointed at this Tallyhub only through APITALLY_HUB_BASE_URL, serve a known set of
// requests; once the client has synced, what is stored equals exactly what was served.
import path from "node:path";
import { afterAll, describe, expect, inject, it, vi } from "vitest";
import { sql } from "@/lib/db";
import { waitFor } from "../helpers/children";
import { clientApps, PLAN, servePlan } from "../helpers/client-apps";
import { createApp } from "../helpers/factory";
import { requestsByStatus, rollupTotals, rowCounts } from "../helpers/hub-db";
import { freePort } from "../helpers/stack";

interface AppUnderTest {
  file: string;
  stringConsumer: string;
  named: { identifier: string; name: string; group: string };
  error: { type: string; msg: string };
  validationMsg: string;
  /** Express has no shutdown flush: wait for its next sync. Fastify flushes on close. */
  flushOnClose: boolean;
  /** APITALLY_HUB_BASE_URL as a new user may write it, with a trailing slash. */
  trailingSlash: boolean;
}

const APPS: Record<string, AppUnderTest> = {
  express: {
    file: "tests/apps/express-app.mjs",
    stringConsumer: "api-key-42",
    named: { identifier: "user-123", name: "Alice Example", group: "Admins" },
    error: { type: "Error", msg: "Something exploded in /error" },
    validationMsg: "Invalid value",
    flushOnClose: false,
    trailingSlash: false,
  },
  fastify: {
    file: "tests/apps/fastify-app.mjs",
    stringConsumer: "api-key-7",
    named: { identifier: "user-456", name: "Bob", group: "Free tier" },
    error: { type: "TypeError", msg: "Fastify handler failed" },
    validationMsg: "body/name must NOT have fewer than 3 characters",
    flushOnClose: true,
    trailingSlash: true,
  },
};

vi.mock("@/lib/auth/session", () => import("../helpers/fake-session"));
const { rotateCredential } = await import("@/lib/apps/rotate");

const apps = clientApps();
afterAll(() => apps.cleanup());

const startApp = (spec: AppUnderTest, clientId: string, port: number) =>
  apps.start(spec.file, clientId, port, `${inject("baseUrl")}${spec.trailingSlash ? "/" : ""}`);

describe.each(Object.entries(APPS))("the real apitally client with %s", (framework, spec) => {
  it("stores exactly the requests the app served", async () => {
    const app = await createApp({ envs: ["prod"] });
    const port = await freePort();
    const { child, output, base } = await startApp(spec, app.clientId, port);
    const instance = () =>
      sql().all<{ client: string | null }>(`SELECT "client" FROM "Instance" WHERE "appId" = ?`, [app.id]);
    await waitFor("the client's startup", instance, (rows) => rows.some((r) => r.client !== null), 15_000, output);

    expect(await servePlan(base)).toEqual(PLAN.map(([method, p, , status]) => `${method} ${p} ${status}`));

    const requests = () => rollupTotals(app.id, "dev").then((t) => t.requests);
    if (spec.flushOnClose) {
      // The client moves request logs from memory to its log file once a second; on close it
      // sends the file but drops what is still in memory.
      await new Promise((r) => setTimeout(r, 1500));
      process.kill(-child.pid!, "SIGTERM");
      await waitFor(
        "the app to exit",
        async () => child.exitCode,
        (c) => c !== null,
        15_000,
        output,
      );
      expect(await requests()).toBe(PLAN.length);
    } else {
      await waitFor("the client's sync", requests, (n) => n >= PLAN.length, 25_000, output);
      // One more sync cycle must add nothing.
      const receipts = (await rowCounts(app.id)).IngestReceipt;
      await waitFor(
        "another sync",
        async () => (await rowCounts(app.id)).IngestReceipt,
        (n) => n > receipts,
        15_000,
        output,
      );
    }
    await waitFor(
      "the request logs",
      async () => (await rowCounts(app.id)).RequestLog,
      (n) => n >= PLAN.length,
      15_000,
      output,
    );

    const totals = await rollupTotals(app.id, "dev");
    expect(totals).toMatchObject({ requests: 10, validationErrors: 2, serverErrors: 2, responseTimeBins: 10 });
    expect(await requestsByStatus(app.id)).toEqual([
      [200, 5],
      [201, 1],
      [400, 2],
      [500, 2],
    ]);

    const [se] = await sql().all<{ type: string; msg: string; traceback: string }>(
      `SELECT "type", "msg", "traceback" FROM "ServerError" WHERE "appId" = ?`,
      [app.id],
    );
    expect([se.type, se.msg]).toEqual([spec.error.type, spec.error.msg]);
    expect(se.traceback).toContain(`${spec.error.type}: ${spec.error.msg}\n    at `);
    expect(se.traceback).toContain(path.basename(spec.file));

    const ve = await sql().all<{ loc: string; msg: string }>(
      `SELECT "loc", "msg" FROM "ValidationError" WHERE "appId" = ?`,
      [app.id],
    );
    expect(ve.map((e) => [JSON.parse(e.loc), e.msg])).toEqual([[["body", "name"], spec.validationMsg]]);

    const consumers = await sql().all<{ identifier: string; name: string | null; group: string | null }>(
      `SELECT c."identifier", c."name", g."name" AS "group" FROM "Consumer" c
       LEFT JOIN "ConsumerGroup" g ON g."appId" = c."appId" AND g."id" = c."groupId"
       WHERE c."appId" = ? ORDER BY c."identifier"`,
      [app.id],
    );
    expect(consumers).toEqual(
      [{ identifier: spec.stringConsumer, name: null, group: null }, spec.named].sort((a, b) =>
        a.identifier.localeCompare(b.identifier),
      ),
    );
    const consumerRequests = await sql().all<{ identifier: string; n: number }>(
      `SELECT c."identifier", SUM(r."requestCount") AS "n"
       FROM "RequestRollup" r JOIN "Consumer" c ON c."appId" = r."appId" AND c."id" = r."consumerId"
       WHERE r."appId" = ? GROUP BY c."identifier" ORDER BY c."identifier"`,
      [app.id],
    );
    expect(Object.fromEntries(consumerRequests.map((r) => [r.identifier, Number(r.n)]))).toEqual({
      [spec.stringConsumer]: 2,
      [spec.named.identifier]: 3,
    });

    expect((await rowCounts(app.id)).RequestLog).toBe(10);
    const [inst] = await sql().all<{ client: string; versions: string }>(
      `SELECT "client", "versions" FROM "Instance" WHERE "appId" = ?`,
      [app.id],
    );
    expect(inst.client).toBe(`js:${framework}`);
    expect(JSON.parse(inst.versions)).toMatchObject({ apitally: "0.25.8", nodejs: process.versions.node });
  }, 60_000);
});

// A rotation while the app runs: the client keeps the old ID until it is redeployed, and nothing it sends in the
// grace period is lost; the redeployed app sends with the new one. (Fastify flushes on close, so each run ends
// with everything it served stored.)
it("keeps every request of the real client through a client-ID rotation", async () => {
  const spec = APPS.fastify;
  const app = await createApp({ envs: ["dev"] });
  const serve = async (clientId: string, plan: typeof PLAN) => {
    const port = await freePort();
    const { child, output, base } = await startApp(spec, clientId, port);
    return {
      send: (requests: typeof PLAN) => servePlan(base, requests),
      async stop() {
        await new Promise((r) => setTimeout(r, 1500));
        process.kill(-child.pid!, "SIGTERM");
        await waitFor(
          "the app to exit",
          async () => child.exitCode,
          (c) => c !== null,
          15_000,
          output,
        );
      },
      plan,
    };
  };
  const requests = () => rollupTotals(app.id, "dev").then((t) => t.requests);

  const before = await serve(app.clientId, PLAN);
  await before.send(PLAN.slice(0, 5));
  const rotated = await rotateCredential(app.teamId, app.id, { credential: "clientId" });
  expect(rotated.ok).toBe(true);
  await before.send(PLAN.slice(5));
  await before.stop();
  expect(await requests()).toBe(PLAN.length);

  const { clientId: newId } = await sql()
    .all<{ clientId: string }>(`SELECT "clientId" FROM "App" WHERE "id" = ?`, [app.id])
    .then((r) => r[0]);
  expect(newId).not.toBe(app.clientId);
  const after = await serve(newId, PLAN);
  await after.send(PLAN.slice(0, 3));
  await after.stop();
  expect(await requests()).toBe(PLAN.length + 3);
}, 90_000);
