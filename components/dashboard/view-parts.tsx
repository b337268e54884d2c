"use client";

// Pieces every view shares: panels, the "no data yet" state pointing to Setup, notices
// for ignored filter params, and the live/refresh indicator.
import Link from "next/link";
import { useSetFilters } from "@/components/hooks/use-filters";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { EmptyState } from "@/components/ui/empty-state";
import { AlertIcon, PulseIcon } from "@/components/ui/icons";
import type { FilterIssue } from "@/lib/filters";

export function Panel({
  title,
  description,
  actions,
  children,
  className,
}: {
  title: React.ReactNode;
  description?: React.ReactNode;
  actions?: React.ReactNode;
  children: React.ReactNode;
  className?: string;
}) {
  return (
    <Card className={cn("min-w-0 overflow-hidden", className)}>
      <div className="flex flex-wrap items-start justify-between gap-x-3 gap-y-2 px-4 pt-4 sm:px-5">
        <div className="min-w-0">
          <h2 className="text-[15px] font-semibold text-slate-900">{title}</h2>
          {description && <p className="mt-0.5 text-[13px] text-slate-500">{description}</p>}
        </div>
        {actions}
      </div>
      {children}
    </Card>
  );
}

export function NoDataYet({ appId }: { appId: number }) {
  return (
    <EmptyState
      icon={<PulseIcon className="size-6" />}
      title="No data from this app yet"
      description="Add the Apitally client (or any OpenTelemetry SDK) to your API and point it at this Tallyhub. Charts and tables fill in with the first data, seconds after your app starts."
      action={
        <Link href={`/apps/${appId}/setup`} className={buttonClass()}>
          Open the setup guide
        </Link>
      }
    />
  );
}

/** Shown inside panels when the filters leave nothing to show. */
export function NoMatches({ what = "requests" }: { what?: string }) {
  const setFilters = useSetFilters();
  return (
    <div className="px-5 py-10 text-center text-sm text-slate-500">
      No {what} match these filters in this period.{" "}
      <button
        type="button"
        className="font-medium text-indigo-600 hover:text-indigo-500"
        onClick={() => setFilters("reset")}
      >
        Reset filters
      </button>
    </div>
  );
}

export function FilterIssues({ issues }: { issues: FilterIssue[] | undefined }) {
  if (!issues?.length) return null;
  return (
    <div
      role="status"
      className={cn(
        "mb-4 flex gap-2 rounded-lg bg-amber-50 px-3 py-2 text-[13px] text-amber-900 ring-1 ring-amber-200",
        "ring-inset",
      )}
    >
      <AlertIcon className="mt-0.5 text-amber-600" />
      <div>
        Some filters in the link were ignored:{" "}
        {issues.map((i, n) => (
          <span key={i.param}>
            {n > 0 && "; "}
            {i.message}
          </span>
        ))}
        .
      </div>
    </div>
  );
}

/** "Live" while polling works; the error when it does not (the last data stays on screen). */
export function LiveStatus({ error }: { error: Error | null }) {
  if (error) {
    return (
      <span role="alert" className="inline-flex items-center gap-1.5 text-xs text-red-600">
        <AlertIcon className="size-3.5" /> Not updating: {error.message}
      </span>
    );
  }
  return (
    <span className="inline-flex items-center gap-1.5 text-xs text-slate-500" title="Refreshes every 15 seconds">
      <span className="size-1.5 rounded-full bg-emerald-500" /> Live
    </span>
  );
}
