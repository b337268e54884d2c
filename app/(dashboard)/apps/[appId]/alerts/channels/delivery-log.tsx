import Link from "next/link";
import { ChannelKindMark } from "@/components/alerts/channel-kind-mark";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import type { ChannelKind } from "@/lib/alerts/channels/types";
import type { DeliveryLogRow } from "@/lib/queries/alert-deliveries";

const when = new Intl.DateTimeFormat("en", {
  month: "short",
  day: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
  timeZone: "UTC",
});
const time = new Intl.DateTimeFormat("en", { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: "UTC" });

const KIND_TONE = { firing: "red", resolved: "green", test: "brand" } as const;
const STATUS_TONE = { sent: "green", pending: "amber", failed: "red" } as const;

/** Every notification of the app, newest first: where it went, for which rule, and how it went. */
export function DeliveryLog({
  rows,
  newestHref,
  olderHref,
}: {
  rows: DeliveryLogRow[];
  /** Set when this is not the first page. */
  newestHref: string | null;
  olderHref: string | null;
}) {
  return (
    <Card>
      <CardHeader
        title="Delivery log"
        description="Each notification per channel. Failed sends are retried after 30 s, 2 min, 10 min, 30 min and 2 h."
        actions={
          newestHref && (
            <Link href={newestHref} className="text-sm font-medium text-indigo-600 hover:text-indigo-500">
              Newest
            </Link>
          )
        }
      />
      {rows.length === 0 ? (
        <p className="px-5 py-6 text-sm text-slate-500">
          Nothing sent yet. Notifications appear here when a rule fires or resolves, or when you send a test.
        </p>
      ) : (
        <ul className="divide-y divide-slate-100" aria-label="Deliveries">
          {rows.map((d) => (
            <li
              key={d.id}
              className="grid gap-1 px-5 py-3 sm:grid-cols-[9.5rem_1fr_auto] sm:gap-4"
              data-testid="delivery"
            >
              <p className="text-[13px] whitespace-nowrap text-slate-500 tabular-nums">
                {when.format(d.createdAt * 1000)} UTC
              </p>
              <div className="min-w-0">
                <p className="flex flex-wrap items-center gap-2 text-sm text-slate-900">
                  <Badge tone={KIND_TONE[d.kind]}>{d.kind}</Badge>
                  <span className="font-medium">{d.ruleName ?? (d.kind === "test" ? "Test" : "deleted rule")}</span>
                  <span className="text-slate-400" aria-hidden="true">
                    →
                  </span>
                  {d.channelKind && <ChannelKindMark kind={d.channelKind as ChannelKind} />}
                  <span className={d.channelName ? "" : "text-slate-500 italic"}>
                    {d.channelName ?? "deleted channel"}
                  </span>
                </p>
                {d.error && (
                  <p className="mt-1 text-[13px] break-words text-red-700">
                    {d.error}
                    {d.status === "pending" && (
                      <span className="text-slate-500"> · next try {time.format(d.nextAttemptAt * 1000)} UTC</span>
                    )}
                  </p>
                )}
              </div>
              <div className="flex items-center gap-2 sm:justify-end">
                <Badge tone={STATUS_TONE[d.status]}>{d.status}</Badge>
                <span className="text-[13px] whitespace-nowrap text-slate-500 tabular-nums">
                  {d.statusCode ? `HTTP ${d.statusCode} · ` : ""}
                  {d.attempts} {d.attempts === 1 ? "attempt" : "attempts"}
                </span>
              </div>
            </li>
          ))}
        </ul>
      )}
      {olderHref && (
        <div className="border-t border-slate-100 px-5 py-3 text-right">
          <Link href={olderHref} className="text-sm font-medium text-indigo-600 hover:text-indigo-500">
            Older →
          </Link>
        </div>
      )}
    </Card>
  );
}
