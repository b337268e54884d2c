// Accounts and apps through the same code the pages use: lib/auth and lib/apps directly,
// and the exported server actions with only the session lookup (and Next's cache
// invalidation, which needs a running server) replaced.
import { randomUUID } from "node:crypto";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/credentials";
import type { CurrentUser } from "@/lib/auth/session";
import { prisma, sql } from "@/lib/db";
import { session } from "../helpers/fake-session";

vi.mock("@/lib/auth/session", () => import("../helpers/fake-session"));
vi.mock("next/cache", () => ({ revalidatePath: () => {}, refresh: () => {} }));
// Password checks are counted: the sign-in limit is on how many guesses get checked, which the answers alone do not
// show (counted after the check, a parallel burst still gets the right answers on PostgreSQL, every guess checked).
const passwordChecks = vi.hoisted(() => ({ count: 0 }));
vi.mock("@/lib/auth/password", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/lib/auth/password")>();
  const verifyPassword: typeof real.verifyPassword = (...args) => {
    passwordChecks.count++;
    return real.verifyPassword(...args);
  };
  return { ...real, verifyPassword };
});

const { registerUser, DUPLICATE_EMAIL_MESSAGE } = await import("@/lib/auth/users");
const { checkCredentials, lockedMessage } = await import("@/lib/auth/credentials");
const { recordFailure, lockedForSeconds, THROTTLE } = await import("@/lib/auth/throttle");
const { createApp } = await import("@/lib/apps/create");
const { renameApp } = await import("@/lib/apps/rename");
const { deleteApp, deleteAppData } = await import("@/lib/apps/delete");
const { addEnvironment, removeEnvironment } = await import("@/lib/apps/environments");
const { getAppForUser, parseAppId, requireApp } = await import("@/lib/apps/access");
const actions = await import("@/app/(dashboard)/apps/actions");

// The sign-up policy has tests of its own (signup-policy.test.ts); here accounts are simply made.
const AS_OPERATOR = { asOperator: true };
/** A user's own team: registration makes one, and it is their current team. */
const teamOf = async (userId: string) =>
  (await prisma().user.findUniqueOrThrow({ where: { id: userId } })).currentTeamId!;
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
// Every email and IP this file uses is remembered, so afterAll can leave the shared test
// database as it found it for the other test files.
const used = { emails: new Set<string>(), ips: new Set<string>() };
const email = () => {
  const e = `u-${randomUUID().slice(0, 8)}@example.com`;
  used.emails.add(e);
  return e;
};
const ip = (prefix: string) => {
  const a = `${prefix}.${Math.floor(Math.random() * 250)}`;
  used.ips.add(a);
  return a;
};

async function newUser(): Promise<CurrentUser> {
  const r = await registerUser({ email: email(), password: "correct horse" }, undefined, AS_OPERATOR);
  if (!r.ok) throw new Error(JSON.stringify(r));
  return { ...r.value, isAdmin: false, currentTeamId: await teamOf(r.value.id) };
}

async function newApp(owner: SessionUser, input: Record<string, unknown> = {}) {
  const r = await createApp(owner.id, await teamOf(owner.id), {
    name: "Payments API",
    framework: "fastapi",
    environments: ["prod", "dev"],
    ...input,
  });
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r.value;
}

function form(fields: Record<string, string | number>): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.set(k, String(v));
  return f;
}

/** What Next.js's notFound() and redirect() throw, so a test can tell them apart. */
async function thrownDigest(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    const digest = (e as { digest?: string }).digest;
    if (typeof digest === "string") return digest;
    throw e;
  }
  throw new Error("expected a throw");
}
const NOT_FOUND = "NEXT_HTTP_ERROR_FALLBACK;404";

const counts = async () => ({
  users: await prisma().user.count(),
  apps: await prisma().app.count(),
  envs: await prisma().environment.count(),
});

beforeEach(() => {
  session.user = null;
});

