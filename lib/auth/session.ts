// The one place pages, routes and server actions learn who is signed in. Tests mock this
// module to act as a given user.
import { redirect } from "next/navigation";
import { prisma } from "@/lib/db";
import { auth } from "./auth";
import { SIGN_IN_PATH } from "./config";
import type { SessionUser } from "./credentials";

/** The signed-in user as pages and actions need them. */
export interface CurrentUser extends SessionUser {
  isAdmin: boolean;
  currentTeamId: string | null;
}

/**
 * The signed-in user, checked against the database: a session may outlive its account, and one issued before
 * the account's last "sign out everywhere" or password change (an older session version) signs nobody in.
 */
export async function currentUser(): Promise<CurrentUser | null> {
  const session = await auth();
  const id = session?.user?.id;
  if (!id) return null;
  const user = await prisma().user.findUnique({
    where: { id },
    select: { id: true, email: true, name: true, isAdmin: true, currentTeamId: true, sessionVersion: true },
  });
  if (!user || user.sessionVersion !== (session.sessionVersion ?? 0)) return null;
  return { id: user.id, email: user.email, name: user.name, isAdmin: user.isAdmin, currentTeamId: user.currentTeamId };
}

export async function requireUser(): Promise<CurrentUser> {
  const user = await currentUser();
  if (!user) redirect(SIGN_IN_PATH);
  return user;
}
