"use client";

// Errors: 4xx vs 5xx over time, the failing status codes per endpoint, validation errors
// and server errors with their tracebacks.
import { STATUS_CLASS_COLORS } from "@/components/charts/colors";
import { Legend } from "@/components/charts/legend";
import { TimeSeriesChart } from "@/components/charts/time-series-chart";
import { useView } from "@/components/hooks/use-view";
import { useZoom } from "@/components/hooks/use-zoom";
import type { ViewData, ViewEnvelope } from "@/lib/dashboard/views";
import { formatCount, formatPercent } from "@/lib/format";
import { CsvButton } from "./csv-button";
import { ErrorResponsesTable, ServerErrorsList, ValidationErrorsTable } from "./error-tables";
import { StatCards } from "./stat-cards";
import { ZoomHint } from "./traffic-view";
import { ViewFrame } from "./view-frame";
import { Panel } from "./view-parts";

const SERIES = [
  { key: "4xx", label: "Client errors (4xx)", color: STATUS_CLASS_COLORS["4xx"] },
  { key: "5xx", label: "Server errors (5xx)", color: STATUS_CLASS_COLORS["5xx"] },
];

export function ErrorsView({
  appId,
  initial,
  options,
}: {
  appId: number;
  initial: ViewEnvelope<"errors"> | null;
  options: ViewEnvelope<"filter-options"> | null;
}) {
  const view = useView(appId, "errors", initial);
  const zoom = useZoom();
  const data = view.data;
  return (
    <ViewFrame appId={appId} options={options} view={view}>
      {data && (
        <div className="space-y-5">
          <ErrorStats data={data} />
          <Panel
            title="Errors over time"
            description={<ZoomHint bucket={data.chart.bucket} />}
            actions={<Legend series={SERIES} />}
          >
            <div className="px-2 py-3 sm:px-4">
              <TimeSeriesChart
                data={data.chart.points}
                bucket={data.chart.bucket}
                series={SERIES}
                kind="stacked"
                format={formatCount}
                showTotal
                onZoom={zoom}
              />
            </div>
          </Panel>
          <Panel title="Error responses" description="4xx and 5xx responses per status code and endpoint">
            <ErrorResponsesTable appId={appId} rows={data.responses} />
          </Panel>
          <Panel
            title="Server errors"
            description="Exceptions your app raised; open one for its traceback"
            actions={
              data.serverErrors.length > 0 && (
                <CsvButton
                  filename="server-errors"
                  rows={() =>
                    data.serverErrors.map((e) => ({
                      ...e,
                      firstSeen: new Date(e.firstSeen * 1000).toISOString(),
                      lastSeen: new Date(e.lastSeen * 1000).toISOString(),
                    }))
                  }
                />
              )
            }
          >
            <ServerErrorsList appId={appId} rows={data.serverErrors} />
          </Panel>
          <Panel title="Validation errors" description="Requests rejected because of invalid input">
            <ValidationErrorsTable rows={data.validationErrors} />
          </Panel>
        </div>
      )}
    </ViewFrame>
  );
}

function ErrorStats({ data }: { data: ViewData<"errors"> }) {
  const { current: c, previous: p } = data.totals;
  const sum = (k: "4xx" | "5xx") => data.chart.points.reduce((n, pt) => n + (pt[k] ?? 0), 0);
  return (
    <StatCards
      stats={[
        {
          key: "rate",
          label: "Error rate",
          value: formatPercent(c.errorRate),
          current: c.errorRate,
          previous: p.errorRate,
          good: "down",
          delta: "points",
        },
        {
          key: "errors",
          label: "Error responses",
          value: formatCount(c.errors),
          current: c.errors,
          previous: p.errors,
          good: "down",
        },
        { key: "4xx", label: "Client errors (4xx)", value: formatCount(sum("4xx")), sub: "in this period" },
        { key: "5xx", label: "Server errors (5xx)", value: formatCount(sum("5xx")), sub: "in this period" },
      ]}
    />
  );
}
