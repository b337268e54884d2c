// The retention pass prunes what clients named and then stopped naming (consumers, endpoints not
// in a startup, error fingerprints, OpenAPI documents, instances, empty groups) once it is older
// than the data kept about it, recounts the app's capped kinds and forgets a cap it is back under.
import { randomUUID } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { sql } from "@/lib/db";
import { parseStartup, parseSync } from "@/lib/ingest/parse";
import { storeSync } from "@/lib/ingest/store";
import { parseRetentionConfig } from "@/lib/retention/config";
import { runRetention } from "@/lib/retention/run";
import { storeStartup } from "@/lib/store/startup";
import { createApp, createUser } from "../helpers/factory";
import { makeRequest, makeSync } from "../helpers/hub-db";

// The consumer edits are the dashboard's own actions, called with a known user (no session needed).
vi.mock("@/lib/auth/session", () => import("../helpers/fake-session"));
const { renameConsumer } = await import("@/lib/consumers/rename");
const { setConsumerGroup } = await import("@/lib/consumers/group");

const NOW = Date.UTC(2026, 6, 20, 9, 41, 13) / 1000;
const DAY = 86_400;
const config = parseRetentionConfig({});

async function syncAt(appId: number, ts: number, consumer: string, path: string, instance: string) {
  const body = makeSync({
    timestamp: ts,
    instance_uuid: instance,
    requests: [makeRequest({ consumer, path, status_code: 500 })],
    consumers: [{ identifier: consumer, name: null, group: `${consumer}-group` }],
    server_errors: [
      {
        consumer,
        method: "GET",
        path,
        type: "ValueError",
        msg: `boom at ${path}`,
        traceback: "tb",
        sentry_event_id: null,
        error_count: 1,
      },
    ],
    resources: { cpu_percent: 1, memory_rss: 1 },
  });
  expect(await storeSync(appId, "prod", parseSync(Buffer.from(JSON.stringify(body))), { now: ts + 5 })).toBe("stored");
}

async function startupAt(appId: number, env: string, instance: string, ts: number, paths: string[]) {
  const body = {
    instance_uuid: instance,
    message_uuid: randomUUID(),
    paths: paths.map((path) => ({ method: "GET", path })),
    versions: { apitally: "0.25.8" },
    client: "js:express",
  };
  await storeStartup(appId, env, parseStartup(Buffer.from(JSON.stringify(body))), { now: ts });
}

const endpointPaths = (appId: number) =>
  names(appId, `SELECT "path" AS "v" FROM "Endpoint" WHERE "appId" = ? AND "path" <> '(other)'`);

const names = async (appId: number, text: string) =>
  (await sql().all<{ v: string }>(text, [appId])).map((r) => r.v).sort();

