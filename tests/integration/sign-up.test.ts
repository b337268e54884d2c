// Sign-up through the form's server action and lib/auth/sign-up.ts, on both databases: with open sign-up a taken
// address gets the same answer as a new one (its owner an email), sign-ups per client address are limited, and
// the first account and invitations are neither hidden nor counted.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { PEER_HEADER } from "@/lib/auth/client-address";
import { prisma } from "@/lib/db";
import { createUser } from "../helpers/factory";
import { startSmtp } from "../helpers/smtp";

const overrides: Record<string, unknown> = {};
vi.mock("@/lib/settings", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/lib/settings")>();
  return { ...real, settings: () => ({ ...real.settings(), ...overrides }) };
});
// The address the action reads, as scripts/server.mjs would hand it over.
const request = { peer: "198.51.100.60" };
vi.mock("next/headers", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next/headers")>()),
  headers: async () => new Headers({ [PEER_HEADER]: request.peer }),
}));

vi.mock("@/lib/auth/session", () => import("../helpers/fake-session"));
// next-auth itself does not load outside Next.js; an open sign-up never reaches its signIn anyway.
vi.mock("@/lib/auth/auth", () => ({
  signIn: () => Promise.reject(new Error("an open sign-up does not sign in")),
  signOut: () => Promise.reject(new Error("not here")),
  SignInBusy: class extends Error {},
  SignInLocked: class extends Error {},
}));
vi.mock("next-auth", () => ({ AuthError: class extends Error {} }));

const { signUpAction } = await import("@/lib/auth/actions");
const { signUp, SIGNED_UP_MESSAGE, signUpLimitMessage } = await import("@/lib/auth/sign-up");
const { registerUser } = await import("@/lib/auth/users");
const { createInvitation } = await import("@/lib/teams/invitations");
const { THROTTLE } = await import("@/lib/auth/throttle");

const PASSWORD = "correct horse battery";
const email = () => `s-${randomUUID().slice(0, 8)}@example.com`;
let n = 0;
/** A client address of its own per test, so their quotas do not meet. */
const newPeer = () => (request.peer = `198.51.100.${60 + n++}`);
const form = (fields: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.set(k, v);
  return f;
};
let smtp: Awaited<ReturnType<typeof startSmtp>>;
const mailTo = (to: string) => smtp.received.filter((m) => m.to.includes(to));

beforeAll(async () => {
  smtp = await startSmtp();
  await createUser(); // never the first account: that one may always be made, and signs in
});

beforeEach(() => {
  for (const k of Object.keys(overrides)) delete overrides[k];
  Object.assign(overrides, { TALLYHUB_SIGNUP: "open", SMTP_URL: `smtp://127.0.0.1:${smtp.port}` });
  newPeer();
});

afterAll(async () => {
  await smtp.close();
  await prisma().authThrottle.deleteMany({ where: { key: { startsWith: "signup" } } });
});

describe("open sign-up does not tell which addresses have accounts", () => {
  it("answers a taken address exactly as a new one, changes nothing of the account, and emails its owner", async () => {
    const taken = (await createUser(email())).email;
    const hashBefore = (await prisma().user.findUniqueOrThrow({ where: { email: taken } })).passwordHash;
    const fresh = email();

    const forTaken = await signUpAction({}, form({ email: taken, password: PASSWORD, name: "" }));
    const forFresh = await signUpAction({}, form({ email: fresh, password: PASSWORD, name: "" }));

    expect(forTaken).toEqual({ ok: true, message: SIGNED_UP_MESSAGE, values: { email: taken } });
    expect(forFresh).toEqual({ ok: true, message: SIGNED_UP_MESSAGE, values: { email: fresh } });
    expect((await prisma().user.findUniqueOrThrow({ where: { email: taken } })).passwordHash).toBe(hashBefore);
    expect(await prisma().user.count({ where: { email: fresh } })).toBe(1);

    // The owner's email is sent after the answer, not before it.
    await vi.waitFor(() => expect(mailTo(taken)).toHaveLength(1), { timeout: 10_000 });
    expect(mailTo(taken)[0].data).toContain("Someone tried to sign up to Tallyhub with your email address");
    expect(mailTo(fresh)).toEqual([]);
  });

  it("emails an address's owner at most once an hour, however often it is tried", async () => {
    const taken = (await createUser(email())).email;
    for (let i = 0; i < 3; i++) {
      newPeer();
      expect(await signUpAction({}, form({ email: taken, password: PASSWORD }))).toMatchObject({ ok: true });
    }
    await vi.waitFor(() => expect(mailTo(taken)).toHaveLength(1), { timeout: 10_000 });
    // Later attempts find the hour's notice used: nothing more is queued behind the first.
    await new Promise((r) => setTimeout(r, 500));
    expect(mailTo(taken)).toHaveLength(1);
  });

  it("keeps telling bad input field by field: that says nothing about accounts", async () => {
    const state = await signUpAction({}, form({ email: "nope", password: "short" }));
    expect(state.fieldErrors).toMatchObject({
      email: ["Enter a valid email address."],
      password: ["Use at least 8 characters."],
    });
  });
});

