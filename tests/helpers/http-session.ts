// Signing in over HTTP, as a browser does, for tests that talk to `next start`.
import { randomUUID } from "node:crypto";
import { inject } from "vitest";
import { hashPassword } from "@/lib/auth/password";
import { prisma } from "@/lib/db";
import { createUser } from "./factory";

export const PASSWORD = "correct horse battery";
const base = () => inject("baseUrl");

/** A user (with a personal team, as the factory makes them) who can sign in with PASSWORD. */
export async function userWithPassword(prefix = "http") {
  const user = await createUser(`${prefix}-${randomUUID().slice(0, 8)}@example.com`);
  return prisma().user.update({ where: { id: user.id }, data: { passwordHash: await hashPassword(PASSWORD) } });
}

/** One sign-in attempt through next-auth's credentials callback, as a form post (`base`: another server). */
export async function signInAttempt(
  email: string,
  password: string,
  { base: url = base(), headers = {} }: { base?: string; headers?: Record<string, string> } = {},
): Promise<Response> {
  const csrf = await fetch(`${url}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const csrfCookie = csrf.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  return fetch(`${url}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookie, ...headers },
    body: new URLSearchParams({ email, password, csrfToken, callbackUrl: "/apps" }),
  });
}

/** The session cookie of a successful attempt, else null. */
export const sessionCookie = (r: Response) =>
  r.headers
    .getSetCookie()
    .find((c) => /session-token=/.test(c))
    ?.split(";")[0] ?? null;

/** Signs in through next-auth's credentials callback and returns the session cookie. */
export async function signIn(email: string, password = PASSWORD): Promise<string> {
  const r = await signInAttempt(email, password);
  const session = sessionCookie(r);
  if (!session) throw new Error(`sign-in failed (${r.status})`);
  return session;
}

/** A GET as the holder of the cookie (or signed out), without following redirects. */
export const get = (path: string, cookie?: string) =>
  fetch(`${base()}${path}`, { headers: cookie ? { cookie } : {}, redirect: "manual" });
