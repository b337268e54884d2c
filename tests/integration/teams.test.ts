// Teams and access through the code the pages use (lib/teams, lib/auth, the guards), on both databases: the
// sign-up policy, invitations (expired, reused, revoked, wrong account), the last-owner rules, what each role may
// change, deleting a team, and credential rotation with its grace period.
import { randomUUID } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { hashSecret } from "@/lib/auth/tokens";
import { prisma, sql } from "@/lib/db";
import { appIdByClientId, appIdByWriteToken } from "@/lib/store/apps";
import type { Role } from "@/lib/teams/roles";
import { addMember, createApp, createUser } from "../helpers/factory";

// The sign-up policy and grace period are settings; each test says which it runs under.
const overrides: Record<string, unknown> = {};
vi.mock("@/lib/settings", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/lib/settings")>();
  return { ...real, settings: () => ({ ...real.settings(), ...overrides }) };
});
vi.mock("@/lib/auth/session", () => import("../helpers/fake-session"));
vi.mock("next/cache", () => ({ revalidatePath: () => {}, refresh: () => {} }));

const { registerUser, SIGNUP_MESSAGES } = await import("@/lib/auth/users");
const { createInvitation, revokeInvitation, acceptInvitation, lookUpInvitation, INVITATION_MESSAGES } =
  await import("@/lib/teams/invitations");
const { changeMemberRole, removeMember, leaveTeam, LAST_OWNER_MESSAGE } = await import("@/lib/teams/members");
const { createTeam, deleteTeam, renameTeam } = await import("@/lib/teams/teams");
const { deleteAccount, changePassword } = await import("@/lib/auth/account");
const { renameConsumer } = await import("@/lib/consumers/rename");
const { renameApp } = await import("@/lib/apps/rename");
const { createApp: createAppAction } = await import("@/lib/apps/create");
const { rotateCredential } = await import("@/lib/apps/rotate");
const { getAppForUser } = await import("@/lib/apps/access");
const { hashPassword } = await import("@/lib/auth/password");

const email = () => `t-${randomUUID().slice(0, 8)}@example.com`;
const PASSWORD = "correct horse battery";

beforeEach(() => {
  for (const k of Object.keys(overrides)) delete overrides[k];
});

/** A team with an owner and one member of each other role. */
async function teamWithRoles() {
  const owner = await createUser();
  const teamId = owner.id;
  const people = { owner } as Record<Role, Awaited<ReturnType<typeof createUser>>>;
  for (const role of ["admin", "member", "viewer"] as const) {
    people[role] = await createUser();
    await addMember(teamId, people[role].id, role);
  }
  const stranger = await createUser();
  return { teamId, people, stranger };
}

async function invite(teamId: string, ownerId: string, to: string, role: "admin" | "member" | "viewer" = "member") {
  const r = await createInvitation(ownerId, teamId, { email: to, role });
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r.value.path.split("/").at(-1)!;
}

describe("sign-up policy", () => {
  it("invite (the default): no account without an invitation; with one, the person joins that team only", async () => {
    overrides.TALLYHUB_SIGNUP = "invite";
    const owner = await createUser(); // not the first account, which may always be made
    const before = await prisma().user.count();
    expect(await registerUser({ email: email(), password: PASSWORD })).toEqual({
      ok: false,
      fieldErrors: {},
      message: SIGNUP_MESSAGES.invite,
    });
    expect(await prisma().user.count()).toBe(before);

    const to = email();
    const token = await invite(owner.id, owner.id, to, "viewer");
    const r = await registerUser({ email: to, password: PASSWORD }, token);
    expect(r.ok).toBe(true);
    const user = await prisma().user.findUniqueOrThrow({
      where: { email: to },
      include: { memberships: true },
    });
    expect(user.memberships.map((m) => [m.teamId, m.role])).toEqual([[owner.id, "viewer"]]);
    expect(user.currentTeamId).toBe(owner.id);
    expect(user.isAdmin).toBe(false);
  });

  it("open: anyone gets an account and a personal team they own", async () => {
    overrides.TALLYHUB_SIGNUP = "open";
    const to = email();
    const r = await registerUser({ email: to, password: PASSWORD, name: "Grace" });
    expect(r.ok).toBe(true);
    const user = await prisma().user.findUniqueOrThrow({ where: { email: to }, include: { memberships: true } });
    expect(user.memberships).toHaveLength(1);
    expect(user.memberships[0].role).toBe("owner");
    expect((await prisma().team.findUniqueOrThrow({ where: { id: user.memberships[0].teamId } })).name).toBe(
      "Grace's team",
    );
  });

  it("closed: nobody, not even with an invitation", async () => {
    const owner = await createUser();
    const to = email();
    const token = await invite(owner.id, owner.id, to);
    overrides.TALLYHUB_SIGNUP = "closed";
    expect(await registerUser({ email: to, password: PASSWORD }, token)).toMatchObject({
      ok: false,
      message: SIGNUP_MESSAGES.closed,
    });
    expect(await prisma().user.findUnique({ where: { email: to } })).toBeNull();
    // The invitation is still there for when sign-up opens.
    expect((await lookUpInvitation(token)).status).toBe("valid");
  });
});