describe("sign-ups per client address", () => {
  it("refuses past TALLYHUB_SIGNUPS_PER_HOUR from one address with a clear message, other addresses go on", async () => {
    overrides.TALLYHUB_SIGNUPS_PER_HOUR = 2;
    for (let i = 0; i < 2; i++)
      expect(await signUpAction({}, form({ email: email(), password: PASSWORD }))).toMatchObject({ ok: true });
    const third = email();
    const refused = await signUpAction({}, form({ email: third, password: PASSWORD }));
    expect(refused).toMatchObject({ message: signUpLimitMessage(THROTTLE.quotaWindowS) });
    expect(refused.message).toBe("Too many sign-ups from your network. Try again in 60 minutes.");
    expect(await prisma().user.count({ where: { email: third } })).toBe(0);

    newPeer();
    expect(await signUpAction({}, form({ email: third, password: PASSWORD }))).toMatchObject({ ok: true });
    expect(await prisma().user.count({ where: { email: third } })).toBe(1);
  });

  it("counts a taken address like a new one", async () => {
    overrides.TALLYHUB_SIGNUPS_PER_HOUR = 1;
    const taken = (await createUser(email())).email;
    expect(await signUpAction({}, form({ email: taken, password: PASSWORD }))).toMatchObject({ ok: true });
    expect(await signUpAction({}, form({ email: email(), password: PASSWORD }))).toMatchObject({
      message: expect.stringContaining("Too many sign-ups"),
    });
  });

  it("does not count sign-ups through an invitation, which sign straight in", async () => {
    overrides.TALLYHUB_SIGNUPS_PER_HOUR = 1;
    const peer = request.peer;
    expect(await signUp({ email: email(), password: PASSWORD }, undefined, peer)).toMatchObject({ ok: true });
    const owner = await createUser(email());
    const to = email();
    const invitation = await createInvitation(owner.id, owner.id, { email: to, role: "member" });
    if (!invitation.ok) throw new Error(JSON.stringify(invitation));
    const token = invitation.value.path.split("/").at(-1)!;
    expect(await signUp({ email: to, password: PASSWORD }, token, peer)).toEqual({
      ok: true,
      value: { email: to, signInNow: true },
    });
  });
});

describe("operators and other policies", () => {
  it("still get the plain duplicate message from registerUser (the seeder, the command line)", async () => {
    const taken = (await createUser(email())).email;
    expect(await registerUser({ email: taken, password: PASSWORD }, undefined, { asOperator: true })).toMatchObject({
      ok: false,
      fieldErrors: { email: [expect.stringContaining("already exists")] },
    });
  });

  it("invite-only sign-up refuses before looking at the address, the same for a taken and a new one", async () => {
    overrides.TALLYHUB_SIGNUP = "invite";
    const taken = (await createUser(email())).email;
    const forTaken = await signUpAction({}, form({ email: taken, password: PASSWORD }));
    const forFresh = await signUpAction({}, form({ email: "x" + taken, password: PASSWORD }));
    expect(forTaken.message).toContain("by invitation");
    expect({ ...forTaken, values: null }).toEqual({ ...forFresh, values: null });
  });
});
