"use client";

// Consumers: who calls the API (new vs returning over time), each consumer or group with
// its traffic, and editing a consumer's name, group or visibility.
import Link from "next/link";
import { useState } from "react";
import { SERIES_COLORS } from "@/components/charts/colors";
import { Legend } from "@/components/charts/legend";
import { Sparkline } from "@/components/charts/sparkline";
import { TimeSeriesChart } from "@/components/charts/time-series-chart";
import { useRequestsHref, useViewHref } from "@/components/hooks/use-filters";
import { useView } from "@/components/hooks/use-view";
import { useZoom } from "@/components/hooks/use-zoom";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import type { ViewData, ViewEnvelope } from "@/lib/dashboard/views";
import { formatCount } from "@/lib/format";
import { isOtherRow } from "@/lib/model/other-row";
import type { GroupRow } from "@/lib/queries/consumer-groups";
import type { ConsumerRow } from "@/lib/queries/consumers-table";
import { ErrorRate } from "./badges";
import { countColumn } from "./columns";
import { ConsumerEditor } from "./consumer-editor";
import { DataTable, type Column } from "./data-table";
import { StatCards } from "./stat-cards";
import { TimeAgo } from "./time-ago";
import { ZoomHint } from "./traffic-view";
import { ViewFrame } from "./view-frame";
import { NoMatches, Panel } from "./view-parts";

const SERIES = [
  { key: "returning", label: "Returning", color: SERIES_COLORS.brand },
  { key: "new", label: "New", color: SERIES_COLORS.teal },
];

/** `editable`: the person's role lets them rename, group and hide consumers. */
export function ConsumersView({
  appId,
  editable,
  initial,
  options,
}: {
  appId: number;
  editable: boolean;
  initial: ViewEnvelope<"consumers"> | null;
  options: ViewEnvelope<"filter-options"> | null;
}) {
  const view = useView(appId, "consumers", initial);
  return (
    <ViewFrame appId={appId} options={options} view={view}>
      {view.data && view.envelope && (
        <Consumers appId={appId} editable={editable} data={view.data} bucket={view.envelope.window.bucket} />
      )}
    </ViewFrame>
  );
}

function Consumers({
  appId,
  editable,
  data,
  bucket,
}: {
  appId: number;
  editable: boolean;
  data: ViewData<"consumers">;
  bucket: ViewEnvelope<"consumers">["window"]["bucket"];
}) {
  const [tab, setTab] = useState<"consumers" | "groups">("consumers");
  const [editing, setEditing] = useState<ConsumerRow | null>(null);
  const zoom = useZoom();
  const newCount = data.activity.reduce((n, p) => n + (p.new ?? 0), 0);
  const requests = data.consumers.reduce((n, c) => n + c.requests, 0);
  const top = data.consumers[0];
  return (
    <div className="space-y-5">
      <StatCards
        stats={[
          { key: "active", label: "Active consumers", value: formatCount(data.consumers.length), sub: "with requests" },
          { key: "new", label: "New consumers", value: formatCount(newCount), sub: "first seen in period" },
          {
            key: "groups",
            label: "Groups",
            value: formatCount(data.groups.length),
            sub: `${formatCount(data.groups.filter((g) => g.requests > 0).length)} with requests`,
          },
          {
            key: "top",
            label: "Top consumer",
            value: top ? (top.name ?? top.identifier) : "—",
            sub: top
              ? `${formatCount(top.requests)} requests · ${Math.round((top.requests / (requests || 1)) * 100)}%`
              : undefined,
          },
        ]}
      />
      <Panel
        title="Consumers over time"
        description={<ZoomHint bucket={bucket} />}
        actions={<Legend series={SERIES} />}
      >
        <div className="px-2 py-3 sm:px-4">
          {data.consumers.length ? (
            <TimeSeriesChart
              data={data.activity}
              bucket={bucket}
              series={SERIES}
              kind="stacked"
              format={formatCount}
              showTotal
              onZoom={zoom}
            />
          ) : (
            <NoMatches what="consumers" />
          )}
        </div>
      </Panel>
      <Panel
        title={tab === "consumers" ? "Consumers" : "Groups"}
        description={
          tab === "consumers"
            ? "Click a consumer to see its traffic; edit to rename, group or hide it"
            : "Consumer groups and their members' traffic"
        }
        actions={
          <div className="flex rounded-lg bg-slate-100 p-0.5 text-[13px] font-medium" role="tablist">
            {(["consumers", "groups"] as const).map((t) => (
              <button
                key={t}
                role="tab"
                aria-selected={tab === t}
                type="button"
                onClick={() => setTab(t)}
                className={cn(
                  "rounded-md px-3 py-1 capitalize",
                  tab === t ? "bg-white text-slate-900 shadow-sm" : "text-slate-600 hover:text-slate-900",
                )}
              >
                {t}
              </button>
            ))}
          </div>
        }
      >
        {tab === "consumers" ? (
          <ConsumersTable appId={appId} rows={data.consumers} onEdit={editable ? setEditing : undefined} />
        ) : (
          <GroupsTable appId={appId} rows={data.groups} />
        )}
      </Panel>
      {editing && (
        <ConsumerEditor
          appId={appId}
          consumer={editing}
          groups={data.groups.map((g) => g.name)}
          onClose={() => setEditing(null)}
        />
      )}
    </div>
  );
}

