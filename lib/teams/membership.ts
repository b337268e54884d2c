// A user's place in teams: the one lookup every guard makes, and the list the team switcher shows.
import { prisma } from "@/lib/db";
import { parseRole, type Role } from "./roles";

/** The user's role in the team, or null when they are not a member. */
export async function roleIn(teamId: string, userId: string): Promise<Role | null> {
  const m = await prisma().membership.findUnique({
    where: { teamId_userId: { teamId, userId } },
    select: { role: true },
  });
  return m ? parseRole(m.role) : null;
}

export interface TeamOfUser {
  id: string;
  name: string;
  role: Role;
}

/** Every team the user belongs to, by name. */
export async function teamsOf(userId: string): Promise<TeamOfUser[]> {
  const rows = await prisma().membership.findMany({
    where: { userId },
    select: { role: true, team: { select: { id: true, name: true } } },
    orderBy: { team: { name: "asc" } },
  });
  return rows.map((r) => ({ id: r.team.id, name: r.team.name, role: parseRole(r.role) }));
}

/**
 * The team the user is working in: the one they last switched to while they still belong to it, else their first.
 * Null for someone in no team (every team they were in was deleted, or they left them all).
 */
export function pickCurrentTeam(teams: TeamOfUser[], currentTeamId: string | null | undefined): TeamOfUser | null {
  return teams.find((t) => t.id === currentTeamId) ?? teams[0] ?? null;
}

export async function currentTeamOf(user: { id: string; currentTeamId?: string | null }): Promise<TeamOfUser | null> {
  return pickCurrentTeam(await teamsOf(user.id), user.currentTeamId);
}
