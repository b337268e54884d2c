// A person's own account: name, password, every session at once, and deleting it. Changing the password or
// signing out everywhere bumps the session version, which ends every session issued before (lib/auth/session.ts).
import { z } from "zod";
import { userAction } from "@/lib/actions/app-action";
import { prisma } from "@/lib/db";
import { newPasswordSchema } from "@/lib/validations/auth";
import { invalid, ok } from "@/lib/validations/result";
import { hashPassword, unlessBusy, verifyPassword } from "./password";

const currentPassword = z
  .string({ error: "Enter your current password." })
  .min(1, { error: "Enter your current password." })
  .max(1024);
const WRONG_PASSWORD = { currentPassword: ["That is not your current password."] };

async function passwordMatches(userId: string, password: string): Promise<boolean> {
  const user = await prisma().user.findUnique({ where: { id: userId }, select: { passwordHash: true } });
  return verifyPassword(password, user?.passwordHash ?? null);
}

export const updateName = userAction(
  z.object({ name: z.string().trim().max(64, { error: "Use at most 64 characters." }) }),
  async ({ userId, input }) => {
    await prisma().user.update({ where: { id: userId }, data: { name: input.name || null } });
    return ok({ name: input.name });
  },
);

export const changePassword = userAction(
  z.object({ currentPassword, newPassword: newPasswordSchema }),
  ({ userId, input }) =>
    unlessBusy(async () => {
      if (!(await passwordMatches(userId, input.currentPassword))) return invalid(WRONG_PASSWORD);
      const user = await prisma().user.update({
        where: { id: userId },
        data: { passwordHash: await hashPassword(input.newPassword), sessionVersion: { increment: 1 } },
        select: { email: true },
      });
      return ok({ email: user.email });
    }),
);

export const signOutEverywhere = userAction(z.object({}), async ({ userId }) => {
  await prisma().user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
  return ok({});
});

/** The teams that would be left without an owner: the user is their only owner and others or apps depend on it. */
async function teamsNeedingOwner(userId: string): Promise<string[]> {
  const owned = await prisma().membership.findMany({
    where: { userId, role: "owner" },
    select: {
      team: {
        select: {
          name: true,
          _count: { select: { apps: true, members: true } },
          members: { where: { role: "owner" }, select: { userId: true } },
        },
      },
    },
  });
  return owned
    .filter(({ team }) => team.members.length === 1 && (team._count.apps > 0 || team._count.members > 1))
    .map(({ team }) => team.name);
}

export const deleteAccount = userAction(z.object({ currentPassword }), async ({ userId, input }) => {
  const matches = await unlessBusy(() => passwordMatches(userId, input.currentPassword));
  if (matches !== true) return matches === false ? invalid(WRONG_PASSWORD) : matches;
  const blocking = await teamsNeedingOwner(userId);
  if (blocking.length > 0) {
    return invalid(
      {},
      `You are the only owner of ${blocking.join(", ")}: make someone else owner, or delete the team, first.`,
    );
  }
  // Teams of one with no apps go with the account; memberships cascade.
  await prisma().team.deleteMany({ where: { members: { some: { userId }, every: { userId } }, apps: { none: {} } } });
  await prisma().user.delete({ where: { id: userId } });
  return ok({});
});
