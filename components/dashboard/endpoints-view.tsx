"use client";

// Endpoints / Performance: how fast the API answers (percentiles over time and the
// distribution), and every endpoint with its speed and errors.
import { HistogramChart } from "@/components/charts/histogram-chart";
import { useView } from "@/components/hooks/use-view";
import { useZoom } from "@/components/hooks/use-zoom";
import type { ViewEnvelope } from "@/lib/dashboard/views";
import { formatMs } from "@/lib/format";
import { EndpointsTable } from "./endpoints-table";
import { PERCENTILE_SERIES, ResponseTimePanel } from "./response-time-chart";
import { StatCards } from "./stat-cards";
import { ZoomHint } from "./traffic-view";
import { ViewFrame } from "./view-frame";
import { NoMatches, Panel } from "./view-parts";

export function EndpointsView({
  appId,
  initial,
  options,
}: {
  appId: number;
  initial: ViewEnvelope<"endpoints"> | null;
  options: ViewEnvelope<"filter-options"> | null;
}) {
  const view = useView(appId, "endpoints", initial);
  const zoom = useZoom();
  const data = view.data;
  const bucket = view.envelope?.window.bucket ?? "hour";
  return (
    <ViewFrame appId={appId} options={options} view={view}>
      {data && (
        <div className="space-y-5">
          <StatCards
            stats={PERCENTILE_SERIES.map((s) => ({
              key: s.key,
              label: `${s.label} response time`,
              value: formatMs(data.responseTimes.overall[s.key]),
              sub: "all endpoints in the filters",
            }))}
          />
          <div className="grid gap-5 lg:grid-cols-5">
            <ResponseTimePanel
              responseTimes={data.responseTimes}
              bucket={bucket}
              description={<ZoomHint bucket={bucket} />}
              onZoom={zoom}
            />
            <Panel className="lg:col-span-2" title="Distribution" description="Requests by response time">
              <div className="px-2 py-3 sm:px-4">
                {data.responseTimes.histogram.length ? (
                  <HistogramChart bins={data.responseTimes.histogram} height={260} />
                ) : (
                  <NoMatches />
                )}
              </div>
            </Panel>
          </div>
          <Panel title="Endpoints" description="Open one for its consumers, response times, Apdex and errors">
            <EndpointsTable appId={appId} rows={data.endpoints} />
          </Panel>
        </div>
      )}
    </ViewFrame>
  );
}
