// Past the password threads' queue, sign-in and sign-up answer "busy" at once (lib/auth/password.ts): nothing is
// created, and the unchecked attempt counts against neither the email nor the address; it is refused before the
// throttle is asked, so it writes nothing at all (no AuthThrottle row). One thread, no queue.
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it, vi } from "vitest";
import { prisma } from "@/lib/db";
import { createUser } from "../helpers/factory";

vi.mock("@/lib/settings", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/lib/settings")>();
  const overrides = { TALLYHUB_PASSWORD_WORKERS: 1, TALLYHUB_PASSWORD_QUEUE: 0, TALLYHUB_SIGNUP: "open" };
  return { ...real, settings: () => ({ ...real.settings(), ...overrides }) };
});

vi.mock("@/lib/auth/session", () => import("../helpers/fake-session"));

const { hashPassword, PASSWORDS_BUSY_MESSAGE } = await import("@/lib/auth/password");
const { checkCredentials } = await import("@/lib/auth/credentials");
const { signUp } = await import("@/lib/auth/sign-up");

const PASSWORD = "correct horse battery";
const IP = "198.51.100.90";
const failures = async (key: string) => (await prisma().authThrottle.findUnique({ where: { key } }))?.failures ?? 0;
const throttleRows = () => prisma().authThrottle.count();

afterAll(() => prisma().authThrottle.deleteMany({ where: { key: { endsWith: IP } } }));

async function userWithPassword() {
  const user = await createUser(`busy-${randomUUID().slice(0, 8)}@example.com`);
  return prisma().user.update({ where: { id: user.id }, data: { passwordHash: await hashPassword(PASSWORD) } });
}

describe("password threads busy", () => {
  it("a sign-in gets 'busy' without its password checked or held against it, then works once a thread is free", async () => {
    await createUser(); // sign-up is not the first account's
    const user = await userWithPassword();
    const occupying = hashPassword("keeps the one thread busy");
    const rowsBefore = await throttleRows();
    expect(await checkCredentials({ email: user.email, password: "wrong guess" }, IP)).toEqual({
      ok: false,
      reason: "busy",
    });
    expect(await throttleRows()).toBe(rowsBefore);
    expect(await failures(`email:${user.email}`)).toBe(0);
    expect(await failures(`ip:${IP}`)).toBe(0);
    await occupying;
    expect(await checkCredentials({ email: user.email, password: PASSWORD }, IP)).toMatchObject({ ok: true });
  });

  it("a sign-up gets the busy message and creates and counts nothing (not even against the address's quota)", async () => {
    const to = `busy-${randomUUID().slice(0, 8)}@example.com`;
    const occupying = hashPassword("keeps the one thread busy");
    const rowsBefore = await throttleRows();
    expect(await signUp({ email: to, password: PASSWORD }, undefined, IP)).toEqual({
      ok: false,
      fieldErrors: {},
      message: PASSWORDS_BUSY_MESSAGE,
    });
    expect(await prisma().user.count({ where: { email: to } })).toBe(0);
    expect(await throttleRows()).toBe(rowsBefore);
    await occupying;
    expect(await signUp({ email: to, password: PASSWORD }, undefined, IP)).toMatchObject({ ok: true });
  });
});