afterAll(async () => {
  const users = await prisma().user.findMany({ where: { email: { in: [...used.emails] } } });
  const teams = await prisma().team.findMany({
    where: { members: { some: { userId: { in: users.map((u) => u.id) } } } },
    include: { apps: true, members: { where: { role: "owner" } } },
  });
  for (const team of teams) {
    for (const app of team.apps) await deleteApp(team.members[0].userId, app.id, { confirmation: app.name });
  }
  await prisma().team.deleteMany({ where: { id: { in: teams.map((t) => t.id) } } });
  await prisma().user.deleteMany({ where: { id: { in: users.map((u) => u.id) } } });
  const keys = [...[...used.emails].map((e) => `email:${e}`), ...[...used.ips].map((a) => `ip:${a}`)];
  await prisma().authThrottle.deleteMany({ where: { key: { in: keys } } });
});

describe("sign-up", () => {
  it("stores a bcrypt hash, never the password, and normalises the email", async () => {
    const address = email();
    const r = await registerUser(
      { email: `  ${address.toUpperCase()} `, password: "s3cret-pass", name: "  Ada " },
      undefined,
      AS_OPERATOR,
    );
    expect(r.ok).toBe(true);
    const row = await prisma().user.findUniqueOrThrow({ where: { email: address } });
    expect(row.name).toBe("Ada");
    expect(row.passwordHash).toMatch(/^\$2[aby]\$12\$/);
    expect(row.passwordHash).not.toContain("s3cret-pass");
  });

  it("rejects a duplicate email, whatever its case, with a clear message and creates nothing", async () => {
    const address = email();
    await registerUser({ email: address, password: "password-1" }, undefined, AS_OPERATOR);
    const before = await counts();
    const r = await registerUser({ email: address.toUpperCase(), password: "password-2" }, undefined, AS_OPERATOR);
    expect(r).toMatchObject({ ok: false, fieldErrors: { email: [DUPLICATE_EMAIL_MESSAGE] } });
    expect(await counts()).toEqual(before);
  });

  it("explains bad input field by field", async () => {
    const before = await counts();
    const r = await registerUser(
      { email: "not-an-email", password: "short", name: "x".repeat(65) },
      undefined,
      AS_OPERATOR,
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.fieldErrors.email).toEqual(["Enter a valid email address."]);
    expect(r.fieldErrors.password).toEqual(["Use at least 8 characters."]);
    expect(r.fieldErrors.name).toEqual(["Use at most 64 characters."]);
    expect(await counts()).toEqual(before);
  });
});

