// Apdex T per app and per endpoint: validated, owner-only, and used by the endpoint view.
import { afterAll, describe, expect, it, vi } from "vitest";
import { prisma, sql } from "@/lib/db";
import { createApp, createUser } from "../helpers/factory";
import { session } from "../helpers/fake-session";

vi.mock("@/lib/auth/session", () => import("../helpers/fake-session"));
vi.mock("next/cache", () => ({ revalidatePath: () => {}, refresh: () => {} }));

const { setAppApdex, setEndpointApdex } = await import("@/lib/apps/apdex");
const { getEndpointInfo } = await import("@/lib/queries/endpoint-detail");
const { setAppApdexAction } = await import("@/app/(dashboard)/apps/[appId]/settings/actions");
const { setEndpointApdexAction } = await import("@/app/(dashboard)/apps/[appId]/endpoints/[endpointId]/actions");

const owner = await createUser();
const stranger = await createUser();
const app = await createApp({ ownerId: owner.id });
await sql().run(
  `INSERT INTO "Endpoint" ("appId", "id", "method", "path", "inStartup", "firstSeen")
   VALUES (?, 1, 'GET', '/items', ?, 0)`,
  [app.id, true],
);

const form = (values: Record<string, string | number>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(values)) f.set(k, String(v));
  return f;
};
const isNotFound = (e: unknown) => String((e as { digest?: string }).digest ?? e).includes("404");

afterAll(async () => {
  await prisma().app.deleteMany({ where: { id: app.id } });
  await sql().run(`DELETE FROM "Endpoint" WHERE "appId" = ?`, [app.id]);
});

describe("Apdex threshold", () => {
  it("defaults to the app's 500 ms and follows the app's setting", async () => {
    expect(await getEndpointInfo(app.id, 1)).toMatchObject({ apdexTMs: 500, apdexTSource: "app", appApdexTMs: 500 });
    expect(await setAppApdex(owner.id, app.id, { apdexTMs: "300" })).toEqual({ ok: true, value: { apdexTMs: 300 } });
    expect(await getEndpointInfo(app.id, 1)).toMatchObject({ apdexTMs: 300, apdexTSource: "app", appApdexTMs: 300 });
  });

  it("an endpoint's own threshold wins, and clearing it falls back to the app's", async () => {
    await setAppApdex(owner.id, app.id, { apdexTMs: 300 });
    expect(await setEndpointApdex(owner.id, app.id, 1, { apdexTMs: "1200" })).toEqual({
      ok: true,
      value: { apdexTMs: 1200 },
    });
    expect(await getEndpointInfo(app.id, 1)).toMatchObject({
      apdexTMs: 1200,
      apdexTSource: "endpoint",
      appApdexTMs: 300,
    });
    expect(await setEndpointApdex(owner.id, app.id, 1, { apdexTMs: "  " })).toEqual({
      ok: true,
      value: { apdexTMs: null },
    });
    expect(await getEndpointInfo(app.id, 1)).toMatchObject({ apdexTMs: 300, apdexTSource: "app" });
  });

  it("refuses thresholds that are not whole milliseconds in range, with a message, changing nothing", async () => {
    await setAppApdex(owner.id, app.id, { apdexTMs: 400 });
    for (const [bad, message] of [
      ["abc", "Enter a number of milliseconds."],
      ["12.5", "Use a whole number of milliseconds."],
      ["5", "Use at least 10 ms."],
      ["100000", "Use at most 60,000 ms."],
    ]) {
      const r = await setAppApdex(owner.id, app.id, { apdexTMs: bad });
      expect(r).toMatchObject({ ok: false, fieldErrors: { apdexTMs: [message] } });
      const e = await setEndpointApdex(owner.id, app.id, 1, { apdexTMs: bad });
      expect(e).toMatchObject({ ok: false, fieldErrors: { apdexTMs: [message] } });
    }
    expect((await prisma().app.findUniqueOrThrow({ where: { id: app.id } })).apdexTMs).toBe(400);
  });

  it("is a 404 for someone else's app or an unknown endpoint, and changes nothing", async () => {
    await setAppApdex(owner.id, app.id, { apdexTMs: 400 });
    await setEndpointApdex(owner.id, app.id, 1, { apdexTMs: "" });
    await expect(setAppApdex(stranger.id, app.id, { apdexTMs: 900 })).rejects.toSatisfy(isNotFound);
    await expect(setEndpointApdex(stranger.id, app.id, 1, { apdexTMs: 900 })).rejects.toSatisfy(isNotFound);
    await expect(setEndpointApdex(owner.id, app.id, 999, { apdexTMs: 900 })).rejects.toSatisfy(isNotFound);

    session.user = { id: stranger.id, email: stranger.email, name: null, isAdmin: false, currentTeamId: null };
    await expect(setAppApdexAction({}, form({ appId: app.id, apdexTMs: 900 }))).rejects.toSatisfy(isNotFound);
    await expect(setEndpointApdexAction({}, form({ appId: app.id, endpointId: 1, apdexTMs: 900 }))).rejects.toSatisfy(
      isNotFound,
    );
    expect(await getEndpointInfo(app.id, 1)).toMatchObject({ apdexTMs: 400, apdexTSource: "app" });
  });

  it("the server actions save for the owner and report the result", async () => {
    session.user = { id: owner.id, email: owner.email, name: null, isAdmin: false, currentTeamId: null };
    expect(await setAppApdexAction({}, form({ appId: app.id, apdexTMs: 250 }))).toMatchObject({
      ok: true,
      message: "Apdex threshold set to 250 ms.",
    });
    expect(await setEndpointApdexAction({}, form({ appId: app.id, endpointId: 1, apdexTMs: 80 }))).toMatchObject({
      ok: true,
    });
    expect(await getEndpointInfo(app.id, 1)).toMatchObject({
      apdexTMs: 80,
      apdexTSource: "endpoint",
      appApdexTMs: 250,
    });
  });
});
