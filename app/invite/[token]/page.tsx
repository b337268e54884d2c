import type { Metadata } from "next";
import Link from "next/link";
import { AuthCard } from "@/components/auth/auth-card";
import { AuthShell } from "@/components/auth/auth-shell";
import { buttonClass } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/input";
import { signOutAction } from "@/lib/auth/actions";
import { currentUser } from "@/lib/auth/session";
import { SIGNUP_MESSAGES } from "@/lib/auth/users";
import { prisma } from "@/lib/db";
import { settings } from "@/lib/settings";
import { INVITATION_MESSAGES, lookUpInvitation } from "@/lib/teams/invitations";
import { ROLE_LABELS } from "@/lib/teams/roles";
import { AcceptInvitationForm } from "./accept-form";

export const metadata: Metadata = { title: "Invitation" };
export const dynamic = "force-dynamic";

/** An invitation link: join as the signed-in person, or sign in / create the invited account first. */
export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [invitation, user] = await Promise.all([lookUpInvitation(token), currentUser()]);
  const back = (
    <Link href={user ? "/apps" : "/signin"} className="font-medium text-indigo-600 hover:text-indigo-500">
      {user ? "Back to your apps" : "Sign in"}
    </Link>
  );
  if (invitation.status !== "valid") {
    return (
      <AuthShell>
        <AuthCard title="Invitation not usable" description="This link cannot be used to join a team." footer={back}>
          <FormMessage message={INVITATION_MESSAGES[invitation.status]} />
        </AuthCard>
      </AuthShell>
    );
  }
  const role = ROLE_LABELS[invitation.role];
  const description = `You are invited to join ${invitation.teamName} as ${role.name.toLowerCase()}: ${role.description.toLowerCase()}.`;
  let body: React.ReactNode;
  if (user && user.email === invitation.email) {
    body = <AcceptInvitationForm token={token} teamName={invitation.teamName} />;
  } else if (user) {
    body = (
      <div className="space-y-4">
        <FormMessage message={INVITATION_MESSAGES.wrongAccount(invitation.email)} />
        <form action={signOutAction}>
          <button type="submit" className={buttonClass({ variant: "secondary", size: "lg", className: "w-full" })}>
            Sign out of {user.email}
          </button>
        </form>
      </div>
    );
  } else if (await prisma().user.findUnique({ where: { email: invitation.email }, select: { id: true } })) {
    body = (
      <Link
        href={`/signin?callbackUrl=${encodeURIComponent(`/invite/${token}`)}`}
        className={buttonClass({ size: "lg", className: "w-full" })}
      >
        Sign in as {invitation.email}
      </Link>
    );
  } else if (settings().TALLYHUB_SIGNUP === "closed") {
    body = <FormMessage message={SIGNUP_MESSAGES.closed} />;
  } else {
    body = (
      <Link
        href={`/signup?invite=${encodeURIComponent(token)}`}
        className={buttonClass({ size: "lg", className: "w-full" })}
      >
        Create your account
      </Link>
    );
  }
  return (
    <AuthShell>
      <AuthCard title={`Join ${invitation.teamName}`} description={description} footer={back}>
        {body}
      </AuthCard>
    </AuthShell>
  );
}
