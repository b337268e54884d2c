// A sign-in the password threads have no room for, over real HTTP: refused before next-auth runs (scripts/server.mjs
// answers the credentials callback's post with 503 + Retry-After; the form's server action answers with its busy
// message) and before anything is written. A server of its own with one password thread and no queue, held
// busy by one slow password check, so the refusal is certain rather than a matter of timing.
import type { ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { PASSWORDS_BUSY_MESSAGE } from "@/lib/auth/password";
import { prisma } from "@/lib/db";
import { formAt } from "../helpers/form-post";
import { PASSWORD, sessionCookie, signInAttempt, userWithPassword } from "../helpers/http-session";
import { freePort, startServer, stopServer } from "../helpers/stack";

// A bcrypt hash at cost 15 (a real one is 12): checking a password against it holds the one thread for seconds. It
// is nobody's password: a cost-4 hash with its cost raised, which bcrypt takes as any other hash.
const SLOW_HASH = "$2b$15$5.N4fFJt.hMYkjpSL1KuwutavoaD.ztFlx3pFJf58B7LeJlWgcyfq";
// TEST-NET-3: each attempt comes from an address of its own (the server trusts one proxy hop), so only the email's
// count can lock anything.
const NET = "203.0.113.";

let server: { baseUrl: string; proc: ChildProcess };
let slowEmail: string;
let n = 0;
// Slow checks still running: each test leaves the thread free for the next, whatever it asserted.
const slowChecks: Promise<unknown>[] = [];
const nextAddress = () => ({ "x-forwarded-for": `${NET}${++n % 250}` });

beforeAll(async () => {
  server = await startServer(
    {
      DATABASE_URL: inject("databaseUrl"),
      TALLYHUB_DATA_DIR: mkdtempSync(path.join(os.tmpdir(), "tallyhub-busy-")),
      AUTH_SECRET: "one-password-thread-and-no-queue",
      TALLYHUB_PASSWORD_WORKERS: "1",
      TALLYHUB_PASSWORD_QUEUE: "0",
      TALLYHUB_TRUSTED_PROXY_HOPS: "1",
      // The sign-up that hashes and counts against the address's quota.
      TALLYHUB_SIGNUP: "open",
    },
    await freePort(),
  );
  const slow = await userWithPassword("slow");
  await prisma().user.update({ where: { id: slow.id }, data: { passwordHash: SLOW_HASH } });
  slowEmail = slow.email;
});

afterEach(() => Promise.allSettled(slowChecks.splice(0)));

afterAll(async () => {
  await stopServer(server.proc);
  await prisma().authThrottle.deleteMany({ where: { key: { startsWith: `ip:${NET}` } } });
});

async function attempt(email: string, password: string) {
  const r = await signInAttempt(email, password, { base: server.baseUrl, headers: nextAddress() });
  return {
    status: r.status,
    retryAfter: r.headers.get("retry-after"),
    body: await r.text(),
    session: sessionCookie(r),
    code: new URL(r.headers.get("location") ?? "/", server.baseUrl).searchParams.get("code"),
  };
}

// Either refusal: the early 503, or next-auth's own "busy" redirect (the code before the early refusal gave that).
const refused = (r: Awaited<ReturnType<typeof attempt>>) => r.status === 503 || r.code === "busy";

/**
 * Starts a check against the slow hash and resolves once it holds the one password thread. `held()` says it still
 * does: asked after an attempt, it shows the attempt met a full pool (else the test proves nothing).
 */
async function occupyPasswordThread() {
  for (;;) {
    let done = false;
    const check = attempt(slowEmail, "not the password").finally(() => (done = true));
    slowChecks.push(check);
    while (!done) {
      // The probe and the slow check are the only attempts in flight: a refused probe means the slow check holds
      // the thread. A probe that got through held it itself for a moment, and the slow check may have been refused.
      const probe = await attempt(`probe-${randomUUID().slice(0, 8)}@example.com`, "wrong guess");
      if (refused(probe)) return { held: () => !done };
    }
    await check;
  }
}

describe("sign-in with the password threads full", () => {
  it("the credentials callback answers 503 busy with Retry-After at once and writes nothing", async () => {
    const user = await userWithPassword("busy-http");
    const slow = await occupyPasswordThread();
    const rowsBefore = await prisma().authThrottle.count();
    const r = await attempt(user.email, PASSWORD);
    expect(slow.held()).toBe(true);
    expect({ status: r.status, retryAfter: r.retryAfter, body: r.body }).toEqual({
      status: 503,
      retryAfter: "5",
      body: PASSWORDS_BUSY_MESSAGE,
    });
    expect(await prisma().authThrottle.count()).toBe(rowsBefore);
  });

  it("the sign-in form, posted without JavaScript, shows the busy message and writes nothing", async () => {
    const user = await userWithPassword("busy-form");
    const form = await formAt(server.baseUrl, "/signin");
    const slow = await occupyPasswordThread();
    const rowsBefore = await prisma().authThrottle.count();
    const r = await form.post({ email: user.email, password: PASSWORD }, nextAddress());
    const html = await r.text();
    expect(slow.held()).toBe(true);
    expect({ status: r.status, location: r.headers.get("location") }).toEqual({ status: 200, location: null });
    expect(html).toContain(PASSWORDS_BUSY_MESSAGE);
    expect(await prisma().authThrottle.count()).toBe(rowsBefore);
  });

  it("the sign-up form, posted without JavaScript, shows the busy message and creates and counts nothing", async () => {
    const email = `busy-signup-${randomUUID().slice(0, 8)}@example.com`;
    const form = await formAt(server.baseUrl, "/signup");
    const slow = await occupyPasswordThread();
    const rowsBefore = await prisma().authThrottle.count();
    const r = await form.post({ email, name: "Busy", password: PASSWORD }, nextAddress());
    const html = await r.text();
    expect(slow.held()).toBe(true);
    expect({ status: r.status, location: r.headers.get("location") }).toEqual({ status: 200, location: null });
    expect(html).toContain(PASSWORDS_BUSY_MESSAGE);
    expect(await prisma().authThrottle.count()).toBe(rowsBefore);
    expect(await prisma().user.count({ where: { email } })).toBe(0);
  });

  it("within capacity a sign-in still works, and wrong passwords still lock the account", async () => {
    const user = await userWithPassword("busy-capacity");
    expect((await attempt(user.email, PASSWORD)).session).toMatch(/session-token=/);
    const codes: (string | null)[] = [];
    for (let i = 0; i < 5; i++) codes.push((await attempt(user.email, "wrong guess")).code);
    expect(codes).toEqual([
      "wrong_credentials",
      "wrong_credentials",
      "wrong_credentials",
      "wrong_credentials",
      "locked:900",
    ]);
    expect((await attempt(user.email, PASSWORD)).code).toMatch(/^locked:/);
  });
});