function ConsumersTable({
  appId,
  rows,
  onEdit,
}: {
  appId: number;
  rows: ConsumerRow[];
  /** Absent for a role that may not edit: no Edit column. */
  onEdit?: (c: ConsumerRow) => void;
}) {
  const viewHref = useViewHref();
  const requestsHref = useRequestsHref();
  const columns: Column<ConsumerRow>[] = [
    {
      key: "consumer",
      header: "Consumer",
      sort: (c) => (c.name ?? c.identifier).toLowerCase(),
      className: "min-w-36 sm:min-w-44",
      cell: (c) => (
        <Link
          href={viewHref(`/apps/${appId}/traffic`, { consumer: String(c.id), group: null })}
          className="group block"
        >
          <span className="font-medium text-slate-900 group-hover:text-indigo-700">{c.name ?? c.identifier}</span>
          {c.name && <span className="block font-mono text-[11.5px] break-all text-slate-500">{c.identifier}</span>}
          {/* The Group column is hidden on phones: the group shows under the name instead. */}
          {c.groupName && (
            <span className="mt-1 block sm:hidden">
              <Badge>{c.groupName}</Badge>
            </span>
          )}
        </Link>
      ),
    },
    {
      key: "group",
      header: "Group",
      hideOnPhone: true,
      sort: (c) => c.groupName,
      cell: (c) => (c.groupName ? <Badge>{c.groupName}</Badge> : <span className="text-slate-300">—</span>),
    },
    countColumn("requests", "Requests", (r) => r.requests),
    {
      key: "errorRate",
      header: "Error rate",
      align: "right",
      sort: (c) => c.errorRate,
      cell: (c) => <ErrorRate rate={c.errorRate} />,
    },
    {
      key: "last",
      header: "Last request",
      align: "right",
      hideOnPhone: true,
      sort: (c) => c.lastRequest,
      cell: (c) => <TimeAgo t={c.lastRequest} />,
    },
    { key: "trend", header: "Trend", hideOnPhone: true, cell: (c) => <Sparkline values={c.trend} /> },
    {
      key: "edit",
      header: <span className="sr-only">Actions</span>,
      align: "right",
      cell: (c) => (
        <span className="inline-flex items-center gap-0.5 whitespace-nowrap">
          <Link
            href={requestsHref(appId, { consumer: String(c.id), group: null })}
            aria-label={`Recent requests of ${c.name ?? c.identifier}`}
            className="rounded-md px-2 py-1 text-[12.5px] font-medium text-indigo-600 hover:bg-indigo-50"
          >
            Requests
          </Link>
          {onEdit && isOtherRow(c) && (
            // Not a consumer a client named: renaming, grouping or hiding it would not hold.
            <span title="Requests from consumers past the app's cap" className="px-2 py-1 text-[12.5px] text-slate-500">
              Past the cap
            </span>
          )}
          {onEdit && !isOtherRow(c) && (
            <button
              type="button"
              onClick={() => onEdit(c)}
              aria-label={`Edit ${c.name ?? c.identifier}`}
              className="rounded-md px-2 py-1 text-[12.5px] font-medium text-indigo-600 hover:bg-indigo-50"
            >
              Edit
            </button>
          )}
        </span>
      ),
    },
  ];
  return (
    <DataTable
      rows={rows}
      columns={columns}
      rowKey={(c) => c.id}
      search={{ placeholder: "Search consumers", text: (c) => `${c.identifier} ${c.name ?? ""} ${c.groupName ?? ""}` }}
      defaultSort={{ key: "requests", dir: "desc" }}
      empty="No consumers sent requests in this period. Consumers appear once your app identifies them (setConsumer in the client)."
      csv={{ filename: "consumers", row: (c) => Object.fromEntries(Object.entries(c).filter(([k]) => k !== "trend")) }}
    />
  );
}

function GroupsTable({ appId, rows }: { appId: number; rows: GroupRow[] }) {
  const viewHref = useViewHref();
  const columns: Column<GroupRow>[] = [
    {
      key: "name",
      header: "Group",
      sort: (g) => g.name.toLowerCase(),
      cell: (g) => (
        <Link
          href={viewHref(`/apps/${appId}/traffic`, { group: String(g.id), consumer: null })}
          className="font-medium text-slate-900 hover:text-indigo-700"
        >
          {g.name}
        </Link>
      ),
    },
    {
      key: "consumers",
      header: "Active / all",
      align: "right",
      sort: (g) => g.activeConsumers,
      cell: (g) => `${formatCount(g.activeConsumers)} / ${formatCount(g.consumers)}`,
    },
    countColumn("requests", "Requests", (r) => r.requests),
    {
      key: "errorRate",
      header: "Error rate",
      align: "right",
      sort: (g) => g.errorRate,
      cell: (g) => <ErrorRate rate={g.errorRate} />,
    },
    {
      key: "last",
      header: "Last request",
      align: "right",
      hideOnPhone: true,
      sort: (g) => g.lastRequest,
      cell: (g) => <TimeAgo t={g.lastRequest} />,
    },
  ];
  return (
    <DataTable
      rows={rows}
      columns={columns}
      rowKey={(g) => g.id}
      search={{ placeholder: "Search groups", text: (g) => g.name }}
      defaultSort={{ key: "requests", dir: "desc" }}
      empty="No groups yet. Put a consumer in a group from the Consumers tab, or send one from the client."
      csv={{ filename: "consumer-groups", row: (g) => g }}
    />
  );
}
