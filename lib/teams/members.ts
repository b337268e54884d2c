// The people in a team and their roles. A team always keeps an owner: the last one can be neither demoted,
// removed nor leave (someone else is made owner first).
import { z } from "zod";
import { teamAction } from "@/lib/actions/app-action";
import { prisma } from "@/lib/db";
import { invalid, ok, type Result } from "@/lib/validations/result";
import { memberRoleSchema, memberSchema } from "@/lib/validations/team";
import { parseRole, type Role } from "./roles";

export const LAST_OWNER_MESSAGE = "A team needs an owner: make someone else owner first.";

export interface Member {
  userId: string;
  email: string;
  name: string | null;
  role: Role;
  joinedAt: Date;
}

export async function listMembers(teamId: string): Promise<Member[]> {
  const rows = await prisma().membership.findMany({
    where: { teamId },
    select: { role: true, createdAt: true, user: { select: { id: true, email: true, name: true } } },
    orderBy: { createdAt: "asc" },
  });
  return rows.map((r) => ({
    userId: r.user.id,
    email: r.user.email,
    name: r.user.name,
    role: parseRole(r.role),
    joinedAt: r.createdAt,
  }));
}

const ownerCount = (teamId: string) => prisma().membership.count({ where: { teamId, role: "owner" } });

async function memberRole(teamId: string, userId: string): Promise<Role | null> {
  const m = await prisma().membership.findUnique({ where: { teamId_userId: { teamId, userId } } });
  return m ? parseRole(m.role) : null;
}

const NOT_A_MEMBER = invalid({ userId: ["That person is not in this team."] });

export const changeMemberRole = teamAction("own", memberRoleSchema, async ({ team, input: { userId, role } }) => {
  const current = await memberRole(team.id, userId);
  if (!current) return NOT_A_MEMBER;
  if (current === "owner" && role !== "owner" && (await ownerCount(team.id)) <= 1)
    return invalid({}, LAST_OWNER_MESSAGE);
  await prisma().membership.update({ where: { teamId_userId: { teamId: team.id, userId } }, data: { role } });
  return ok({ userId, role });
});

async function leave(teamId: string, userId: string): Promise<Result<{ userId: string }>> {
  const current = await memberRole(teamId, userId);
  if (!current) return NOT_A_MEMBER;
  if (current === "owner" && (await ownerCount(teamId)) <= 1) return invalid({}, LAST_OWNER_MESSAGE);
  await prisma().membership.delete({ where: { teamId_userId: { teamId, userId } } });
  await prisma().user.updateMany({ where: { id: userId, currentTeamId: teamId }, data: { currentTeamId: null } });
  return ok({ userId });
}

export const removeMember = teamAction("own", memberSchema, ({ team, input }) => leave(team.id, input.userId));

/** Anyone may leave a team, except its last owner. */
export const leaveTeam = teamAction("read", z.object({}), ({ team, userId }) => leave(team.id, userId));
