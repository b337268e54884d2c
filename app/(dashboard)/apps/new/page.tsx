import type { Metadata } from "next";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { currentTeamOf } from "@/lib/teams/membership";
import { can } from "@/lib/teams/roles";
import { NewAppForm } from "./new-app-form";

export const metadata: Metadata = { title: "New app" };

export default async function NewAppPage() {
  const team = await currentTeamOf(await requireUser());
  if (!team || !can(team.role, "configure")) forbidden();
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm text-slate-500">
        <Link href="/apps" className="hover:text-slate-800">
          Apps
        </Link>
        <span className="mx-1.5 text-slate-300">/</span>
        <span className="text-slate-800">New app</span>
      </nav>
      <PageHeader
        title="Create an app"
        description={`In ${team.name}. You'll get a client ID and a setup snippet for your framework next.`}
      />
      <NewAppForm teamId={team.id} />
    </div>
  );
}
