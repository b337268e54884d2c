import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { DeleteCard } from "@/components/forms/delete-card";
import { NameCard } from "@/components/forms/name-card";
import { RowAction } from "@/components/forms/row-action";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { hubBaseUrl } from "@/lib/apps/hub-url";
import { requireTeam } from "@/lib/teams/access";
import { pendingInvitations } from "@/lib/teams/invitations";
import { listMembers } from "@/lib/teams/members";
import { can, parseRole, ROLE_LABELS } from "@/lib/teams/roles";
import { deleteTeamAction, renameTeamAction, revokeInvitationAction } from "../actions";
import { InviteForm, LeaveTeamForm, MemberControls } from "./team-forms";

export const metadata: Metadata = { title: "Team" };

const dateFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeZone: "UTC" });

/** A team's people: everyone in it may look; only owners change who is in it and how. */
export default async function TeamPage({ params }: { params: Promise<{ teamId: string }> }) {
  const { user, team } = await requireTeam(params);
  const owner = can(team.role, "own");
  const [members, invitations] = await Promise.all([
    listMembers(team.id),
    owner ? pendingInvitations(team.id) : Promise.resolve([]),
  ]);
  const now = new Date();
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <PageHeader
        title={team.name}
        description={`${members.length} member${members.length === 1 ? "" : "s"} · you are ${ROLE_LABELS[team.role].name.toLowerCase()}`}
        actions={
          can(team.role, "configure") && (
            <Link href={`/teams/${team.id}/api-keys`} className={buttonClass({ variant: "secondary" })}>
              API keys
            </Link>
          )
        }
      />
      <Card>
        <CardHeader title="Members" description="Roles decide what each person may do with the team's apps." />
        <ul className="divide-y divide-slate-100" aria-label="Members">
          {members.map((m) => (
            <li key={m.userId} className="flex flex-col gap-3 px-5 py-4 sm:flex-row sm:items-center sm:justify-between">
              <div className="min-w-0">
                <p className="truncate text-sm font-medium text-slate-900">
                  {m.name || m.email} {m.userId === user.id && <span className="text-slate-400">(you)</span>}
                </p>
                <p className="truncate text-[13px] text-slate-500">
                  {m.name ? `${m.email} · ` : ""}joined {dateFormat.format(m.joinedAt)}
                </p>
              </div>
              {owner ? (
                <MemberControls teamId={team.id} userId={m.userId} who={m.name || m.email} role={m.role} />
              ) : (
                <Badge tone={m.role === "owner" ? "brand" : "neutral"}>{ROLE_LABELS[m.role].name}</Badge>
              )}
            </li>
          ))}
        </ul>
      </Card>
      {owner && (
        <>
          <InviteForm teamId={team.id} origin={hubBaseUrl(await headers())} />
          <Card>
            <CardHeader
              title="Pending invitations"
              description="Links not used yet. Revoking one makes it stop working at once."
            />
            {invitations.length === 0 ? (
              <p className="px-5 pb-5 text-sm text-slate-500">No pending invitations.</p>
            ) : (
              <ul className="divide-y divide-slate-100" aria-label="Pending invitations">
                {invitations.map((inv) => {
                  const expired = inv.expiresAt <= now;
                  return (
                    <li key={inv.id} className="flex items-center justify-between gap-3 px-5 py-3">
                      <div className="min-w-0">
                        <p className="truncate text-sm text-slate-900">{inv.email}</p>
                        <p className="text-[13px] text-slate-500">
                          {ROLE_LABELS[parseRole(inv.role)].name} ·{" "}
                          {expired ? (
                            <span className="text-amber-700">expired {dateFormat.format(inv.expiresAt)}</span>
                          ) : (
                            `expires ${dateFormat.format(inv.expiresAt)}`
                          )}
                        </p>
                      </div>
                      <RowAction
                        action={revokeInvitationAction}
                        hidden={{ teamId: team.id, invitationId: inv.id }}
                        label="Revoke"
                        pendingText="Revoking…"
                      />
                    </li>
                  );
                })}
              </ul>
            )}
          </Card>
          <NameCard
            action={renameTeamAction}
            hidden={{ teamId: team.id }}
            title="Team name"
            description="Shown in the team switcher and on invitations."
            value={team.name}
          />
        </>
      )}
      {!(team.role === "owner" && members.filter((m) => m.role === "owner").length === 1) && (
        <LeaveTeamForm teamId={team.id} name={team.name} />
      )}
      {owner && (
        <DeleteCard
          action={deleteTeamAction}
          hidden={{ teamId: team.id }}
          title="Delete team"
          description="Deletes the team, every app in it with all its data, its invitations and API keys. This cannot be undone."
          button="Delete this team"
          confirmName={team.name}
        />
      )}
    </div>
  );
}
