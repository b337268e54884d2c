import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { NewTeamForm } from "./new-team-form";

export const metadata: Metadata = { title: "New team" };

export default async function NewTeamPage() {
  await requireUser();
  return (
    <div className="mx-auto max-w-xl space-y-6">
      <PageHeader title="Create a team" description="You become its owner; invite others from the team's page." />
      <NewTeamForm />
    </div>
  );
}
