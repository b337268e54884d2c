"use client";

// One logged request: what was asked and answered (headers, bodies), what went wrong (the
// exception), what the app wrote meanwhile (its logs) and where the time went (its spans).
import Link from "next/link";
import { useViewHref } from "@/components/hooks/use-filters";
import { Card, CardHeader } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { CopyButton } from "@/components/ui/copy-button";
import { countryName, formatBytes, formatLogTime, formatMs } from "@/lib/format";
import type { AppLogLine, RequestDetail } from "@/lib/queries/request-detail";
import { MethodBadge, StatusBadge } from "./badges";
import { ClientAddress } from "./client-address";
import { RequestBody } from "./request-body";
import { SpanWaterfall } from "./span-waterfall";

// How the clients write a masked header value.
const MASKED = /^\*{3,}$/;

export function RequestDetailView({
  appId,
  detail: d,
  query,
}: {
  appId: number;
  detail: RequestDetail;
  query: string;
}) {
  const list = `/apps/${appId}/requests${query ? `?${query}` : ""}`;
  const viewHref = useViewHref();
  return (
    <div className="space-y-4">
      <Link
        href={list}
        className="inline-flex items-center gap-1 text-[13px] font-medium text-slate-500 hover:text-slate-800"
      >
        ← All requests
      </Link>

      <Card className="px-4 py-4 sm:px-5">
        <div className="flex flex-wrap items-center gap-2">
          <StatusBadge code={d.statusCode} />
          <MethodBadge method={d.method} />
          <h1 className="min-w-0 font-mono text-[15px] font-semibold break-all text-slate-900">{d.path ?? d.url}</h1>
        </div>
        <div className="mt-2 flex items-start gap-2">
          <p className="min-w-0 flex-1 font-mono text-[12.5px] break-all text-slate-600">{d.url}</p>
          <CopyButton text={d.url} label="Copy URL" tone="light" />
        </div>
        <dl className="mt-4 grid grid-cols-2 gap-x-6 gap-y-3 text-[13px] sm:grid-cols-3 lg:grid-cols-6">
          <Fact label="Response time" value={formatMs(d.responseTimeMs)} />
          <Fact label="Request size" value={formatBytes(d.requestSize)} />
          <Fact label="Response size" value={formatBytes(d.responseSize)} />
          <Fact
            label="Time"
            value={
              <time dateTime={new Date(d.ts * 1000).toISOString()} suppressHydrationWarning>
                {formatLogTime(d.ts, { day: true })}
              </time>
            }
          />
          <Fact label="Environment" value={d.env || "—"} />
          <Fact
            label="Instance"
            value={
              d.instance ? (
                <Link
                  href={viewHref(`/apps/${appId}/instances`, { env: d.env || null })}
                  className="font-mono text-indigo-700 hover:underline"
                  title={d.instance.client ? `${d.instance.uuid} (${d.instance.client})` : d.instance.uuid}
                >
                  {d.instance.uuid.slice(0, 8)}
                </Link>
              ) : (
                <span
                  className="text-slate-500"
                  title="The Apitally hub clients do not say which instance served a logged request; OpenTelemetry does (service.instance.id)"
                >
                  Not sent by the client
                </span>
              )
            }
          />
          <Fact
            label="Consumer"
            value={
              d.consumer ? (
                <Link
                  href={viewHref(`/apps/${appId}/traffic`, { consumer: String(d.consumer.id), group: null })}
                  className="text-indigo-700 hover:underline"
                  title={d.consumer.identifier}
                >
                  {d.consumer.name ?? d.consumer.identifier}
                </Link>
              ) : (
                "—"
              )
            }
          />
          {d.clientIp && (
            <Fact
              label="Client IP"
              value={<ClientAddress appId={appId} ip={d.clientIp} country={d.clientCountry} className="flex-wrap" />}
            />
          )}
          {d.clientCountry && <Fact label="Country" value={countryName(d.clientCountry)} />}
          <Fact
            label="Request ID"
            className="col-span-2"
            value={<span className="font-mono text-xs break-all">{d.id}</span>}
          />
          {d.traceId && (
            <Fact
              label="Trace ID"
              className="col-span-2"
              value={<span className="font-mono text-xs break-all">{d.traceId}</span>}
            />
          )}
        </dl>
      </Card>

      {d.exception && <ExceptionCard exception={d.exception} />}

      <div className="grid gap-5 lg:grid-cols-2">
        <MessageCard title="Request" headers={d.request.headers} body={d.request.body} />
        <MessageCard title="Response" headers={d.response.headers} body={d.response.body} />
      </div>

      <Card className="min-w-0 overflow-hidden">
        <CardHeader
          title="Application logs"
          description={d.logs.length ? `${d.logs.length} written while the request ran` : undefined}
        />
        {d.logs.length ? <LogTable logs={d.logs} /> : <Nothing>No logs were captured for this request.</Nothing>}
      </Card>

      <Card className="min-w-0 overflow-hidden">
        <CardHeader
          title="Spans"
          description={d.waterfall ? `${d.waterfall.spans.length} spans; click one for its attributes` : undefined}
        />
        {d.waterfall ? (
          <div className="px-4 py-3 sm:px-5">
            <SpanWaterfall waterfall={d.waterfall} />
          </div>
        ) : (
          <Nothing>No spans were captured for this request.</Nothing>
        )}
      </Card>
    </div>
  );
}

