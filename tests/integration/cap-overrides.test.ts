// Per-app caps the instance admin sets (lib/apps/cap-overrides.ts) in place of the server's: the server holds new keys
// to them over real HTTP syncs; only the instance admin may set them, through the app guard, with the input checked.
import { describe, expect, it, vi } from "vitest";
import { prisma, sql } from "@/lib/db";
import { getCapUsage } from "@/lib/queries/cap-usage";
import { capOf, OTHER_ID } from "@/lib/store/caps";
import { addMember, createApp } from "../helpers/factory";
import { session } from "../helpers/fake-session";
import { get, signIn, userWithPassword } from "../helpers/http-session";
import { makeRequest, makeSync, postJson } from "../helpers/hub-db";

vi.mock("@/lib/auth/session", () => import("../helpers/fake-session"));
vi.mock("next/cache", () => ({ revalidatePath: () => {}, refresh: () => {} }));
const { ONLY_THE_ADMIN, setCapOverrides } = await import("@/lib/apps/cap-overrides");
const { addEnvironment } = await import("@/lib/apps/environments");
const { setCapOverridesAction } = await import("@/app/(dashboard)/apps/[appId]/settings/actions");

/** An app owned by an ordinary user, whose team has the instance admin as an admin (to reach the app's Settings). */
async function appWithAdmin() {
  const owner = await userWithPassword("owner");
  const admin = await prisma().user.update({
    where: { id: (await userWithPassword("instance-admin")).id },
    data: { isAdmin: true },
  });
  const app = await createApp({ ownerId: owner.id, envs: ["prod"] });
  await addMember(app.teamId, admin.id, "admin");
  return { owner, admin, app };
}

const stored = async (appId: number) =>
  (await prisma().app.findUniqueOrThrow({ where: { id: appId }, select: { capOverrides: true } })).capOverrides;

describe("per-app cap overrides", () => {
  it("an override below the server's cap sends new consumers to (other) at the override", async () => {
    const { admin, app } = await appWithAdmin();
    expect(await setCapOverrides(admin.id, app.id, { consumers: "2", endpoints: "" })).toEqual({
      ok: true,
      value: { consumers: 2 },
    });
    const consumers = ["c1", "c2", "c3", "c4"];
    const r = await postJson(
      app.clientId,
      "prod",
      "sync",
      makeSync({ requests: consumers.map((consumer) => makeRequest({ consumer, request_count: 1 })) }),
    );
    expect(r.status, await r.clone().text()).toBe(202);
    const rows = await sql().all<{ id: number }>(`SELECT "id" FROM "Consumer" WHERE "appId" = ? ORDER BY "id"`, [
      app.id,
    ]);
    expect(rows.map((c) => Number(c.id))).toEqual([1, 2, OTHER_ID]);
    const usage = (await getCapUsage(app.id)).find((u) => u.kind === "consumers")!;
    expect(usage).toMatchObject({ used: 2, cap: 2, serverCap: capOf("consumers"), overridden: true });
    expect(usage.hitAt).not.toBeNull();
    // Every other kind keeps the server's cap.
    expect((await getCapUsage(app.id)).filter((u) => u.overridden).map((u) => u.kind)).toEqual(["consumers"]);
  });

  it("holds Settings' own 'add environment' to the override, as ingest is", async () => {
    const { owner, admin, app } = await appWithAdmin();
    expect(await setCapOverrides(admin.id, app.id, { environments: "2" })).toMatchObject({ ok: true });
    expect(await addEnvironment(owner.id, app.id, { name: "staging" })).toMatchObject({ ok: true });
    expect(await addEnvironment(owner.id, app.id, { name: "dev" })).toEqual({
      ok: false,
      fieldErrors: { name: ["This app can have at most 2 environments."] },
    });
  });

  it("only the instance admin may set them; the owner gets a refusal and nothing changes", async () => {
    const { owner, admin, app } = await appWithAdmin();
    await setCapOverrides(admin.id, app.id, { instances: "5" });
    expect(await setCapOverrides(owner.id, app.id, { instances: "5000" })).toEqual({
      ok: false,
      fieldErrors: {},
      message: ONLY_THE_ADMIN,
    });
    expect(JSON.parse((await stored(app.id))!)).toEqual({ instances: 5 });
  });

  it("the Settings page shows the admin a form and the owner the limits read-only", async () => {
    const { owner, admin, app } = await appWithAdmin();
    await setCapOverrides(admin.id, app.id, { groups: "7" });
    // React separates adjacent text with comments.
    const settings = async (email: string) =>
      (await (await get(`/apps/${app.id}/settings`, await signIn(email))).text()).replaceAll("<!-- -->", "");
    const asOwner = await settings(owner.email);
    expect(asOwner).toContain("0 / 7");
    expect(asOwner).toContain("Set for this app by the instance admin");
    expect(asOwner).not.toContain("Save limits");
    const asAdmin = await settings(admin.email);
    expect(asAdmin).toContain("Save limits");
    expect(asAdmin).toMatch(/name="groups"[^>]*value="7"|value="7"[^>]*name="groups"/);
  });

  it("the Settings form's fields reach the action as the signed-in admin", async () => {
    const { admin, app } = await appWithAdmin();
    session.user = { id: admin.id, email: admin.email, name: null, isAdmin: true, currentTeamId: null };
    const form = new FormData();
    form.set("appId", String(app.id));
    form.set("endpoints", "300");
    form.set("consumers", "");
    expect(await setCapOverridesAction({}, form)).toMatchObject({ ok: true });
    expect(JSON.parse((await stored(app.id))!)).toEqual({ endpoints: 300 });
    form.set("endpoints", "lots");
    expect(await setCapOverridesAction({}, form)).toMatchObject({ ok: false, values: { endpoints: "lots" } });
    session.user = null;
  });

  it("refuses what is no cap, and all fields blank give the server's caps back", async () => {
    const { admin, app } = await appWithAdmin();
    for (const bad of ["0", "-3", "1.5", "many", String(OTHER_ID)]) {
      const result = await setCapOverrides(admin.id, app.id, { errors: bad });
      expect(result.ok, bad).toBe(false);
      expect(result.ok ? null : result.fieldErrors.errors, bad).toHaveLength(1);
    }
    expect(await stored(app.id)).toBeNull();
    await setCapOverrides(admin.id, app.id, { errors: "10" });
    await setCapOverrides(admin.id, app.id, { errors: " " });
    expect(await stored(app.id)).toBeNull();
  });
});
