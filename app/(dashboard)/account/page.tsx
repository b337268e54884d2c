import type { Metadata } from "next";
import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { DeleteAccountForm, NameForm, PasswordForm, SignOutEverywhereForm } from "./account-forms";

export const metadata: Metadata = { title: "Account" };

export default async function AccountPage({ searchParams }: { searchParams: Promise<{ saved?: string }> }) {
  const user = await requireUser();
  const { saved } = await searchParams;
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <PageHeader
        title="Account"
        description={
          <span className="inline-flex flex-wrap items-center gap-2">
            {user.email}
            {user.isAdmin && <Badge tone="brand">Instance admin</Badge>}
          </span>
        }
      />
      <NameForm name={user.name ?? ""} />
      <PasswordForm changed={saved === "password"} />
      <SignOutEverywhereForm />
      <DeleteAccountForm />
    </div>
  );
}
