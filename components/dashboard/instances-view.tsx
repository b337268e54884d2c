"use client";

// Instances: CPU and memory of the app's client processes over the period (average with the lowest–highest band,
// requests per bucket on request) and, per environment, every instance that was alive in it.
import { useState } from "react";
import { BandChart, type BandPoint } from "@/components/charts/band-chart";
import { SERIES_COLORS } from "@/components/charts/colors";
import { useView } from "@/components/hooks/use-view";
import { useZoom } from "@/components/hooks/use-zoom";
import { Badge } from "@/components/ui/badge";
import { Checkbox } from "@/components/ui/checkbox";
import { CopyButton } from "@/components/ui/copy-button";
import { orderedVersions } from "@/lib/apps/versions";
import type { ViewData, ViewEnvelope } from "@/lib/dashboard/views";
import { formatBytes, formatPercent, plural } from "@/lib/format";
import type { InstanceRow } from "@/lib/queries/instances-list";
import type { ResourcePoint } from "@/lib/queries/resource-usage";
import { DataTable, type Column } from "./data-table";
import { TimeAgo } from "./time-ago";
import { ViewFrame } from "./view-frame";
import { Panel } from "./view-parts";

export function InstancesView({
  appId,
  initial,
  options,
}: {
  appId: number;
  initial: ViewEnvelope<"instances"> | null;
  options: ViewEnvelope<"filter-options"> | null;
}) {
  const view = useView(appId, "instances", initial);
  return (
    <ViewFrame appId={appId} options={options} view={view} scope="env">
      {view.data && <Instances data={view.data} />}
    </ViewFrame>
  );
}

const cpu = (v: number) => formatPercent(v / 100);
const cpuAxis = (v: number) => formatPercent(v / 100, 0);

function Instances({ data }: { data: ViewData<"instances"> }) {
  const [traffic, setTraffic] = useState(false);
  const zoom = useZoom();
  const { resources, instances } = data;
  const requests = new Map(data.requests.map((r) => [r.t, r.requests]));
  const points = (pick: (p: ResourcePoint) => [number | null, number | null, number | null]): BandPoint[] =>
    resources.points.map((p) => {
      const [avg, min, max] = pick(p);
      return {
        t: p.t,
        partial: p.partial,
        avg,
        band: min === null || max === null ? null : [min, max],
        instances: p.instances,
        requests: requests.get(p.t) ?? null,
      };
    });
  const byEnv = new Map<string, InstanceRow[]>();
  for (const i of instances.rows) byEnv.set(i.env, [...(byEnv.get(i.env) ?? []), i]);

  return (
    <div className="space-y-5">
      <Panel
        title="CPU and memory"
        description={
          <span className="hidden sm:inline">
            Per {resources.bucket}: the average across instances, shaded from the lowest to the highest.
          </span>
        }
        actions={
          <Checkbox checked={traffic} onChange={setTraffic}>
            Show requests
          </Checkbox>
        }
      >
        {resources.hasSamples ? (
          <div className="grid gap-x-6 gap-y-2 px-2 pt-3 pb-3 sm:px-4 lg:grid-cols-2">
            <ChartBlock title="CPU">
              <BandChart
                data={points((p) => [p.cpuAvg, p.cpuMin, p.cpuMax])}
                bucket={resources.bucket}
                color={SERIES_COLORS.brand}
                label="CPU"
                format={cpu}
                axisFormat={cpuAxis}
                traffic={traffic}
                onZoom={zoom}
              />
            </ChartBlock>
            <ChartBlock title="Memory (RSS)">
              <BandChart
                data={points((p) => [p.rssAvg, p.rssMin, p.rssMax])}
                bucket={resources.bucket}
                color={SERIES_COLORS.teal}
                label="Memory"
                format={formatBytes}
                traffic={traffic}
                onZoom={zoom}
              />
            </ChartBlock>
          </div>
        ) : (
          <p className="px-5 py-10 text-center text-sm text-slate-500">
            {instances.rows.length
              ? "No CPU or memory samples in this period. The clients send them with every sync after a process's first one, so a process that has synced once has none yet; OpenTelemetry apps need the process.cpu.utilization and process.memory.usage metrics."
              : "Nothing to chart: no instance sent data in this period."}
          </p>
        )}
      </Panel>
      {instances.rows.length === 0 ? (
        <Panel title="Instances" description="Client processes that sent data in this period">
          <p className="px-5 py-10 text-center text-sm text-slate-500">
            No instance sent data in this period. Each process running the Apitally client (or an OpenTelemetry SDK)
            shows here after its first sync.
          </p>
        </Panel>
      ) : (
        [...byEnv].map(([env, rows]) => (
          <Panel
            key={env}
            title={
              <span className="inline-flex items-center gap-2">
                Instances <Badge mono>{env}</Badge>
              </span>
            }
            description={`${plural(rows.length, "instance")}, ${rows.filter((r) => r.status === "live").length} up`}
          >
            <DataTable
              rows={rows}
              columns={COLUMNS}
              rowKey={(r) => r.uuid}
              defaultSort={{ key: "lastSync", dir: "desc" }}
              csv={{ filename: `instances-${env}`, row: csvRow }}
            />
          </Panel>
        ))
      )}
      {instances.truncated && (
        <p className="text-center text-[13px] text-slate-500">
          Only the {plural(instances.rows.length, "most recently active instance")} are listed.
        </p>
      )}
    </div>
  );
}

