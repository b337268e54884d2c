import type { Metadata } from "next";
import Link from "next/link";
import { ChannelKindMark } from "@/components/alerts/channel-kind-mark";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { CHANNEL_LABELS } from "@/lib/alerts/channels/types";
import { requireApp } from "@/lib/apps/access";
import { mailConfigured } from "@/lib/mail/send";
import { listChannels } from "@/lib/queries/alert-channels";
import { listDeliveries } from "@/lib/queries/alert-deliveries";
import { can } from "@/lib/teams/roles";
import { deliveryCursorSchema } from "@/lib/validations/alert-channels";
import { AddChannelForm } from "./add-channel-form";
import { ChannelActions } from "./channel-actions";
import { DeliveryLog } from "./delivery-log";
import { WebhookHelp } from "./webhook-help";

export const metadata: Metadata = { title: "Notification channels" };

/** Everyone on the team sees where alerts go (targets masked) and how sending went; admins manage channels. */
export default async function ChannelsPage({
  params,
  searchParams,
}: {
  params: Promise<{ appId: string }>;
  searchParams: Promise<{ before?: string | string[] }>;
}) {
  const { app } = await requireApp(params, "read");
  const before = deliveryCursorSchema.parse((await searchParams).before ?? null);
  const [channels, log] = await Promise.all([listChannels(app.id), listDeliveries(app.id, before)]);
  const admin = can(app.role, "configure");
  const here = `/apps/${app.id}/alerts/channels`;
  return (
    <div className="space-y-6">
      <PageHeader
        title="Notification channels"
        description={
          <>
            Slack, Microsoft Teams, signed webhooks and email.{" "}
            <Link href={`/apps/${app.id}/alerts`} className="font-medium text-indigo-600 hover:text-indigo-500">
              ← Alert rules
            </Link>
          </>
        }
      />
      <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <Card>
          <CardHeader
            title="Channels"
            description={
              !admin
                ? "Only admins can add, test or change channels."
                : channels.length
                  ? "Send a test to check a channel works; it shows up in the delivery log too."
                  : undefined
            }
          />
          {channels.length === 0 ? (
            <div className="px-5 py-10 text-center">
              <p className="text-sm font-medium text-slate-900">No channels yet</p>
              <p className="mx-auto mt-1 max-w-sm text-sm text-slate-500">
                {admin
                  ? "Add one to have alerts sent to Slack, Teams, a webhook or by email."
                  : "An admin of this team can add one."}
              </p>
            </div>
          ) : (
            <ul className="divide-y divide-slate-100" aria-label="Channels">
              {channels.map((c) => (
                <li key={c.id} className="space-y-2 px-5 py-3" data-testid="channel">
                  <div className="flex items-start gap-3">
                    <ChannelKindMark kind={c.kind} className="mt-0.5" />
                    <div className="min-w-0 flex-1">
                      <p className="flex flex-wrap items-center gap-2 text-sm font-medium text-slate-900">
                        {c.name}
                        <span className="text-[12.5px] font-normal text-slate-500">{CHANNEL_LABELS[c.kind]}</span>
                        {!c.enabled && <Badge>Off</Badge>}
                      </p>
                      <p className="truncate font-mono text-[12.5px] text-slate-500" title={c.target}>
                        {c.target}
                      </p>
                    </div>
                  </div>
                  {admin && (
                    <div className="sm:pl-8">
                      <ChannelActions appId={app.id} channel={c} />
                    </div>
                  )}
                </li>
              ))}
            </ul>
          )}
        </Card>
        {admin && (
          <div className="space-y-6">
            <AddChannelForm appId={app.id} mailConfigured={mailConfigured()} />
            <WebhookHelp />
          </div>
        )}
      </div>
      <DeliveryLog
        rows={log.rows}
        newestHref={before ? here : null}
        olderHref={log.older ? `${here}?before=${encodeURIComponent(log.older)}` : null}
      />
    </div>
  );
}
