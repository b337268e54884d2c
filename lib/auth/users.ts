// Creating an account. The first account of a fresh server is the instance admin and may always be created;
// after that, TALLYHUB_SIGNUP decides: `open` (anyone), `invite` (only with a valid invitation link for that
// email address), `closed` (nobody). An account made from an invitation joins that team; any other gets a
// personal team of its own, as owner.
import { prisma } from "@/lib/db";
import { settings } from "@/lib/settings";
import { acceptInvitation, INVITATION_MESSAGES, lookUpInvitation } from "@/lib/teams/invitations";
import { signUpSchema } from "@/lib/validations/auth";
import { invalid, parseInput, type Result } from "@/lib/validations/result";
import type { SessionUser } from "./credentials";
import { hashPassword, unlessBusy } from "./password";

export const DUPLICATE_EMAIL_MESSAGE = "An account with this email already exists. Sign in instead.";
export const SIGNUP_MESSAGES = {
  invite: "Accounts on this Tallyhub are by invitation: ask a team owner for an invitation link.",
  closed: "Sign-up is closed on this Tallyhub: ask its administrator for an account.",
} as const;

export type SignUpPolicy = "open" | "invite" | "closed";

/** How the next account may be made: the first one always, then as the setting says. */
export async function signUpPolicy(): Promise<SignUpPolicy | "first"> {
  return (await prisma().user.count({ take: 1 })) === 0 ? "first" : settings().TALLYHUB_SIGNUP;
}

/** The address already has an account (the unique index said so). */
export const EMAIL_TAKEN = Symbol("email taken");

/**
 * `asOperator`: someone at the server's command line (the demo seeder) may create an account whatever the policy.
 */
export async function registerUser(
  input: unknown,
  invitationToken?: string,
  options: { asOperator?: boolean } = {},
): Promise<Result<SessionUser>> {
  const r = await unlessBusy(() => createAccount(input, invitationToken, options));
  return r === EMAIL_TAKEN ? invalid({ email: [DUPLICATE_EMAIL_MESSAGE] }) : r;
}

/**
 * registerUser, throwing PasswordsBusy when the password threads are overloaded, and telling a taken address apart for open sign-up (lib/auth/sign-up.ts), which must answer it as it
 * answers a new one. So a taken address costs what a new one does: the password is hashed before the insert, and the
 * insert is what finds the address taken.
 */
export async function createAccount(
  input: unknown,
  invitationToken?: string,
  { asOperator = false } = {},
): Promise<Result<SessionUser> | typeof EMAIL_TAKEN> {
  const parsed = parseInput(signUpSchema, input);
  if (!parsed.ok) return parsed;
  const { email, password, name } = parsed.value;

  const invitation = invitationToken ? await lookUpInvitation(invitationToken) : null;
  if (invitation && invitation.status !== "valid") return invalid({}, INVITATION_MESSAGES[invitation.status]);
  if (invitation && invitation.email !== email) {
    return invalid({ email: [INVITATION_MESSAGES.wrongAccount(invitation.email)] });
  }
  const state = await signUpPolicy();
  const policy = asOperator && state !== "first" ? "open" : state;
  if (policy === "closed" || (policy === "invite" && !invitation)) return invalid({}, SIGNUP_MESSAGES[policy]);

  let user;
  try {
    const passwordHash = await hashPassword(password);
    user = await prisma().user.create({
      data: {
        email,
        name: name ?? null,
        passwordHash,
        isAdmin: policy === "first",
        memberships: invitation
          ? undefined
          : { create: { role: "owner", team: { create: { name: `${name ?? email.split("@")[0]}'s team` } } } },
      },
      select: { id: true, email: true, name: true, memberships: { select: { teamId: true } } },
    });
  } catch (e) {
    // The one unique index of User: the address has an account (or got one from a sign-up at the same moment).
    if ((e as { code?: string }).code === "P2002") return EMAIL_TAKEN;
    throw e;
  }
  if (invitationToken) {
    const joined = await acceptInvitation(user, invitationToken);
    if (!joined.ok) {
      // The link was used or revoked between the check and now: no account without a team.
      await prisma().user.delete({ where: { id: user.id } });
      return joined;
    }
  } else {
    await prisma().user.update({ where: { id: user.id }, data: { currentTeamId: user.memberships[0].teamId } });
  }
  return { ok: true, value: { id: user.id, email: user.email, name: user.name } };
}