function Fact({ label, value, className }: { label: string; value: React.ReactNode; className?: string }) {
  return (
    <div className={cn("min-w-0", className)}>
      <dt className="text-xs text-slate-500">{label}</dt>
      <dd className="mt-0.5 font-medium text-slate-900 tabular-nums">{value}</dd>
    </div>
  );
}

function Nothing({ children }: { children: React.ReactNode }) {
  return <p className="px-5 py-6 text-center text-[13px] text-slate-500">{children}</p>;
}

function ExceptionCard({ exception: e }: { exception: NonNullable<RequestDetail["exception"]> }) {
  return (
    <Card tone="danger" className="min-w-0 overflow-hidden">
      <CardHeader
        title={<span className="text-red-700">Exception</span>}
        description={
          <span className="font-mono text-[13px] break-all text-slate-800">
            <span className="font-semibold">{e.type || "Exception"}</span>
            {e.message && `: ${e.message}`}
          </span>
        }
        actions={
          e.sentryEventId && (
            <span className="text-xs text-slate-500">
              Sentry event <span className="font-mono text-slate-700">{e.sentryEventId}</span>
            </span>
          )
        }
      />
      {e.stack && (
        <div className="relative">
          <div className="absolute top-1.5 right-2">
            <CopyButton text={e.stack} label="Copy stack trace" />
          </div>
          <pre
            aria-label="Stack trace"
            className="max-h-[28rem] overflow-auto bg-slate-900 p-4 pr-20 font-mono text-[12px] leading-5 whitespace-pre text-slate-100"
          >
            {e.stack}
          </pre>
        </div>
      )}
    </Card>
  );
}

function MessageCard({
  title,
  headers,
  body,
}: {
  title: string;
  headers: [string, string][];
  body: RequestDetail["request"]["body"];
}) {
  return (
    <Card className="min-w-0 overflow-hidden">
      <CardHeader title={title} />
      <div className="space-y-4 px-4 py-4 sm:px-5">
        <section>
          <h3 className="mb-1.5 text-xs font-medium tracking-wide text-slate-500 uppercase">Headers</h3>
          {headers.length ? (
            <table className="w-full table-fixed text-[12.5px]">
              <tbody className="divide-y divide-slate-100">
                {headers.map(([name, value], i) => (
                  <tr key={i} className="align-top">
                    <th
                      scope="row"
                      className="w-2/5 py-1 pr-3 text-left font-mono font-normal break-all text-slate-500"
                    >
                      {name}
                    </th>
                    <td className="py-1 font-mono break-all text-slate-800">
                      {MASKED.test(value) ? (
                        <span className="rounded bg-slate-100 px-1.5 py-0.5 text-[11px] text-slate-600">masked</span>
                      ) : (
                        value
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p className="text-[13px] text-slate-500">No headers were captured.</p>
          )}
        </section>
        <section>
          <h3 className="mb-1.5 text-xs font-medium tracking-wide text-slate-500 uppercase">Body</h3>
          <RequestBody body={body} label={`${title} body`} />
        </section>
      </div>
    </Card>
  );
}

const LEVEL_TONES: [RegExp, string][] = [
  [/crit|fatal|error|exception/i, "bg-red-50 text-red-700 ring-red-200"],
  [/warn/i, "bg-amber-50 text-amber-800 ring-amber-200"],
  [/info|log/i, "bg-sky-50 text-sky-700 ring-sky-200"],
];

function LogTable({ logs }: { logs: AppLogLine[] }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full min-w-[36rem] text-[12.5px]">
        <thead className="bg-slate-50/70 text-left text-[11.5px] font-medium tracking-wide text-slate-500 uppercase">
          <tr>
            <th className="px-4 py-2 font-medium sm:px-5">Time</th>
            <th className="px-2 py-2 font-medium">Level</th>
            <th className="px-2 py-2 font-medium">Logger</th>
            <th className="px-2 py-2 font-medium">Message</th>
            <th className="px-4 py-2 font-medium sm:px-5">Source</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {logs.map((l, i) => (
            <tr key={i} className="align-top">
              <td
                className="px-4 py-1.5 whitespace-nowrap text-slate-500 tabular-nums sm:px-5"
                suppressHydrationWarning
              >
                {l.ts === null ? "—" : formatLogTime(l.ts)}
              </td>
              <td className="px-2 py-1.5">
                {l.level && (
                  <span
                    className={cn(
                      "rounded px-1 font-mono text-[10.5px] font-semibold uppercase ring-1 ring-inset",
                      LEVEL_TONES.find(([re]) => re.test(l.level!))?.[1] ??
                        "bg-slate-100 text-slate-700 ring-slate-200",
                    )}
                  >
                    {l.level}
                  </span>
                )}
              </td>
              <td className="px-2 py-1.5 font-mono text-slate-600">{l.logger ?? "—"}</td>
              <td className="px-2 py-1.5 font-mono break-all whitespace-pre-wrap text-slate-900">{l.message}</td>
              <td
                className="px-4 py-1.5 font-mono whitespace-nowrap text-slate-500 sm:px-5"
                title={l.file ? `${l.file}${l.line != null ? `:${l.line}` : ""}` : undefined}
              >
                {l.file ? `${l.file.split("/").pop()}${l.line != null ? `:${l.line}` : ""}` : "—"}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
