import type { Metadata } from "next";
import Link from "next/link";
import { AuthCard } from "../auth-card";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string | string[] }>;
}) {
  const { callbackUrl } = await searchParams;
  return (
    <AuthCard
      title="Sign in to Tallyhub"
      description="Welcome back. Your API dashboards are waiting."
      footer={
        <>
          New here?{" "}
          <Link href="/signup" className="font-medium text-indigo-600 hover:text-indigo-500">
            Create an account
          </Link>
        </>
      }
    >
      <SignInForm callbackUrl={typeof callbackUrl === "string" ? callbackUrl : ""} />
    </AuthCard>
  );
}
