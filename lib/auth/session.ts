// The one place pages, routes and server actions learn who is signed in. Tests mock this
// module to act as a given user.
import { redirect } from "next/navigation";
import { prisma } from "@/lib/db";
import { auth } from "./auth";
import { SIGN_IN_PATH } from "./config";
import type { SessionUser } from "./credentials";

/** The signed-in user, checked against the database (a session may outlive its account). */
export async function currentUser(): Promise<SessionUser | null> {
  const session = await auth();
  const id = session?.user?.id;
  if (!id) return null;
  return prisma().user.findUnique({ where: { id }, select: { id: true, email: true, name: true } });
}

export async function requireUser(): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) redirect(SIGN_IN_PATH);
  return user;
}