describe("sign-in and rate limiting", () => {
  it("accepts the right password and refuses a wrong one or an unknown email", async () => {
    const user = await newUser();
    expect(await checkCredentials({ email: user.email, password: "correct horse" }, null)).toEqual({
      ok: true,
      user: { id: user.id, email: user.email, name: user.name },
      sessionVersion: 0,
    });
    expect(await checkCredentials({ email: user.email, password: "wrong horse" }, null)).toEqual({
      ok: false,
      reason: "invalid",
    });
    expect(await checkCredentials({ email: email(), password: "correct horse" }, null)).toEqual({
      ok: false,
      reason: "invalid",
    });
  });

  it("locks an email for 15 minutes after 5 failures, even against the right password", async () => {
    const user = await newUser();
    const from = ip("10.0.0");
    for (let i = 0; i < 4; i++)
      expect(await checkCredentials({ email: user.email, password: "nope" }, from)).toMatchObject({
        reason: "invalid",
      });
    const fifth = await checkCredentials({ email: user.email, password: "nope" }, from);
    expect(fifth).toEqual({ ok: false, reason: "locked", retryAfterS: THROTTLE.lockS });
    const sixth = await checkCredentials({ email: user.email, password: "correct horse" }, from);
    expect(sixth).toMatchObject({ ok: false, reason: "locked" });
    expect(lockedMessage(THROTTLE.lockS)).toBe("Too many failed sign-in attempts. Try again in 15 minutes.");
  });

  it("locks an IP that fails across many emails, and only that IP", async () => {
    const user = await newUser();
    const from = ip("192.0.2");
    // The first failures are recorded directly (each real attempt costs a bcrypt hash).
    for (let i = 1; i < THROTTLE.maxFailures.ip; i++) await recordFailure([{ kind: "ip", value: from }]);
    expect(await checkCredentials({ email: email(), password: "guess" }, from)).toEqual({
      ok: false,
      reason: "locked",
      retryAfterS: THROTTLE.lockS,
    });
    expect(await checkCredentials({ email: user.email, password: "correct horse" }, from)).toMatchObject({
      reason: "locked",
    });
    expect(await checkCredentials({ email: user.email, password: "correct horse" }, ip("198.51.100"))).toMatchObject({
      ok: true,
    });
  });

  it("a burst of parallel wrong guesses gets no more password checks than the limit", async () => {
    const user = await newUser();
    passwordChecks.count = 0;
    const results = await Promise.all(
      Array.from({ length: 20 }, () => checkCredentials({ email: user.email, password: "nope" }, ip("203.0.113"))),
    );
    expect(passwordChecks.count).toBe(THROTTLE.maxFailures.email);
    // Attempts are counted before the check: the first 4 are wrong, the 5th is wrong and locks, the rest are
    // refused unchecked. Counted after the check, all 20 were checked before the first failure was recorded.
    expect(results.filter((r) => !r.ok && r.reason === "invalid")).toHaveLength(THROTTLE.maxFailures.email - 1);
    expect(results.filter((r) => !r.ok && r.reason === "locked")).toHaveLength(20 - THROTTLE.maxFailures.email + 1);
    expect(await checkCredentials({ email: user.email, password: "correct horse" }, ip("198.18.0"))).toMatchObject({
      reason: "locked",
    });
  });

  it("a success gives the IP back the attempt it was charged", async () => {
    const from = ip("100.64.0");
    for (let i = 0; i < 3; i++) {
      const user = await newUser();
      expect(await checkCredentials({ email: user.email, password: "correct horse" }, from)).toMatchObject({
        ok: true,
      });
    }
    const [row] = await prisma().authThrottle.findMany({ where: { key: `ip:${from}` } });
    expect(row?.failures ?? 0).toBe(0);
  });

  it("forgets failures older than the window", async () => {
    const key = { kind: "email" as const, value: email() };
    const longAgo = Math.floor(Date.now() / 1000) - THROTTLE.windowS - 60;
    for (let i = 0; i < 4; i++) await recordFailure([key], longAgo);
    expect(await recordFailure([key])).toBe(0);
    expect(await lockedForSeconds([key])).toBe(0);
  });
});

