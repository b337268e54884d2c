"use client";

// Requests: the logged requests, newest first, a page at a time ("load more" follows the
// list's cursor), live while the switch is on. Each row opens the request's own page.
import Link from "next/link";
import { useState } from "react";
import { useViewHref } from "@/components/hooks/use-filters";
import { useRequestFilters, useRequestPages } from "@/components/hooks/use-requests";
import { buttonClass } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { EmptyState } from "@/components/ui/empty-state";
import { AlertIcon, PulseIcon, Spinner } from "@/components/ui/icons";
import type { RequestsEnvelope } from "@/lib/dashboard/requests";
import type { ViewEnvelope } from "@/lib/dashboard/views";
import { formatBytes, formatLogTime, formatMs, urlPathAndQuery } from "@/lib/format";
import type { RequestListRow } from "@/lib/queries/request-list";
import { MethodBadge, StatusBadge } from "./badges";
import { ClientAddress } from "./client-address";
import { RequestFilterBar } from "./request-filter-bar";
import { RequestMarks } from "./request-marks";
import { ViewFrame } from "./view-frame";
import { NoMatches } from "./view-parts";

// Phone: two lines (status, route, duration / time, consumer, sizes); from sm up, one row.
const ROW = cn(
  "grid grid-cols-[auto_minmax(0,1fr)_auto] items-center gap-x-3 gap-y-1 px-4",
  "sm:grid-cols-[8.5rem_3.25rem_minmax(0,1fr)_10rem_4.5rem_7rem] sm:px-5",
);
const PHONE_ORDER = {
  time: "order-4",
  status: "order-1",
  route: "order-2",
  who: "order-5",
  ms: "order-3",
  size: "order-6",
};

export function RequestsView({
  appId,
  hasData,
  initial,
  options,
}: {
  appId: number;
  hasData: boolean;
  initial: RequestsEnvelope;
  options: ViewEnvelope<"filter-options"> | null;
}) {
  const [live, setLive] = useState(true);
  const pages = useRequestPages(appId, initial, live);
  const { query } = useRequestFilters();
  const view = { envelope: { issues: initial.issues, data: { hasData } }, error: pages.error };

  return (
    <ViewFrame
      appId={appId}
      options={options}
      view={view}
      status={<LiveSwitch live={live} onChange={setLive} error={pages.error} />}
      below={<RequestFilterBar appId={appId} />}
    >
      <div className="overflow-hidden rounded-xl bg-white shadow-sm ring-1 ring-slate-200">
        <div
          className={cn(
            ROW,
            "hidden border-b border-slate-200 bg-slate-50/70 py-2 text-[11.5px] font-medium tracking-wide text-slate-500 uppercase sm:grid",
          )}
        >
          <span>Time</span>
          <span>Status</span>
          <span>Request</span>
          <span>Client</span>
          <span className="text-right">Duration</span>
          <span className="text-right">In / out</span>
        </div>
        {pages.rows.length > 0 ? (
          <ul className={cn("divide-y divide-slate-100", pages.isPlaceholderData && "opacity-60 transition-opacity")}>
            {pages.rows.map((r) => (
              <RequestRow key={r.id} appId={appId} row={r} query={query} />
            ))}
          </ul>
        ) : pages.isPlaceholderData ? (
          <div className="flex justify-center py-14 text-slate-400">
            <Spinner className="size-5" />
          </div>
        ) : query ? (
          <NoMatches />
        ) : (
          <NothingLogged appId={appId} />
        )}
        {pages.rows.length > 0 && (
          <div className="border-t border-slate-100 px-4 py-3 text-center sm:px-5">
            {pages.hasNextPage ? (
              <button
                type="button"
                onClick={() => pages.fetchNextPage()}
                disabled={pages.isFetchingNextPage}
                className={buttonClass({ variant: "secondary", size: "sm" })}
              >
                {pages.isFetchingNextPage && <Spinner className="size-3.5" />}
                Load older requests
              </button>
            ) : (
              <p className="text-[13px] text-slate-500">
                {pages.rows.length === 1 ? "That is the only request" : `That is all ${pages.rows.length} requests`} in
                this period.
              </p>
            )}
          </div>
        )}
      </div>
    </ViewFrame>
  );
}