describe("catalogue pruning", () => {
  it("prunes rows not seen for longer than retention and recounts the app", async () => {
    const app = await createApp({ envs: ["prod"] });
    const old = NOW - (config.days + 5) * DAY;
    const oldInstance = randomUUID();
    const newInstance = randomUUID();
    const startup = parseStartup(
      Buffer.from(
        JSON.stringify({
          instance_uuid: oldInstance,
          message_uuid: randomUUID(),
          paths: [{ method: "GET", path: "/listed" }],
          versions: { apitally: "0.25.8" },
          client: "js:express",
          openapi: "{}",
        }),
      ),
    );
    await storeStartup(app.id, "prod", startup, { now: old });
    await syncAt(app.id, old, "gone", "/gone", oldInstance);
    await syncAt(app.id, NOW - DAY, "kept", "/kept", newInstance);
    await sql().run(`UPDATE "App" SET "capsHit" = ? WHERE "id" = ?`, [
      JSON.stringify({ consumers: NOW - DAY }),
      app.id,
    ]);

    const report = await runRetention({ now: NOW, config });

    expect(await names(app.id, `SELECT "identifier" AS "v" FROM "Consumer" WHERE "appId" = ?`)).toEqual(["kept"]);
    expect(await names(app.id, `SELECT "name" AS "v" FROM "ConsumerGroup" WHERE "appId" = ?`)).toEqual(["kept-group"]);
    // The startup's route stays (the latest startup lists it), though nothing called it.
    expect(await names(app.id, `SELECT "path" AS "v" FROM "Endpoint" WHERE "appId" = ?`)).toEqual(["/kept", "/listed"]);
    expect(await names(app.id, `SELECT "msg" AS "v" FROM "ServerError" WHERE "appId" = ?`)).toEqual(["boom at /kept"]);
    expect(await names(app.id, `SELECT "uuid" AS "v" FROM "Instance" WHERE "appId" = ?`)).toEqual([newInstance]);
    expect(await names(app.id, `SELECT "openapi" AS "v" FROM "AppSpec" WHERE "appId" = ?`)).toEqual([]);
    expect(report.deleted.Consumer).toBeGreaterThanOrEqual(1);

    const [counts] = await sql().all<Record<string, unknown>>(
      `SELECT "envCount", "endpointCount", "consumerCount", "groupCount", "errorCount", "instanceCount", "capsHit"
       FROM "App" WHERE "id" = ?`,
      [app.id],
    );
    expect(Object.fromEntries(Object.entries(counts).map(([k, v]) => [k, v === null ? null : Number(v)]))).toEqual({
      envCount: 1,
      endpointCount: 2,
      consumerCount: 1,
      groupCount: 1,
      errorCount: 1,
      instanceCount: 1,
      capsHit: null,
    });

    // A second pass finds nothing more to prune.
    const again = await runRetention({ now: NOW, config });
    for (const t of ["Consumer", "Endpoint", "ServerError", "Instance", "AppSpec", "ConsumerGroup"])
      expect(again.deleted[t], t).toBe(0);
  });

  describe("endpoints declared but never called", () => {
    const old = NOW - (config.days + 30) * DAY;

    it("are pruned once the environment's latest startup no longer lists them", async () => {
      const app = await createApp({ envs: ["prod"] });
      const [before, after] = [randomUUID(), randomUUID()];
      await startupAt(app.id, "prod", before, old, ["/kept", "/dropped"]);
      // A rolling deploy: the new version's instance starts while the old one still runs; the newest startup wins.
      await startupAt(app.id, "prod", after, old + DAY, ["/kept"]);
      await runRetention({ now: NOW, config });
      expect(await endpointPaths(app.id)).toEqual(["/kept"]);
    });

    it("stay while another environment's latest startup lists them, whichever started last", async () => {
      const app = await createApp({ envs: ["prod", "staging"] });
      await startupAt(app.id, "prod", randomUUID(), old, ["/both", "/prod-only"]);
      await startupAt(app.id, "staging", randomUUID(), old + DAY, ["/both", "/staging-only"]);
      await startupAt(app.id, "prod", randomUUID(), old + 2 * DAY, ["/both", "/prod-only"]);
      // Staging's newest startup drops its own route; prod's, older than it, still lists /prod-only.
      await startupAt(app.id, "staging", randomUUID(), old + 3 * DAY, ["/both"]);
      await runRetention({ now: NOW, config });
      expect(await endpointPaths(app.id)).toEqual(["/both", "/prod-only"]);
    });

    it("stay after a startup that lists no routes (a client that cannot enumerate them)", async () => {
      const app = await createApp({ envs: ["prod"] });
      const instance = randomUUID();
      await startupAt(app.id, "prod", instance, old, ["/declared"]);
      await startupAt(app.id, "prod", instance, old + DAY, []);
      await runRetention({ now: NOW, config });
      expect(await endpointPaths(app.id)).toEqual(["/declared"]);
    });
  });

  it("keeps a consumer a person renamed or put in a group, so the edit is there when it comes back", async () => {
    const owner = await createUser();
    const app = await createApp({ ownerId: owner.id, envs: ["prod"] });
    const old = NOW - (config.days + 5) * DAY;
    const instance = randomUUID();
    for (const consumer of ["renamed", "regrouped", "untouched"]) await syncAt(app.id, old, consumer, "/a", instance);
    const idOf = async (identifier: string) =>
      Number(
        (
          await sql().all<{ id: number }>(`SELECT "id" FROM "Consumer" WHERE "appId" = ? AND "identifier" = ?`, [
            app.id,
            identifier,
          ])
        )[0].id,
      );
    expect(await renameConsumer(owner.id, app.id, { consumerId: await idOf("renamed"), name: "Acme" })).toMatchObject({
      ok: true,
    });
    expect(
      await setConsumerGroup(owner.id, app.id, { consumerId: await idOf("regrouped"), group: "Partners" }),
    ).toMatchObject({ ok: true });

    await runRetention({ now: NOW, config });
    expect(await names(app.id, `SELECT "identifier" AS "v" FROM "Consumer" WHERE "appId" = ?`)).toEqual([
      "regrouped",
      "renamed",
    ]);
    // The group "regrouped" left goes with nobody in it; the chosen one stays.
    expect(await names(app.id, `SELECT "name" AS "v" FROM "ConsumerGroup" WHERE "appId" = ?`)).toEqual([
      "Partners",
      "renamed-group",
    ]);

    // Back with the client's own name and group: the person's choices still win.
    await syncAt(app.id, NOW + 60, "renamed", "/a", instance);
    await syncAt(app.id, NOW + 60, "regrouped", "/a", instance);
    expect(
      await sql().all(
        `SELECT "Consumer"."identifier" AS "identifier", "Consumer"."name" AS "name", "ConsumerGroup"."name" AS "grp"
         FROM "Consumer" LEFT JOIN "ConsumerGroup"
           ON "ConsumerGroup"."appId" = "Consumer"."appId" AND "ConsumerGroup"."id" = "Consumer"."groupId"
         WHERE "Consumer"."appId" = ? ORDER BY "Consumer"."identifier"`,
        [app.id],
      ),
    ).toEqual([
      { identifier: "regrouped", name: null, grp: "Partners" },
      { identifier: "renamed", name: "Acme", grp: "renamed-group" },
    ]);
  });
});