describe("creating apps", () => {
  it("creates the app and its environments in one go, with a lower-case UUID v4 client ID", async () => {
    const owner = await newUser();
    const app = await newApp(owner, { name: "  Payments API  ", environments: ["prod", "dev", "staging"] });
    expect(app.name).toBe("Payments API");
    expect(app.clientId).toMatch(UUID_V4);
    expect(app.environments.map((e) => [e.id, e.name])).toEqual([
      [1, "prod"],
      [2, "dev"],
      [3, "staging"],
    ]);
    expect(app.nextEnvId).toBe(4);
    expect((await getAppForUser(app.id, owner.id))?.environments).toHaveLength(3);
  });

  it.each([
    [{ name: "   " }, "name", "Give the app a name."],
    [{ name: "x".repeat(65) }, "name", "Use at most 64 characters."],
    [{ framework: "rails" }, "framework", "Choose a framework from the list."],
    [{ environments: [] }, "environments", "Add at least one environment."],
    [
      { environments: ["prod", "bad env"] },
      "environments",
      '"bad env" is not a valid environment name: use 1–32 letters, digits, "-" or "_".',
    ],
    [{ environments: ["x".repeat(33)] }, "environments", expect.stringContaining("is not a valid environment name")],
    [{ environments: ["prod", "prod"] }, "environments", '"prod" is listed twice.'],
    [{ environments: Array.from({ length: 21 }, (_, i) => `env${i}`) }, "environments", "Use at most 20 environments."],
  ])("rejects %j with a clear message and creates nothing", async (input, field, message) => {
    const owner = await newUser();
    const before = await counts();
    const r = await createApp(owner.id, await teamOf(owner.id), {
      name: "Valid",
      framework: "flask",
      environments: ["prod"],
      ...input,
    });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.fieldErrors[field]).toContainEqual(message);
    expect(await counts()).toEqual(before);
  });

  it("createAppAction redirects to the new app's setup page", async () => {
    session.user = await newUser();
    const digest = await thrownDigest(
      actions.createAppAction(
        {},
        form({ teamId: session.user.currentTeamId!, name: "Shop", framework: "express", environments: "prod, dev" }),
      ),
    );
    const app = await prisma().app.findFirstOrThrow({ where: { teamId: session.user.currentTeamId! } });
    expect(digest).toContain(`/apps/${app.id}/setup`);
    expect(app.framework).toBe("express");
  });

  it("createAppAction hands errors and the typed values back to the form", async () => {
    session.user = await newUser();
    const state = await actions.createAppAction(
      {},
      form({ teamId: session.user.currentTeamId!, name: "", framework: "express", environments: "prod,Bad!" }),
    );
    expect(state.fieldErrors?.name).toEqual(["Give the app a name."]);
    expect(state.fieldErrors?.environments?.[0]).toContain('"Bad!"');
    expect(state.values).toEqual({ name: "", framework: "express", environments: "prod,Bad!" });
    expect(await prisma().app.count({ where: { teamId: session.user.currentTeamId! } })).toBe(0);
  });
});

