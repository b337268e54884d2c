// Who may see which team: its members, each with their role. Another team and an unknown one look the same (404).
import { forbidden, notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { prisma } from "@/lib/db";
import { teamIdSchema } from "@/lib/validations/team";
import { roleIn } from "./membership";
import { can, type Capability, type Role } from "./roles";

export interface TeamForUser {
  id: string;
  name: string;
  createdAt: Date;
  role: Role;
}

export async function getTeamForUser(teamIdParam: unknown, userId: string): Promise<TeamForUser | null> {
  const teamId = teamIdSchema.safeParse(teamIdParam);
  if (!teamId.success) return null;
  const team = await prisma().team.findUnique({ where: { id: teamId.data } });
  if (!team) return null;
  const role = await roleIn(team.id, userId);
  return role ? { id: team.id, name: team.name, createdAt: team.createdAt, role } : null;
}

/** The team if the user belongs to it, else a 404. */
export async function requireTeamForUser(teamIdParam: unknown, userId: string): Promise<TeamForUser> {
  const team = await getTeamForUser(teamIdParam, userId);
  if (!team) notFound();
  return team;
}

/** For pages under /teams/[teamId]: the signed-in user and the team, 404 for a stranger, 403 for too small a role. */
export async function requireTeam(
  params: Promise<{ teamId: string }> | { teamId: string },
  capability: Capability = "read",
) {
  const user = await requireUser();
  const team = await requireTeamForUser((await params).teamId, user.id);
  if (!can(team.role, capability)) forbidden();
  return { user, team };
}
