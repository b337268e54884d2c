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

/** Signs in through next-auth's credentials callback and returns the session cookie. */
export async function signIn(email: string, password = PASSWORD): Promise<string> {
  const csrf = await fetch(`${base()}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const csrfCookie = csrf.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const r = await fetch(`${base()}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookie },
    body: new URLSearchParams({ email, password, csrfToken, callbackUrl: "/apps" }),
  });
  const session = r.headers.getSetCookie().find((c) => /session-token=/.test(c));
  if (!session) throw new Error(`sign-in failed (${r.status})`);
  return session.split(";")[0];
}

/** A GET as the holder of the cookie (or signed out), without following redirects. */
export const get = (path: string, cookie?: string) =>
  fetch(`${base()}${path}`, { headers: cookie ? { cookie } : {}, redirect: "manual" });
