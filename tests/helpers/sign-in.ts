// A user with a password, signed in over HTTP through next-auth's credentials callback, for
// the tests that call the JSON routes as a browser would.
import { randomUUID } from "node:crypto";
import { inject } from "vitest";
import { hashPassword } from "@/lib/auth/password";
import { prisma } from "@/lib/db";

const PASSWORD = "correct horse battery";

export async function userWithPassword() {
  const email = `route-${randomUUID().slice(0, 8)}@example.com`;
  return prisma().user.create({ data: { email, passwordHash: await hashPassword(PASSWORD) } });
}

/** Signs in and returns the session cookie. */
export async function signIn(email: string): Promise<string> {
  const base = inject("baseUrl");
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const csrfCookie = csrf.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const r = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookie },
    body: new URLSearchParams({ email, password: PASSWORD, csrfToken, callbackUrl: "/apps" }),
  });
  const session = r.headers.getSetCookie().find((c) => /session-token=/.test(c));
  if (!session) throw new Error(`sign-in failed (${r.status})`);
  return session.split(";")[0];
}

/** GET a path of the test server, as the signed-in user of `cookie` (or signed out). */
export const getAs = (path: string, cookie?: string) =>
  fetch(`${inject("baseUrl")}${path}`, { headers: cookie ? { cookie } : {} });
