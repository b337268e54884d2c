import type { Metadata } from "next";
import Link from "next/link";
import { RowAction } from "@/components/forms/row-action";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { listApiKeys } from "@/lib/api/keys";
import { prisma } from "@/lib/db";
import { requireTeam } from "@/lib/teams/access";
import { revokeApiKeyAction } from "../../actions";
import { CreateApiKeyForm } from "./api-key-forms";

export const metadata: Metadata = { title: "API keys" };

const when = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

/** A team's keys for the data API: admins and owners create and revoke them. */
export default async function ApiKeysPage({ params }: { params: Promise<{ teamId: string }> }) {
  const { team } = await requireTeam(params, "configure");
  const [keys, apps] = await Promise.all([
    listApiKeys(team.id),
    prisma().app.findMany({ where: { teamId: team.id }, select: { id: true, name: true }, orderBy: { name: "asc" } }),
  ]);
  const appName = new Map(apps.map((a) => [a.id, a.name]));
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <PageHeader
        title="API keys"
        description={
          <>
            {team.name} · read traffic, consumers, endpoints and errors from scripts.{" "}
            <Link href="/api-docs" className="font-medium text-indigo-600 hover:text-indigo-500">
              API reference
            </Link>
          </>
        }
      />
      <CreateApiKeyForm teamId={team.id} apps={apps} />
      <Card>
        <CardHeader
          title="Keys"
          description="Stored only as a hash: a lost key cannot be shown again, revoke it and create another."
        />
        {keys.length === 0 ? (
          <p className="px-5 pb-5 text-sm text-slate-500">No keys yet.</p>
        ) : (
          <ul className="divide-y divide-slate-100" aria-label="API keys">
            {keys.map((k) => (
              <li key={k.id} className="flex flex-col gap-2 px-5 py-3 sm:flex-row sm:items-center sm:justify-between">
                <div className="min-w-0">
                  <p className="flex flex-wrap items-center gap-2 text-sm font-medium text-slate-900">
                    {k.name}
                    <span className="font-mono text-[12.5px] font-normal text-slate-500">{k.prefix}…</span>
                    {k.revokedAt && <Badge tone="red">Revoked</Badge>}
                  </p>
                  <p className="text-[13px] text-slate-500">
                    {k.appIds ? k.appIds.map((id) => appName.get(id) ?? `app ${id}`).join(", ") : "All apps"} · created{" "}
                    {when.format(k.createdAt)} UTC ·{" "}
                    {k.lastUsedAt ? `last used ${when.format(k.lastUsedAt)} UTC` : "never used"}
                  </p>
                </div>
                {!k.revokedAt && (
                  <RowAction
                    action={revokeApiKeyAction}
                    hidden={{ teamId: team.id, keyId: k.id }}
                    label="Revoke"
                    pendingText="Revoking…"
                  />
                )}
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
