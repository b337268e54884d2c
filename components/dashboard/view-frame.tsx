"use client";

// The frame of every data view: filter bar with the live indicator, ignored-filter notice,
// then the view, or the setup hint when the app has sent nothing yet.
import type { ViewEnvelope } from "@/lib/dashboard/views";
import { FilterBar } from "./filter-bar";
import { ViewSkeleton } from "./skeletons";
import { FilterIssues, LiveStatus, NoDataYet } from "./view-parts";

interface ViewState {
  envelope: { issues: ViewEnvelope<"traffic">["issues"]; data: unknown } | undefined;
  error: Error | null;
}

export function ViewFrame({
  appId,
  options,
  view,
  status,
  below,
  scope,
  children,
}: {
  appId: number;
  options: ViewEnvelope<"filter-options"> | null;
  view: ViewState;
  /** In place of the live indicator (the Requests view's live switch). */
  status?: React.ReactNode;
  /** Under the filter bar: a view's own filters. */
  below?: React.ReactNode;
  /** Which filters the bar offers (FilterBar's scope). */
  scope?: "all" | "env";
  children: React.ReactNode;
}) {
  const hasData = (view.envelope?.data as { hasData?: boolean } | undefined)?.hasData;
  if (hasData === false) return <NoDataYet appId={appId} />;
  return (
    <>
      <FilterBar
        appId={appId}
        initialOptions={options}
        status={status ?? <LiveStatus error={view.error} />}
        scope={scope}
      />
      {below}
      <FilterIssues issues={view.envelope?.issues} />
      {view.envelope ? children : view.error ? <ViewError error={view.error} /> : <ViewSkeleton />}
    </>
  );
}

function ViewError({ error }: { error: Error }) {
  return (
    <div role="alert" className="rounded-xl bg-red-50 px-5 py-8 text-center text-sm text-red-700 ring-1 ring-red-200">
      This view could not be loaded: {error.message}
    </div>
  );
}