function RequestRow({ appId, row: r, query }: { appId: number; row: RequestListRow; query: string }) {
  const viewHref = useViewHref();
  const href = `/apps/${appId}/requests/${r.id}${query ? `?${query}` : ""}`;
  return (
    <li className={cn(ROW, "relative py-2.5 hover:bg-slate-50 has-[a:focus-visible]:bg-indigo-50/60")}>
      <time
        dateTime={new Date(r.ts * 1000).toISOString()}
        suppressHydrationWarning
        className={cn(PHONE_ORDER.time, "text-xs whitespace-nowrap text-slate-500 tabular-nums sm:order-none")}
      >
        {formatLogTime(r.ts)}
      </time>
      <span className={cn(PHONE_ORDER.status, "sm:order-none")}>
        <StatusBadge code={r.statusCode} />
      </span>
      <div className={cn(PHONE_ORDER.route, "flex min-w-0 items-center gap-2 sm:order-none")}>
        <MethodBadge method={r.method} />
        <div className="min-w-0 flex-1">
          {/* The row's one link, stretched over the whole row. */}
          <Link
            href={href}
            className="block truncate font-mono text-[12.5px] text-slate-800 outline-none after:absolute after:inset-0"
          >
            {r.path ?? urlPathAndQuery(r.url)}
          </Link>
          {r.path && r.path !== urlPathAndQuery(r.url) && (
            <div className="truncate font-mono text-[11.5px] text-slate-400" title={r.url}>
              {urlPathAndQuery(r.url)}
            </div>
          )}
        </div>
        <RequestMarks row={r} className="hidden sm:inline-flex" />
      </div>
      {/* Phone: consumer, country and marks on one line; from sm up the client's address goes under the consumer. */}
      <div
        className={cn(
          PHONE_ORDER.who,
          "flex min-w-0 items-center gap-2 sm:order-none sm:flex-col sm:items-start sm:gap-0.5",
        )}
      >
        {r.consumer ? (
          <Link
            href={viewHref(`/apps/${appId}/traffic`, { consumer: String(r.consumer.id), group: null })}
            className="relative z-10 max-w-full truncate text-[13px] text-indigo-700 hover:underline"
            title={r.consumer.identifier}
          >
            {r.consumer.name ?? r.consumer.identifier}
          </Link>
        ) : (
          !r.clientIp && <span className="hidden text-[13px] text-slate-300 sm:inline">—</span>
        )}
        <ClientAddress
          appId={appId}
          ip={r.clientIp}
          country={r.clientCountry}
          className="max-w-full"
          ipClassName="hidden sm:inline"
        />
        <RequestMarks row={r} className="inline-flex sm:hidden" />
      </div>
      <span
        className={cn(
          PHONE_ORDER.ms,
          "text-right text-[13px] whitespace-nowrap text-slate-700 tabular-nums sm:order-none",
          r.responseTimeMs >= 1000 && "font-medium text-amber-700",
        )}
      >
        {formatMs(r.responseTimeMs)}
      </span>
      <span
        className={cn(
          PHONE_ORDER.size,
          "flex items-center justify-end gap-2 text-right text-xs whitespace-nowrap text-slate-500 tabular-nums sm:order-none",
        )}
      >
        <span title="Request / response body size">
          {formatBytes(r.requestSize)} / {formatBytes(r.responseSize)}
        </span>
      </span>
    </li>
  );
}

function LiveSwitch({
  live,
  onChange,
  error,
}: {
  live: boolean;
  onChange: (live: boolean) => void;
  error: Error | null;
}) {
  return (
    <button
      type="button"
      role="switch"
      aria-checked={live}
      onClick={() => onChange(!live)}
      title={
        live ? "New requests appear every 15 seconds; click to pause" : "Click to show new requests as they arrive"
      }
      className="inline-flex h-8 items-center gap-1.5 rounded-lg px-2 text-xs font-medium text-slate-600 ring-1 ring-slate-200 ring-inset hover:bg-slate-50"
    >
      {error ? (
        <>
          <AlertIcon className="size-3.5 text-red-600" />
          <span className="text-red-600">Not updating: {error.message}</span>
        </>
      ) : (
        <>
          <span className={cn("size-1.5 rounded-full", live ? "animate-pulse bg-emerald-500" : "bg-slate-300")} />
          {live ? "Live" : "Paused"}
        </>
      )}
    </button>
  );
}

function NothingLogged({ appId }: { appId: number }) {
  return (
    <div className="p-4 sm:p-6">
      <EmptyState
        icon={<PulseIcon className="size-6" />}
        title="No requests logged in this period"
        description="Request logs show each call with its headers, bodies, exception, logs and spans. Turn on request logging in the Apitally client (or send SERVER spans over OpenTelemetry) to see them here."
        action={
          <Link href={`/apps/${appId}/setup`} className={buttonClass({ variant: "secondary" })}>
            Open the setup guide
          </Link>
        }
      />
    </div>
  );
}
