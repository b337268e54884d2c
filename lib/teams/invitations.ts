// Invitations: an owner invites an email address with a role; the link (shown once, holding a secret whose hash
// alone is stored) lets the person with that address join, once, until it expires. Revoking deletes it.
import { teamAction } from "@/lib/actions/app-action";
import { hashSecret, newSecret } from "@/lib/auth/tokens";
import { prisma } from "@/lib/db";
import { settings } from "@/lib/settings";
import { invalid, ok, type Result } from "@/lib/validations/result";
import { invitationIdSchema, inviteSchema } from "@/lib/validations/team";
import { parseRole, type Role } from "./roles";

export const INVITE_PATH = "/invite/";

export const createInvitation = teamAction("own", inviteSchema, async ({ userId, team, input: { email, role } }) => {
  const already = await prisma().membership.findFirst({ where: { teamId: team.id, user: { email } } });
  if (already) return invalid({ email: [`${email} is already in this team.`] });
  const token = newSecret();
  const expiresAt = new Date(Date.now() + settings().TALLYHUB_INVITATION_DAYS * 86_400_000);
  // A new invitation for the same address replaces the old one, whose link stops working.
  await prisma().invitation.deleteMany({ where: { teamId: team.id, email, acceptedAt: null } });
  await prisma().invitation.create({
    data: { teamId: team.id, email, role, tokenHash: hashSecret(token), expiresAt, invitedById: userId },
  });
  return ok({ email, role, expiresAt, teamName: team.name, path: INVITE_PATH + token });
});

export const revokeInvitation = teamAction("own", invitationIdSchema, async ({ team, input }) => {
  const { count } = await prisma().invitation.deleteMany({
    where: { id: input.invitationId, teamId: team.id, acceptedAt: null },
  });
  return count === 0 ? invalid({}, "That invitation was already used or revoked.") : ok({ id: input.invitationId });
});

export async function pendingInvitations(teamId: string) {
  return prisma().invitation.findMany({
    where: { teamId, acceptedAt: null },
    select: { id: true, email: true, role: true, expiresAt: true, createdAt: true },
    orderBy: { createdAt: "desc" },
  });
}

export type InvitationLookup =
  | { status: "valid"; id: string; teamId: string; teamName: string; email: string; role: Role; expiresAt: Date }
  | { status: "expired" | "used" | "unknown" };

/** What a link holds, for the invitation page and sign-up. Never says which team an unusable link was for. */
export async function lookUpInvitation(token: string, now = new Date()): Promise<InvitationLookup> {
  if (!/^[\w-]{20,100}$/.test(token)) return { status: "unknown" };
  const inv = await prisma().invitation.findUnique({
    where: { tokenHash: hashSecret(token) },
    include: { team: { select: { name: true } } },
  });
  if (!inv) return { status: "unknown" };
  if (inv.acceptedAt) return { status: "used" };
  if (inv.expiresAt <= now) return { status: "expired" };
  const { id, teamId, email, expiresAt } = inv;
  return { status: "valid", id, teamId, teamName: inv.team.name, email, role: parseRole(inv.role), expiresAt };
}

export const INVITATION_MESSAGES = {
  expired: "This invitation has expired. Ask the team's owner for a new one.",
  used: "This invitation was already used. Ask the team's owner for a new one if you need it.",
  unknown: "This invitation link is not valid (it may have been revoked). Ask the team's owner for a new one.",
  wrongAccount: (email: string) =>
    `This invitation is for ${email}. Sign in with that address, or ask for an invitation to yours.`,
} as const;

/**
 * Joins the invitation's team as the user (whose email must be the invited one), once: the claim and the
 * membership follow the claim, so two tabs accepting at once join once.
 */
export async function acceptInvitation(
  user: { id: string; email: string },
  token: string,
): Promise<Result<{ teamId: string; teamName: string; role: Role }>> {
  const inv = await lookUpInvitation(token);
  if (inv.status !== "valid") return invalid({}, INVITATION_MESSAGES[inv.status]);
  if (inv.email !== user.email.toLowerCase()) return invalid({}, INVITATION_MESSAGES.wrongAccount(inv.email));
  const db = prisma();
  const claimed = await db.invitation.updateMany({
    where: { id: inv.id, acceptedAt: null, expiresAt: { gt: new Date() } },
    data: { acceptedAt: new Date() },
  });
  if (claimed.count === 0) return invalid({}, INVITATION_MESSAGES.used);
  const key = { teamId_userId: { teamId: inv.teamId, userId: user.id } };
  // Someone already in the team keeps their role: an invitation never demotes.
  await db.membership.upsert({
    where: key,
    create: { teamId: inv.teamId, userId: user.id, role: inv.role },
    update: {},
  });
  await db.user.update({ where: { id: user.id }, data: { currentTeamId: inv.teamId } });
  return ok({ teamId: inv.teamId, teamName: inv.teamName, role: inv.role });
}
