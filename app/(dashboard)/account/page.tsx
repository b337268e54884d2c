import type { Metadata } from "next";
import { DeleteCard } from "@/components/forms/delete-card";
import { NameCard } from "@/components/forms/name-card";
import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { PasswordForm, SignOutEverywhereForm } from "./account-forms";
import { deleteAccountAction, updateNameAction } from "./actions";

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
      <NameCard
        action={updateNameAction}
        title="Name"
        description="Shown to your teams instead of your email address."
        value={user.name ?? ""}
        autoComplete="name"
      />
      <PasswordForm changed={saved === "password"} />
      <SignOutEverywhereForm />
      <DeleteCard
        action={deleteAccountAction}
        title="Delete account"
        description="Removes you from every team. Teams where you are the only member and that have no apps are deleted with it."
        button="Delete my account"
      />
    </div>
  );
}