describe("invitations", () => {
  it("are stored as a hash only, single use, and refuse another account's address", async () => {
    const owner = await createUser();
    const to = email();
    const token = await invite(owner.id, owner.id, to, "admin");
    const row = await prisma().invitation.findFirstOrThrow({ where: { teamId: owner.id, email: to } });
    expect(row.tokenHash).toBe(hashSecret(token));
    expect(JSON.stringify(row)).not.toContain(token);

    const other = await createUser();
    expect(await acceptInvitation(other, token)).toMatchObject({
      ok: false,
      message: INVITATION_MESSAGES.wrongAccount(to),
    });
    const invited = await createUser(to);
    expect(await acceptInvitation(invited, token)).toEqual({
      ok: true,
      value: { teamId: owner.id, teamName: `${owner.email}'s team`, role: "admin" },
    });
    expect(await acceptInvitation(invited, token)).toMatchObject({ ok: false, message: INVITATION_MESSAGES.used });
    expect(await prisma().membership.count({ where: { teamId: owner.id, userId: other.id } })).toBe(0);
  });

  it("expire, can be revoked, and unknown links say so", async () => {
    const owner = await createUser();
    const to = email();
    const invited = await createUser(to);
    const token = await invite(owner.id, owner.id, to);
    await prisma().invitation.updateMany({
      where: { teamId: owner.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect(await acceptInvitation(invited, token)).toMatchObject({ ok: false, message: INVITATION_MESSAGES.expired });

    const token2 = await invite(owner.id, owner.id, to);
    const inv = await prisma().invitation.findFirstOrThrow({ where: { teamId: owner.id, acceptedAt: null } });
    expect(await revokeInvitation(owner.id, owner.id, { invitationId: inv.id })).toMatchObject({ ok: true });
    expect(await acceptInvitation(invited, token2)).toMatchObject({ ok: false, message: INVITATION_MESSAGES.unknown });
    expect(await acceptInvitation(invited, "x".repeat(43))).toMatchObject({
      ok: false,
      message: INVITATION_MESSAGES.unknown,
    });
    expect(await prisma().membership.count({ where: { teamId: owner.id, userId: invited.id } })).toBe(0);
  });

  it("only owners invite, and nobody is invited twice into a team they are in", async () => {
    const { teamId, people } = await teamWithRoles();
    for (const role of ["admin", "member", "viewer"] as const) {
      expect(await createInvitation(people[role].id, teamId, { email: email(), role: "member" })).toMatchObject({
        ok: false,
        message: expect.stringContaining("needs Owner"),
      });
    }
    expect(
      await createInvitation(people.owner.id, teamId, { email: people.member.email, role: "admin" }),
    ).toMatchObject({
      ok: false,
      fieldErrors: { email: [`${people.member.email} is already in this team.`] },
    });
    expect(await createInvitation(people.owner.id, teamId, { email: email(), role: "owner" })).toMatchObject({
      ok: false,
      fieldErrors: { role: [expect.stringContaining("Invite as viewer, member or admin")] },
    });
  });
});

describe("the last owner", () => {
  it("can be neither demoted, removed, nor leave; with a second owner all three work", async () => {
    const { teamId, people } = await teamWithRoles();
    const owner = people.owner.id;
    const refused = { ok: false, message: LAST_OWNER_MESSAGE };
    expect(await changeMemberRole(owner, teamId, { userId: owner, role: "admin" })).toMatchObject(refused);
    expect(await removeMember(owner, teamId, { userId: owner })).toMatchObject(refused);
    expect(await leaveTeam(owner, teamId, {})).toMatchObject(refused);

    expect(await changeMemberRole(owner, teamId, { userId: people.admin.id, role: "owner" })).toMatchObject({
      ok: true,
    });
    expect(await changeMemberRole(owner, teamId, { userId: owner, role: "viewer" })).toMatchObject({ ok: true });
    // Now a viewer: they can no longer change roles.
    expect(await changeMemberRole(owner, teamId, { userId: people.member.id, role: "admin" })).toMatchObject({
      ok: false,
      message: expect.stringContaining("needs Owner"),
    });
    expect(await leaveTeam(owner, teamId, {})).toMatchObject({ ok: true });
    expect(await getAppForUser((await createApp({ teamId })).id, owner)).toBeNull();
  });

  it("cannot delete their account while the team has apps; a lone user with an empty team can", async () => {
    const owner = await prisma().user.update({
      where: { id: (await createUser()).id },
      data: { passwordHash: await hashPassword(PASSWORD) },
    });
    await createApp({ teamId: owner.id });
    expect(await deleteAccount(owner.id, { currentPassword: "wrong password" })).toMatchObject({
      ok: false,
      fieldErrors: { currentPassword: ["That is not your current password."] },
    });
    expect(await deleteAccount(owner.id, { currentPassword: PASSWORD })).toMatchObject({
      ok: false,
      message: expect.stringContaining("You are the only owner of"),
    });
    expect(await prisma().user.count({ where: { id: owner.id } })).toBe(1);

    const loner = await prisma().user.update({
      where: { id: (await createUser()).id },
      data: { passwordHash: await hashPassword(PASSWORD) },
    });
    expect(await deleteAccount(loner.id, { currentPassword: PASSWORD })).toEqual({ ok: true, value: {} });
    expect(await prisma().user.count({ where: { id: loner.id } })).toBe(0);
    expect(await prisma().team.count({ where: { id: loner.id } })).toBe(0);
  });
});

describe("what each role may change", () => {
  it("viewers read, members edit consumers, admins configure apps, owners run the team", async () => {
    const { teamId, people, stranger } = await teamWithRoles();
    const app = await createApp({ teamId });
    await sql().run(
      `INSERT INTO "Consumer" ("appId", "id", "identifier", "firstSeen", "lastSeen") VALUES (?, 1, 'acme', 0, 0)`,
      [app.id],
    );
    const allowed = async (role: Role | "stranger") => {
      const id = role === "stranger" ? stranger.id : people[role].id;
      const attempt = async (p: Promise<{ ok: boolean }>) => {
        try {
          return (await p).ok;
        } catch (e) {
          return (e as { digest?: string }).digest?.startsWith("NEXT_HTTP_ERROR_FALLBACK;404")
            ? "404"
            : Promise.reject(e);
        }
      };
      return {
        see: Boolean(await getAppForUser(app.id, id)),
        renameConsumer: await attempt(renameConsumer(id, app.id, { consumerId: 1, name: `by ${role}` })),
        renameApp: await attempt(renameApp(id, app.id, { name: `by ${role}` })),
        createApp: await attempt(
          createAppAction(id, teamId, { name: "x", framework: "flask", environments: ["prod"] }),
        ),
        renameTeam: await attempt(renameTeam(id, teamId, { name: `by ${role}` })),
      };
    };
    expect(await allowed("viewer")).toEqual({
      see: true,
      renameConsumer: false,
      renameApp: false,
      createApp: false,
      renameTeam: false,
    });
    expect(await allowed("member")).toEqual({
      see: true,
      renameConsumer: true,
      renameApp: false,
      createApp: false,
      renameTeam: false,
    });
    expect(await allowed("admin")).toEqual({
      see: true,
      renameConsumer: true,
      renameApp: true,
      createApp: true,
      renameTeam: false,
    });
    expect(await allowed("owner")).toEqual({
      see: true,
      renameConsumer: true,
      renameApp: true,
      createApp: true,
      renameTeam: true,
    });
    expect(await allowed("stranger")).toEqual({
      see: false,
      renameConsumer: "404",
      renameApp: "404",
      createApp: "404",
      renameTeam: "404",
    });
  });
});

describe("teams", () => {
  it("a new team makes its creator owner; deleting one takes its apps and all their rows with it", async () => {
    const user = await createUser();
    const made = await createTeam(user.id, { name: "  Platform  " });
    if (!made.ok) throw new Error(JSON.stringify(made));
    expect(made.value.name).toBe("Platform");
    expect((await prisma().user.findUniqueOrThrow({ where: { id: user.id } })).currentTeamId).toBe(made.value.id);
    const app = await createApp({ teamId: made.value.id });
    await sql().run(
      `INSERT INTO "Consumer" ("appId", "id", "identifier", "firstSeen", "lastSeen") VALUES (?, 1, 'acme', 0, 0)`,
      [app.id],
    );
    expect(await deleteTeam(user.id, made.value.id, { confirmation: "platform" })).toMatchObject({
      ok: false,
      fieldErrors: { confirmation: ["Type the team's name, Platform, to confirm."] },
    });
    expect(await deleteTeam(user.id, made.value.id, { confirmation: "Platform" })).toMatchObject({ ok: true });
    expect(await prisma().app.count({ where: { id: app.id } })).toBe(0);
    expect(await sql().all(`SELECT 1 FROM "Consumer" WHERE "appId" = ?`, [app.id])).toEqual([]);
    expect(await prisma().membership.count({ where: { teamId: made.value.id } })).toBe(0);
  });
});

describe("sessions", () => {
  it("a password change needs the current password and bumps the session version", async () => {
    const user = await prisma().user.update({
      where: { id: (await createUser()).id },
      data: { passwordHash: await hashPassword(PASSWORD) },
    });
    expect(await changePassword(user.id, { currentPassword: "nope", newPassword: "another pass" })).toMatchObject({
      ok: false,
      fieldErrors: { currentPassword: ["That is not your current password."] },
    });
    expect((await prisma().user.findUniqueOrThrow({ where: { id: user.id } })).sessionVersion).toBe(0);
    expect(await changePassword(user.id, { currentPassword: PASSWORD, newPassword: "another pass" })).toMatchObject({
      ok: true,
    });
    expect((await prisma().user.findUniqueOrThrow({ where: { id: user.id } })).sessionVersion).toBe(1);
  });
});

describe("credential rotation", () => {
  afterEach(() => vi.useRealTimers());

  it("accepts both client IDs and write tokens during the grace period, then only the new ones", async () => {
    overrides.TALLYHUB_ROTATION_GRACE_HOURS = 24;
    const owner = await createUser();
    const app = await createApp({ ownerId: owner.id });
    const nowS = Math.floor(Date.now() / 1000);
    for (const credential of ["clientId", "writeToken"] as const) {
      expect(await rotateCredential(owner.id, app.id, { credential }, nowS)).toEqual({
        ok: true,
        value: { credential, until: nowS + 86_400 },
      });
    }
    const rotated = await prisma().app.findUniqueOrThrow({ where: { id: app.id } });
    expect(rotated.clientId).not.toBe(app.clientId);
    expect(rotated.writeToken).not.toBe(app.writeToken);
    for (const id of [app.clientId, rotated.clientId]) expect(await appIdByClientId(id)).toBe(app.id);
    for (const t of [app.writeToken!, rotated.writeToken!]) expect(await appIdByWriteToken(t)).toBe(app.id);

    // The grace period ends.
    await prisma().app.update({
      where: { id: app.id },
      data: { previousClientIdUntil: nowS - 1, previousWriteTokenUntil: nowS - 1 },
    });
    expect(await appIdByClientId(app.clientId)).toBeNull();
    expect(await appIdByWriteToken(app.writeToken!)).toBeNull();
    expect(await appIdByClientId(rotated.clientId)).toBe(app.id);
  });

  it("is for admins and owners only", async () => {
    const { teamId, people } = await teamWithRoles();
    const app = await createApp({ teamId });
    expect(await rotateCredential(people.member.id, app.id, { credential: "clientId" })).toMatchObject({ ok: false });
    expect((await prisma().app.findUniqueOrThrow({ where: { id: app.id } })).clientId).toBe(app.clientId);
    expect(await rotateCredential(people.admin.id, app.id, { credential: "bogus" })).toMatchObject({
      ok: false,
      fieldErrors: { credential: ["Choose the client ID or the write token."] },
    });
  });
});
