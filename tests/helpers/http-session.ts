// Signing in over HTTP, as a browser does, for tests that talk to `next start`.
import { randomUUID } from "node:crypto";
import { inject } from "vitest";
import { hashPassword } from "@/lib/auth/password";
import { prisma } from "@/lib/db";
import { createUser } from "./factory";
import { signInAttempt as attemptAt, sessionCookie, signInAt } from "./sign-in";

export const PASSWORD = "correct horse battery";
const base = () => inject("baseUrl");

/** A user (with a personal team, as the factory makes them) who can sign in with PASSWORD. */
export async function userWithPassword(prefix = "http") {
  const user = await createUser(`${prefix}-${randomUUID().slice(0, 8)}@example.com`);
  return prisma().user.update({ where: { id: user.id }, data: { passwordHash: await hashPassword(PASSWORD) } });
}

/** One sign-in attempt through next-auth's credentials callback (`base`: another server). */
export const signInAttempt = (
  email: string,
  password: string,
  { base: url = base(), headers = {} }: { base?: string; headers?: Record<string, string> } = {},
): Promise<Response> => attemptAt(url, email, password, headers);

export { sessionCookie };

/** Signs in through next-auth's credentials callback and returns the session cookie. */
export const signIn = (email: string, password = PASSWORD): Promise<string> => signInAt(base(), email, password);

/** A GET as the holder of the cookie (or signed out), without following redirects. */
export const get = (path: string, cookie?: string) =>
  fetch(`${base()}${path}`, { headers: cookie ? { cookie } : {}, redirect: "manual" });
