// Who may read the views and edit consumers: only the app's owner. Another user's app,
// unknown apps, views and subjects are "not found", and edits by others change nothing.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { prisma, sql } from "@/lib/db";
import { parseFilters } from "@/lib/filters";
import { syncSchema } from "@/lib/ingest/schemas/sync";
import { storeSync } from "@/lib/ingest/store";
import { getConsumersTable } from "@/lib/queries/consumers-table";
import { getFilterOptions } from "@/lib/queries/filter-options";
import { C, EP, G, M, NOW, seedDashboardApp } from "../helpers/dashboard-fixture";
import { createUser } from "../helpers/factory";
import { session } from "../helpers/fake-session";

vi.mock("@/lib/auth/session", () => import("../helpers/fake-session"));
vi.mock("next/cache", () => ({ revalidatePath: () => {}, refresh: () => {} }));

const { renameConsumer } = await import("@/lib/consumers/rename");
const { setConsumerGroup } = await import("@/lib/consumers/group");
const { setConsumerHidden } = await import("@/lib/consumers/hide");
const { loadViewForUser } = await import("@/lib/dashboard/access");
const { viewNameSchema } = await import("@/lib/dashboard/views");
const actions = await import("@/app/(dashboard)/apps/[appId]/consumers/actions");

let appId: number;
let ownerId: string;
let strangerId: string;

beforeAll(async () => {
  ownerId = (await createUser()).id;
  strangerId = (await createUser()).id;
  appId = (await seedDashboardApp({ ownerId })).id;
});

async function expectNotFound(p: Promise<unknown>) {
  await expect(p).rejects.toMatchObject({ digest: expect.stringMatching(/^NEXT_HTTP_ERROR_FALLBACK;404/) });
}

const consumerRows = () => sql().all(`SELECT * FROM "Consumer" WHERE "appId" = ? ORDER BY "id"`, [appId]);
const groupRows = () => sql().all(`SELECT * FROM "ConsumerGroup" WHERE "appId" = ? ORDER BY "id"`, [appId]);
const one = async (id: number) =>
  (await sql().all<Record<string, unknown>>(`SELECT * FROM "Consumer" WHERE "appId" = ? AND "id" = ?`, [appId, id]))[0];

describe("views", () => {
  it("serve the owner, with the filters that were applied", async () => {
    const env = (await loadViewForUser(
      ownerId,
      String(appId),
      "traffic",
      new URLSearchParams("period=1h&env=prod&bogus=1"),
      NOW,
    ))!;
    expect(env.query).toBe("env=prod&period=1h");
    expect(env.issues).toEqual([]);
    expect((env.data as { totals: { current: { requests: number } } }).totals.current.requests).toBe(25);
  });

  it("report bad filter params instead of failing", async () => {
    const env = (await loadViewForUser(
      ownerId,
      String(appId),
      "errors",
      new URLSearchParams("period=2w&status=abc"),
      NOW,
    ))!;
    expect(env.issues.map((i) => i.param)).toEqual(["period", "status"]);
    expect(env.query).toBe("");
  });

  it("are not found for another user's app, for every view", async () => {
    for (const view of viewNameSchema.options) {
      const params = new URLSearchParams({ endpointId: String(EP.list), errorId: "1" });
      expect(await loadViewForUser(ownerId, String(appId), view, params, NOW)).not.toBeNull();
      expect(await loadViewForUser(strangerId, String(appId), view, params, NOW)).toBeNull();
    }
  });

  it("are not found for malformed or unknown apps, views, endpoints and errors", async () => {
    const q = new URLSearchParams();
    expect(await loadViewForUser(ownerId, "abc", "traffic", q)).toBeNull();
    expect(await loadViewForUser(ownerId, "999999", "traffic", q)).toBeNull();
    expect(await loadViewForUser(ownerId, String(appId), "settings", q)).toBeNull();
    expect(await loadViewForUser(ownerId, String(appId), "endpoint", q)).toBeNull();
    expect(await loadViewForUser(ownerId, String(appId), "endpoint", new URLSearchParams("endpointId=99"))).toBeNull();
    expect(await loadViewForUser(ownerId, String(appId), "endpoint", new URLSearchParams("endpointId=1e3"))).toBeNull();
    expect(await loadViewForUser(ownerId, String(appId), "traceback", new URLSearchParams("errorId=x"))).toBeNull();
  });
});

describe("consumer edits by someone else", () => {
  it("are not found and change nothing", async () => {
    const before = [await consumerRows(), await groupRows()];
    await expectNotFound(renameConsumer(strangerId, appId, { consumerId: C.acme, name: "Pwned" }));
    await expectNotFound(setConsumerGroup(strangerId, appId, { consumerId: C.acme, group: "Evil group" }));
    await expectNotFound(setConsumerHidden(strangerId, appId, { consumerId: C.acme, hidden: true }));
    await expectNotFound(renameConsumer(ownerId, appId + 1000, { consumerId: C.acme, name: "x" }));
    expect([await consumerRows(), await groupRows()]).toEqual(before);
  });

  it("are not found through the server actions either", async () => {
    const before = await consumerRows();
    session.user = { id: strangerId, email: "stranger@example.com", name: null, isAdmin: false, currentTeamId: null };
    await expectNotFound(actions.renameConsumerAction(appId, { consumerId: C.acme, name: "Pwned" }));
    await expectNotFound(actions.setConsumerGroupAction(appId, { consumerId: C.acme, group: "Evil" }));
    await expectNotFound(actions.setConsumerHiddenAction(appId, { consumerId: C.acme, hidden: true }));
    await expectNotFound(actions.renameConsumerAction(-1, { consumerId: C.acme, name: "x" }));
    expect(await consumerRows()).toEqual(before);
    session.user = null;
  });

  it("are not found for a consumer the app does not have, and roll back a new group", async () => {
    const before = await groupRows();
    await expectNotFound(renameConsumer(ownerId, appId, { consumerId: 999, name: "Ghost" }));
    await expectNotFound(setConsumerGroup(ownerId, appId, { consumerId: 999, group: "Ghost group" }));
    expect(await groupRows()).toEqual(before);
  });
});

