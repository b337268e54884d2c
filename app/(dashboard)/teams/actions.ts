"use server";

// Server actions for teams: each is a mutation from lib/teams behind the signed-in user and the form's "teamId"
// (lib/actions/app-action.ts checks the membership and the role). Here: what the form shows after.
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { teamFormAction, userFormAction } from "@/lib/actions/app-action";
import { createApiKey, revokeApiKey } from "@/lib/api/keys";
import { hubBaseUrl } from "@/lib/apps/hub-url";
import { requireUser } from "@/lib/auth/session";
import { mailConfigured } from "@/lib/mail/send";
import { sendInvitationMail } from "@/lib/teams/invitation-mail";
import { createInvitation, revokeInvitation } from "@/lib/teams/invitations";
import { changeMemberRole, leaveTeam, removeMember } from "@/lib/teams/members";
import { createTeam, deleteTeam, renameTeam, switchTeam } from "@/lib/teams/teams";

export const createTeamAction = userFormAction(createTeam, () => {
  revalidatePath("/", "layout");
  redirect("/apps");
});

const switchTeamAction = teamFormAction(switchTeam, () => {
  revalidatePath("/", "layout");
  redirect("/apps");
});

/** The team switcher's plain form (no state to show: a team one may not switch to is simply not listed). */
export async function switchTeamFormAction(form: FormData): Promise<void> {
  await switchTeamAction({}, form);
}

export const renameTeamAction = teamFormAction(renameTeam, ({ name }) => {
  revalidatePath("/", "layout");
  return { ok: true, message: "Name saved.", values: { name } };
});

export const inviteAction = teamFormAction(createInvitation, async (invitation, { teamId }) => {
  revalidatePath(`/teams/${teamId}`);
  let message = `Invitation for ${invitation.email} created.`;
  if (mailConfigured()) {
    const user = await requireUser();
    const mail = await sendInvitationMail({
      to: invitation.email,
      teamName: invitation.teamName,
      role: invitation.role,
      link: hubBaseUrl(await headers()) + invitation.path,
      invitedBy: user.name || user.email,
      expiresAt: invitation.expiresAt,
    });
    message = mail.sent
      ? `Invitation emailed to ${invitation.email}.`
      : `Invitation for ${invitation.email} created, but the email failed (${mail.error}).`;
  }
  // The link is shown once, here: only its hash is stored.
  return { ok: true, message, values: { link: invitation.path } };
});

export const revokeInvitationAction = teamFormAction(revokeInvitation, (_, { teamId }) => {
  revalidatePath(`/teams/${teamId}`);
  return { ok: true, message: "Invitation revoked." };
});

export const changeRoleAction = teamFormAction(changeMemberRole, (_, { teamId }) => {
  revalidatePath(`/teams/${teamId}`);
  return { ok: true, message: "Role changed." };
});

export const removeMemberAction = teamFormAction(removeMember, (_, { teamId }) => {
  revalidatePath(`/teams/${teamId}`);
  return { ok: true, message: "Removed from the team." };
});

export const leaveTeamAction = teamFormAction(leaveTeam, () => {
  revalidatePath("/", "layout");
  redirect("/apps");
});

export const deleteTeamAction = teamFormAction(deleteTeam, () => {
  revalidatePath("/", "layout");
  redirect("/apps");
});

export const createApiKeyAction = teamFormAction(createApiKey, (key, { teamId }) => {
  revalidatePath(`/teams/${teamId}/api-keys`);
  // The key is shown once, here: only its hash is stored.
  return { ok: true, message: `Key "${key.name}" created.`, values: { key: key.key } };
});

export const revokeApiKeyAction = teamFormAction(revokeApiKey, (_, { teamId }) => {
  revalidatePath(`/teams/${teamId}/api-keys`);
  return { ok: true, message: "Key revoked." };
});
