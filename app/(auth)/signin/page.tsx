import type { Metadata } from "next";
import Link from "next/link";
import { AuthCard } from "@/components/auth/auth-card";
import { SIGNUP_MESSAGES, signUpPolicy } from "@/lib/auth/users";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string | string[] }>;
}) {
  const { callbackUrl } = await searchParams;
  const policy = await signUpPolicy();
  return (
    <AuthCard
      title="Sign in to Tallyhub"
      description="Welcome back. Your API dashboards are waiting."
      footer={
        policy === "open" || policy === "first" ? (
          <>
            New here?{" "}
            <Link href="/signup" className="font-medium text-indigo-600 hover:text-indigo-500">
              Create an account
            </Link>
          </>
        ) : (
          <>No account? {SIGNUP_MESSAGES[policy]}</>
        )
      }
    >
      <SignInForm callbackUrl={typeof callbackUrl === "string" ? callbackUrl : ""} />
    </AuthCard>
  );
}
