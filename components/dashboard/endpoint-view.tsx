"use client";

// One endpoint: traffic by status, who calls it, how fast it answers (percentiles,
// distribution, Apdex), payload sizes, and what fails on it.
import Link from "next/link";
import { statusCodeColors } from "@/components/charts/colors";
import { HistogramChart } from "@/components/charts/histogram-chart";
import { Legend } from "@/components/charts/legend";
import { TimeSeriesChart } from "@/components/charts/time-series-chart";
import { useRequestsHref, useViewHref } from "@/components/hooks/use-filters";
import { useView } from "@/components/hooks/use-view";
import { useZoom } from "@/components/hooks/use-zoom";
import { buttonClass } from "@/components/ui/button";
import type { ViewData, ViewEnvelope } from "@/lib/dashboard/views";
import { formatBytes, formatCompact, formatCount, formatMs, formatPercent } from "@/lib/format";
import type { TopConsumer } from "@/lib/queries/top-consumers";
import { EndpointName, ErrorRate } from "./badges";
import { DataTable } from "./data-table";
import { EndpointApdexForm } from "./endpoint-apdex-form";
import { ServerErrorsList, ValidationErrorsTable } from "./error-tables";
import { ResponseTimePanel } from "./response-time-chart";
import { StatCards, type Stat } from "./stat-cards";
import { ZoomHint } from "./traffic-view";
import { ViewFrame } from "./view-frame";
import { NoMatches, Panel } from "./view-parts";

/** `configurable`: the person's role lets them set the endpoint's Apdex threshold. */
export function EndpointView({
  appId,
  endpointId,
  configurable,
  initial,
  options,
}: {
  appId: number;
  endpointId: number;
  configurable: boolean;
  initial: ViewEnvelope<"endpoint"> | null;
  options: ViewEnvelope<"filter-options"> | null;
}) {
  const view = useView(appId, "endpoint", initial, { endpointId: String(endpointId) });
  const viewHref = useViewHref();
  const requestsHref = useRequestsHref();
  return (
    <>
      <Link
        href={viewHref(`/apps/${appId}/endpoints`)}
        className="mb-3 inline-flex items-center gap-1 text-[13px] font-medium text-slate-500 hover:text-slate-800"
      >
        ← All endpoints
      </Link>
      {view.data && (
        <div className="mb-4 flex flex-wrap items-start justify-between gap-x-4 gap-y-2">
          <div className="min-w-0">
            <h2 className="text-lg font-semibold">
              <EndpointName
                method={view.data.endpoint.method}
                path={view.data.endpoint.path}
                className="[&>span:last-child]:text-base [&>span:last-child]:text-slate-900"
              />
            </h2>
            {(view.data.endpoint.summary || view.data.endpoint.description) && (
              <p className="mt-1 text-sm text-slate-500">
                {view.data.endpoint.summary ?? view.data.endpoint.description}
              </p>
            )}
          </div>
          <Link
            href={requestsHref(appId, { endpoint: String(endpointId), method: null })}
            className={buttonClass({ variant: "secondary", size: "sm" })}
          >
            Recent requests →
          </Link>
        </div>
      )}
      <ViewFrame appId={appId} options={options} view={view}>
        {view.data && view.envelope && (
          <Endpoint appId={appId} configurable={configurable} data={view.data} bucket={view.envelope.window.bucket} />
        )}
      </ViewFrame>
    </>
  );
}