describe("renaming, environments and deleting", () => {
  it("renames an app and validates the new name", async () => {
    const owner = await newUser();
    const app = await newApp(owner);
    expect(await renameApp(owner.id, app.id, { name: " Billing " })).toEqual({ ok: true, value: { name: "Billing" } });
    expect(await renameApp(owner.id, app.id, { name: "" })).toMatchObject({
      ok: false,
      fieldErrors: { name: ["Give the app a name."] },
    });
    expect((await prisma().app.findUniqueOrThrow({ where: { id: app.id } })).name).toBe("Billing");
  });

  it("allocates environment ids from the app's counter and never reuses one", async () => {
    const owner = await newUser();
    const app = await newApp(owner);
    expect(await addEnvironment(owner.id, app.id, { name: "staging" })).toEqual({
      ok: true,
      value: { id: 3, name: "staging" },
    });
    expect(await addEnvironment(owner.id, app.id, { name: "staging" })).toMatchObject({
      ok: false,
      fieldErrors: { name: ['"staging" already exists.'] },
    });
    expect(await addEnvironment(owner.id, app.id, { name: "no spaces" })).toMatchObject({
      ok: false,
      fieldErrors: { name: [expect.stringContaining("not a valid")] },
    });
    expect(await removeEnvironment(owner.id, app.id, { envId: 3 })).toEqual({ ok: true, value: { name: "staging" } });
    expect(await addEnvironment(owner.id, app.id, { name: "qa" })).toEqual({ ok: true, value: { id: 4, name: "qa" } });
    const envs = await prisma().environment.findMany({ where: { appId: app.id }, orderBy: { id: "asc" } });
    expect(envs.map((e) => [e.id, e.name])).toEqual([
      [1, "prod"],
      [2, "dev"],
      [4, "qa"],
    ]);
    expect((await prisma().app.findUniqueOrThrow({ where: { id: app.id } })).nextEnvId).toBe(5);
    for (const envId of [3, 999, "x", "1; DROP TABLE"])
      expect(await thrownDigest(removeEnvironment(owner.id, app.id, { envId }))).toBe(NOT_FOUND);
  });

  it("keeps at least one environment", async () => {
    const owner = await newUser();
    const app = await newApp(owner, { environments: ["prod"] });
    expect(await removeEnvironment(owner.id, app.id, { envId: 1 })).toMatchObject({
      ok: false,
      fieldErrors: { environment: ["An app needs at least one environment."] },
    });
    expect(await prisma().environment.count({ where: { appId: app.id } })).toBe(1);
  });

  it("deletes only after the name is typed, and takes the app's data with it", async () => {
    const owner = await newUser();
    const app = await newApp(owner);
    const other = await newApp(owner, { name: "Other" });
    for (const id of [app.id, other.id]) {
      await prisma().instance.create({
        data: { appId: id, uuid: randomUUID(), envId: 1, firstSeen: 1, lastSyncAt: 1 },
      });
      await prisma().endpoint.create({ data: { appId: id, id: 1, method: "GET", path: "/items", firstSeen: 1 } });
      await sql().run(
        `INSERT INTO "RequestRollup" ("appId", "minute", "envId", "endpointId", "consumerId", "statusCode",
           "requestCount", "requestSizeSum", "responseSizeSum") VALUES (?, 1, 1, 1, 0, 200, 3, 0, 0)`,
        [id],
      );
    }
    expect(await deleteApp(owner.id, app.id, { confirmation: "payments api" })).toMatchObject({
      ok: false,
      fieldErrors: { confirmation: ["Type the app's name, Payments API, to confirm."] },
    });
    expect(await prisma().app.count({ where: { id: app.id } })).toBe(1);

    expect(await deleteApp(owner.id, app.id, { confirmation: "Payments API" })).toEqual({
      ok: true,
      value: { name: "Payments API" },
    });
    expect(await prisma().app.count({ where: { id: app.id } })).toBe(0);
    expect(await prisma().environment.count({ where: { appId: app.id } })).toBe(0);
    expect(await prisma().instance.count({ where: { appId: app.id } })).toBe(0);
    expect(await prisma().endpoint.count({ where: { appId: app.id } })).toBe(0);
    expect(await prisma().requestRollup.count({ where: { appId: app.id } })).toBe(0);
    // The owner's other app is untouched.
    expect(await prisma().instance.count({ where: { appId: other.id } })).toBe(1);
    expect(await prisma().requestRollup.count({ where: { appId: other.id } })).toBe(1);
  });
});

describe("deleting a large app", () => {
  it("goes in slices: another app's writes get their turn before it is done, and nothing of it is left", async () => {
    const owner = await newUser();
    const big = await newApp(owner, { name: "Big" });
    const other = await newApp(owner, { name: "Busy" });
    // 1,200 request rows in 30 minutes of rollups, deleted 100 rows at a time.
    for (let minute = 1; minute <= 30; minute++)
      for (let status = 200; status < 240; status++)
        await sql().run(
          `INSERT INTO "RequestRollup" ("appId", "minute", "envId", "endpointId", "consumerId", "statusCode",
             "requestCount", "requestSizeSum", "responseSizeSum") VALUES (?, ?, 1, 1, 0, ?, 1, 0, 0)`,
          [big.id, minute, status],
        );
    const order: string[] = [];
    const deletion = deleteAppData(big.id, 100).then(() => order.push("deletion"));
    // Started after the deletion: in one transaction it would wait for all of it (on SQLite's one writer).
    const write = sql()
      .tx((q) =>
        q.run(
          `INSERT INTO "RequestRollup" ("appId", "minute", "envId", "endpointId", "consumerId", "statusCode",
             "requestCount", "requestSizeSum", "responseSizeSum") VALUES (?, 1, 1, 1, 0, 200, 1, 0, 0)`,
          [other.id],
        ),
      )
      .then(() => order.push("other app's write"));
    await Promise.all([deletion, write]);
    expect(order).toEqual(["other app's write", "deletion"]);
    expect(await prisma().requestRollup.count({ where: { appId: big.id } })).toBe(0);
    expect(await prisma().app.count({ where: { id: big.id } })).toBe(0);
    expect(await prisma().requestRollup.count({ where: { appId: other.id } })).toBe(1);
  });
});