describe("consumer edits by the owner", () => {
  const f = () => parseFilters(new URLSearchParams("period=1h"), NOW).filters;

  it("validate their input", async () => {
    const r = await renameConsumer(ownerId, appId, { consumerId: C.acme, name: "x".repeat(65) });
    expect(r).toMatchObject({ ok: false, fieldErrors: { name: ["Use at most 64 characters for the name."] } });
    expect(await setConsumerGroup(ownerId, appId, { consumerId: "abc", group: "x" })).toMatchObject({ ok: false });
    expect(await setConsumerHidden(ownerId, appId, { consumerId: C.acme, hidden: "yes" })).toMatchObject({ ok: false });
    expect((await one(C.acme)).name).toBe("Acme Corp");
  });

  it("rename a consumer (through the server action), and a blank name clears it", async () => {
    session.user = { id: ownerId, email: "owner@example.com", name: null, isAdmin: false, currentTeamId: null };
    expect(await actions.renameConsumerAction(appId, { consumerId: C.globex, name: "  Globex Inc  " })).toEqual({
      ok: true,
      value: { name: "Globex Inc" },
    });
    session.user = null;
    expect(await one(C.globex)).toMatchObject({ name: "Globex Inc" });
    expect(Boolean((await one(C.globex)).nameByUser)).toBe(true);
    expect((await getConsumersTable(appId, f())).find((c) => c.id === C.globex)!.name).toBe("Globex Inc");
    expect((await getFilterOptions(appId)).consumers.find((c) => c.id === C.globex)!.name).toBe("Globex Inc");
    await renameConsumer(ownerId, appId, { consumerId: C.initech, name: " " });
    expect((await one(C.initech)).name).toBeNull();
  });

  it("assign an existing group, create a new one, and leave a group", async () => {
    expect(await setConsumerGroup(ownerId, appId, { consumerId: C.initech, group: "Partners" })).toEqual({
      ok: true,
      value: { groupId: G.partners, group: "Partners" },
    });
    const created = await setConsumerGroup(ownerId, appId, { consumerId: C.globex, group: "Resellers" });
    expect(created).toEqual({ ok: true, value: { groupId: 3, group: "Resellers" } }); // the app's next group id
    expect((await getFilterOptions(appId)).groups.map((g) => g.name)).toEqual(["Internal", "Partners", "Resellers"]);
    const table = await getConsumersTable(appId, f());
    expect(table.map((c) => [c.identifier, c.groupName])).toEqual([
      ["acme", "Partners"],
      ["globex", "Resellers"],
      ["initech", "Partners"],
    ]);
    await setConsumerGroup(ownerId, appId, { consumerId: C.acme, group: "" });
    expect(await one(C.acme)).toMatchObject({ groupId: null });
    expect(Boolean((await one(C.acme)).groupByUser)).toBe(true);
  });

  it("keep what the user set when the client syncs its own name and group later", async () => {
    const payload = syncSchema.parse({
      timestamp: NOW / 1000,
      instance_uuid: "8c4d7a54-6f8f-4d6e-9c55-3a3b0f0b6a11",
      message_uuid: "3f0e1c9a-1c1d-4c55-8a77-2b8e8f0b1c22",
      requests: [],
      validation_errors: [],
      server_errors: [],
      consumers: [
        { identifier: "globex", name: "Globex (client)", group: "Client group" },
        { identifier: "acme", name: "Acme (client)", group: "Client group" },
      ],
      resources: null,
    });
    await storeSync(appId, "prod", payload);
    expect(await one(C.globex)).toMatchObject({ name: "Globex Inc", groupId: 3 });
    expect(await one(C.acme)).toMatchObject({ name: "Acme (client)", groupId: null }); // only the group was the user's
  });

  it("hide a consumer from the lists until it sends requests again", async () => {
    const hiddenAt = M * 60 + 40;
    expect(await setConsumerHidden(ownerId, appId, { consumerId: C.acme, hidden: true }, hiddenAt)).toEqual({
      ok: true,
      value: { hidden: true },
    });
    expect((await getConsumersTable(appId, f())).map((c) => c.identifier)).not.toContain("acme");
    expect((await getFilterOptions(appId)).consumers.map((c) => c.identifier)).not.toContain("acme");
    await sql().run(`UPDATE "Consumer" SET "lastSeen" = ? WHERE "appId" = ? AND "id" = ?`, [
      hiddenAt + 10,
      appId,
      C.acme,
    ]);
    expect((await getConsumersTable(appId, f())).map((c) => c.identifier)).toContain("acme");
    await setConsumerHidden(ownerId, appId, { consumerId: C.initech, hidden: true }, hiddenAt);
    await setConsumerHidden(ownerId, appId, { consumerId: C.initech, hidden: false });
    expect(await one(C.initech)).toMatchObject({ hiddenAt: null });
    expect((await prisma().consumer.findFirst({ where: { appId, id: C.initech } }))!.hidden).toBe(false);
  });
});
