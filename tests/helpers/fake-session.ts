// next-auth needs a running Next server: integration tests that call server actions act as
// a chosen user instead. In a test file:
//   vi.mock("@/lib/auth/session", () => import("../helpers/fake-session"));
// then set `session.user`.
import type { CurrentUser } from "@/lib/auth/session";

export type { CurrentUser };
export const session = { user: null as CurrentUser | null };

export async function currentUser(): Promise<CurrentUser | null> {
  return session.user;
}

export async function requireUser(): Promise<CurrentUser> {
  if (!session.user) throw new Error("test: no signed-in user");
  return session.user;
}
