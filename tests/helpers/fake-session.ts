// next-auth needs a running Next server: integration tests that call server actions act as
// a chosen user instead. In a test file:
//   vi.mock("@/lib/auth/session", () => import("../helpers/fake-session"));
// then set `session.user`.
import type { SessionUser } from "@/lib/auth/credentials";

export const session = { user: null as SessionUser | null };

export async function currentUser(): Promise<SessionUser | null> {
  return session.user;
}

export async function requireUser(): Promise<SessionUser> {
  if (!session.user) throw new Error("test: no signed-in user");
  return session.user;
}