describe("authorisation: another user's app is a 404 and stays as it was", () => {
  it("through lib/apps", async () => {
    const owner = await newUser();
    const intruder = await newUser();
    const app = await newApp(owner);
    expect(await getAppForUser(app.id, intruder.id)).toBeNull();
    expect(await thrownDigest(renameApp(intruder.id, app.id, { name: "Hacked" }))).toBe(NOT_FOUND);
    expect(await thrownDigest(addEnvironment(intruder.id, app.id, { name: "evil" }))).toBe(NOT_FOUND);
    expect(await thrownDigest(removeEnvironment(intruder.id, app.id, { envId: 1 }))).toBe(NOT_FOUND);
    expect(await thrownDigest(deleteApp(intruder.id, app.id, { confirmation: app.name }))).toBe(NOT_FOUND);
    const after = await prisma().app.findUniqueOrThrow({ where: { id: app.id }, include: { environments: true } });
    expect(after.name).toBe("Payments API");
    expect(after.environments).toHaveLength(2);
  });

  it("through the server actions", async () => {
    const owner = await newUser();
    const app = await newApp(owner);
    session.user = await newUser();
    const appId = app.id;
    expect(await thrownDigest(actions.renameAppAction({}, form({ appId, name: "Hacked" })))).toBe(NOT_FOUND);
    expect(await thrownDigest(actions.deleteAppAction({}, form({ appId, confirmation: app.name })))).toBe(NOT_FOUND);
    expect(await thrownDigest(actions.editEnvironmentsAction({}, form({ appId, intent: "add", name: "evil" })))).toBe(
      NOT_FOUND,
    );
    expect(await thrownDigest(actions.editEnvironmentsAction({}, form({ appId, intent: "remove", envId: 1 })))).toBe(
      NOT_FOUND,
    );
    expect(await thrownDigest(actions.renameAppAction({}, form({ appId: "1 OR 1=1", name: "Hacked" })))).toBe(
      NOT_FOUND,
    );
    const after = await prisma().app.findUniqueOrThrow({ where: { id: app.id }, include: { environments: true } });
    expect(after.name).toBe("Payments API");
    expect(after.environments).toHaveLength(2);

    // The owner, through the same actions, can.
    session.user = owner;
    expect(await actions.editEnvironmentsAction({}, form({ appId, intent: "add", name: "qa" }))).toEqual({
      ok: true,
      message: 'Added "qa".',
    });
    expect(await actions.editEnvironmentsAction({}, form({ appId, intent: "remove", envId: 3 }))).toEqual({
      ok: true,
      message: 'Removed "qa".',
    });
    expect(await actions.renameAppAction({}, form({ appId, name: "Billing" }))).toMatchObject({ ok: true });
    expect(await thrownDigest(actions.deleteAppAction({}, form({ appId, confirmation: "Billing" })))).toContain(
      "/apps",
    );
    expect(await prisma().app.count({ where: { id: app.id } })).toBe(0);
  });

  it("for pages: requireApp and the route param parser", async () => {
    const owner = await newUser();
    const app = await newApp(owner);
    session.user = await newUser();
    expect(await thrownDigest(requireApp({ appId: String(app.id) }))).toBe(NOT_FOUND);
    session.user = owner;
    expect((await requireApp(Promise.resolve({ appId: String(app.id) }))).app.id).toBe(app.id);
    for (const bad of ["abc", "0", "-1", "1.5", "1e3", "", "99999999999"]) {
      expect(() => parseAppId(bad)).toThrow(expect.objectContaining({ digest: NOT_FOUND }));
    }
  });
});
