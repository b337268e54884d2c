import type { Metadata } from "next";
import Link from "next/link";
import { AuthCard } from "@/components/auth/auth-card";
import { FormMessage } from "@/components/ui/input";
import { SIGNUP_MESSAGES, signUpPolicy } from "@/lib/auth/users";
import { INVITATION_MESSAGES, lookUpInvitation } from "@/lib/teams/invitations";
import { ROLE_LABELS } from "@/lib/teams/roles";
import { SignUpForm } from "./sign-up-form";

export const metadata: Metadata = { title: "Create your account" };
export const dynamic = "force-dynamic";

const signInFooter = (
  <>
    Already have an account?{" "}
    <Link href="/signin" className="font-medium text-indigo-600 hover:text-indigo-500">
      Sign in
    </Link>
  </>
);

export default async function SignUpPage({ searchParams }: { searchParams: Promise<{ invite?: string | string[] }> }) {
  const { invite } = await searchParams;
  const token = typeof invite === "string" ? invite : undefined;
  const [policy, invitation] = await Promise.all([signUpPolicy(), token ? lookUpInvitation(token) : null]);

  if (invitation && invitation.status !== "valid") {
    return (
      <AuthCard title="Invitation not usable" description="This link cannot create an account." footer={signInFooter}>
        <FormMessage message={INVITATION_MESSAGES[invitation.status]} />
      </AuthCard>
    );
  }
  if (policy === "closed" || (policy === "invite" && !invitation)) {
    return (
      <AuthCard
        title="Accounts by invitation"
        description="This Tallyhub does not take sign-ups."
        footer={signInFooter}
      >
        <p className="text-sm text-slate-600">{SIGNUP_MESSAGES[policy]}</p>
      </AuthCard>
    );
  }
  return (
    <AuthCard
      title={invitation ? `Join ${invitation.teamName}` : "Create your account"}
      description={
        invitation
          ? `You were invited as ${ROLE_LABELS[invitation.role].name.toLowerCase()}. Create your account to join.`
          : policy === "first"
            ? "You are the first person here: your account administers this Tallyhub."
            : "Monitor your APIs with the Apitally clients, on your own server."
      }
      footer={signInFooter}
    >
      <SignUpForm invite={invitation ? { token: token!, email: invitation.email } : undefined} />
    </AuthCard>
  );
}