function ChartBlock({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section className="min-w-0">
      <h3 className="px-2 pb-1 text-[13px] font-medium text-slate-700">{title}</h3>
      {children}
    </section>
  );
}

const STATUS = {
  live: { tone: "green", text: "Up" },
  idle: { tone: "amber", text: "Stale" },
  none: { tone: "neutral", text: "No sync" },
} as const;

const COLUMNS: Column<InstanceRow>[] = [
  {
    key: "uuid",
    header: "Instance",
    cell: (r) => (
      <span className="inline-flex items-center gap-1 font-mono text-[12px] text-slate-700" title={r.uuid}>
        {r.uuid.slice(0, 8)}
        <CopyButton text={r.uuid} label="Copy instance id" tone="light" />
      </span>
    ),
  },
  {
    key: "client",
    header: "Client",
    cell: (r) => (
      <span
        className="font-mono text-[12px] whitespace-nowrap text-slate-700"
        title={orderedVersions(r.versions, 20)
          .map(([n, v]) => `${n} ${v}`)
          .join("\n")}
      >
        {r.client ?? "—"}
      </span>
    ),
    sort: (r) => r.client,
  },
  {
    key: "library",
    header: "Library",
    cell: (r) => <Version v={r.versions.apitally} />,
    sort: (r) => r.versions.apitally ?? null,
    hideOnPhone: true,
  },
  {
    key: "app",
    header: "App version",
    cell: (r) => <Version v={r.versions.app} />,
    sort: (r) => r.versions.app ?? null,
  },
  { key: "firstSeen", header: "First seen", cell: (r) => <TimeAgo t={r.firstSeen} />, sort: (r) => r.firstSeen },
  {
    key: "startup",
    header: "Last startup",
    cell: (r) => <TimeAgo t={r.startupAt} />,
    sort: (r) => r.startupAt,
    hideOnPhone: true,
  },
  { key: "lastSync", header: "Last sync", cell: (r) => <TimeAgo t={r.lastSyncAt} />, sort: (r) => r.lastSyncAt },
  {
    key: "status",
    header: "Status",
    cell: (r) => <Badge tone={STATUS[r.status].tone}>{STATUS[r.status].text}</Badge>,
    sort: (r) => r.status,
  },
];

function Version({ v }: { v: string | undefined }) {
  return v ? (
    <span className="font-mono text-[12px] text-slate-700">{v}</span>
  ) : (
    <span className="text-slate-300">—</span>
  );
}

const iso = (t: number | null) => (t === null ? null : new Date(t * 1000).toISOString());
const csvRow = (r: InstanceRow) => ({
  instance: r.uuid,
  env: r.env,
  client: r.client,
  library: r.versions.apitally ?? null,
  app_version: r.versions.app ?? null,
  first_seen: iso(r.firstSeen),
  last_startup: iso(r.startupAt),
  last_sync: iso(r.lastSyncAt),
  status: STATUS[r.status].text,
});