function Endpoint({
  appId,
  configurable,
  data,
  bucket,
}: {
  appId: number;
  configurable: boolean;
  data: ViewData<"endpoint">;
  bucket: ViewEnvelope<"endpoint">["window"]["bucket"];
}) {
  const zoom = useZoom();
  const viewHref = useViewHref();
  const { current: c, previous: p } = data.totals;
  const a = data.apdex;
  const total = a.satisfied + a.tolerating + a.frustrated;
  const stats: Stat[] = [
    {
      key: "requests",
      label: "Requests",
      value: formatCompact(c.requests),
      current: c.requests,
      previous: p.requests,
      good: "neutral",
    },
    {
      key: "errorRate",
      label: "Error rate",
      value: formatPercent(c.errorRate),
      current: c.errorRate,
      previous: p.errorRate,
      good: "down",
      delta: "points",
    },
    {
      key: "p50",
      label: "p50",
      value: formatMs(data.responseTimes.overall.p50),
      sub: `p75 ${formatMs(data.responseTimes.overall.p75)}`,
    },
    {
      key: "p95",
      label: "p95",
      value: formatMs(data.responseTimes.overall.p95),
      sub: `p99 ${formatMs(data.responseTimes.overall.p99)}`,
    },
    {
      key: "apdex",
      label: "Apdex",
      value: a.score === null ? "—" : a.score.toFixed(2),
      sub: `T = ${formatMs(a.thresholdMs)}${total ? ` · ${formatPercent(a.satisfied / total, 0)} satisfied` : ""}`,
    },
    {
      key: "size",
      label: "Avg response size",
      value: formatBytes(data.sizes.avgResponseBytes),
      sub: `request ${formatBytes(data.sizes.avgRequestBytes)} · ${formatBytes(c.bytesOut)} sent`,
    },
  ];
  const colors = statusCodeColors(data.statusCodes);
  const statusSeries = data.statusCodes.map((code) => ({
    key: String(code),
    label: String(code),
    color: colors[code],
  }));
  const consumerColumns = [
    {
      key: "consumer",
      header: "Consumer",
      sort: (r: TopConsumer) => r.name ?? r.identifier,
      cell: (r: TopConsumer) => (
        <Link
          href={viewHref(`/apps/${appId}/traffic`, { consumer: String(r.id), group: null })}
          className="group block"
        >
          <span className="font-medium text-slate-900 group-hover:text-indigo-700">{r.name ?? r.identifier}</span>
          {r.name && <span className="block font-mono text-[11.5px] break-all text-slate-500">{r.identifier}</span>}
        </Link>
      ),
    },
    {
      key: "requests",
      header: "Requests",
      align: "right" as const,
      sort: (r: TopConsumer) => r.requests,
      cell: (r: TopConsumer) => formatCount(r.requests),
    },
    {
      key: "errorRate",
      header: "Error rate",
      align: "right" as const,
      sort: (r: TopConsumer) => r.errorRate,
      cell: (r: TopConsumer) => <ErrorRate rate={r.errorRate} />,
    },
  ];
  return (
    <div className="space-y-5">
      <StatCards stats={stats} />
      <div className="grid gap-5 lg:grid-cols-5 lg:items-start">
        <Panel
          className="lg:col-span-3"
          title="Requests by status"
          description={<ZoomHint bucket={bucket} />}
          actions={<Legend series={statusSeries} />}
        >
          <div className="px-2 py-3 sm:px-4">
            {c.requests ? (
              <TimeSeriesChart
                data={data.statusChart}
                bucket={bucket}
                series={statusSeries}
                kind="stacked"
                format={formatCount}
                showTotal
                onZoom={zoom}
              />
            ) : (
              <NoMatches />
            )}
          </div>
        </Panel>
        <Panel className="lg:col-span-2" title="Top consumers" description="By requests to this endpoint">
          <DataTable
            rows={data.topConsumers}
            columns={consumerColumns}
            rowKey={(r) => r.id}
            empty="No identified consumers called this endpoint in this period."
            csv={{ filename: "endpoint-consumers", row: (c) => c }}
          />
        </Panel>
      </div>
      <div className="grid gap-5 lg:grid-cols-5">
        <ResponseTimePanel
          responseTimes={data.responseTimes}
          bucket={bucket}
          description="Percentiles per bucket"
          onZoom={zoom}
        />
        <Panel
          className="lg:col-span-2"
          title="Distribution"
          description={`Slower than the Apdex threshold (${formatMs(a.thresholdMs)}) in amber`}
        >
          <div className="px-2 py-3 sm:px-4">
            {data.responseTimes.histogram.length ? (
              <HistogramChart bins={data.responseTimes.histogram} thresholdMs={a.thresholdMs} height={260} />
            ) : (
              <NoMatches />
            )}
          </div>
        </Panel>
      </div>
      {configurable && (
        <Panel
          title="Apdex threshold"
          description={
            data.endpoint.apdexTSource === "endpoint"
              ? "This endpoint has its own threshold."
              : `This endpoint uses the app's threshold (${formatMs(data.endpoint.appApdexTMs)}).`
          }
        >
          <EndpointApdexForm
            appId={appId}
            endpointId={data.endpoint.id}
            ownTMs={data.endpoint.apdexTSource === "endpoint" ? data.endpoint.apdexTMs : null}
            appTMs={data.endpoint.appApdexTMs}
          />
        </Panel>
      )}
      <Panel title="Server errors" description="Exceptions raised by this endpoint; open one for its traceback">
        <ServerErrorsList appId={appId} rows={data.serverErrors} showEndpoint={false} />
      </Panel>
      <Panel title="Validation errors" description="Invalid input sent to this endpoint">
        <ValidationErrorsTable rows={data.validationErrors} showEndpoint={false} />
      </Panel>
    </div>
  );
}
