"use client";

// The error lists shared by the Errors view and the endpoint drill-down: error responses
// per status and endpoint, validation errors, and server errors with their tracebacks.
import Link from "next/link";
import { useState } from "react";
import { useRequestsHref, useViewHref } from "@/components/hooks/use-filters";
import { useView } from "@/components/hooks/use-view";
import { cn } from "@/components/ui/cn";
import { ChevronRightIcon } from "@/components/ui/icons";
import { formatCount, plural } from "@/lib/format";
import type { ErrorResponseRow } from "@/lib/queries/error-responses";
import type { ServerErrorRow } from "@/lib/queries/server-errors";
import type { ValidationErrorRow } from "@/lib/queries/validation-errors";
import { EndpointName, StatusBadge } from "./badges";
import { consumersColumn, countColumn, lastSeenColumn } from "./columns";
import { DataTable, type Column } from "./data-table";
import { TimeAgo } from "./time-ago";

export function ErrorResponsesTable({ appId, rows }: { appId: number; rows: ErrorResponseRow[] }) {
  const viewHref = useViewHref();
  const columns: Column<ErrorResponseRow>[] = [
    { key: "status", header: "Status", sort: (r) => r.statusCode, cell: (r) => <StatusBadge code={r.statusCode} /> },
    {
      key: "endpoint",
      header: "Endpoint",
      sort: (r) => `${r.path} ${r.method}`,
      className: "min-w-40 sm:min-w-52",
      cell: (r) => (
        <Link
          href={viewHref(`/apps/${appId}/endpoints/${r.endpointId}`, {
            status: String(r.statusCode),
            endpoint: null,
            method: null,
          })}
          className="hover:[&_span:last-child]:text-indigo-700"
        >
          <EndpointName method={r.method} path={r.path} />
        </Link>
      ),
    },
    countColumn("occurrences", "Occurrences", (r) => r.occurrences),
    consumersColumn(),
    lastSeenColumn(),
  ];
  return (
    <DataTable
      rows={rows}
      columns={columns}
      rowKey={(r) => `${r.endpointId}-${r.statusCode}`}
      search={{ placeholder: "Search status or endpoint", text: (r) => `${r.statusCode} ${r.method} ${r.path}` }}
      defaultSort={{ key: "occurrences", dir: "desc" }}
      empty="No error responses in this period."
      csv={{ filename: "error-responses", row: (r) => r }}
    />
  );
}

export function ValidationErrorsTable({
  rows,
  showEndpoint = true,
}: {
  rows: ValidationErrorRow[];
  showEndpoint?: boolean;
}) {
  const columns: Column<ValidationErrorRow>[] = [
    {
      key: "loc",
      header: "Field",
      sort: (r) => r.loc.join("."),
      cell: (r) => (
        <code className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-[12px] break-words text-slate-800">
          {r.loc.join(".")}
        </code>
      ),
    },
    {
      key: "msg",
      header: "Message",
      className: "min-w-40 sm:min-w-56",
      sort: (r) => r.msg,
      cell: (r) => (
        <div>
          <div className="text-slate-800">{r.msg}</div>
          {r.type && <div className="font-mono text-[11.5px] text-slate-400">{r.type}</div>}
        </div>
      ),
    },
    ...(showEndpoint
      ? [
          {
            key: "endpoint",
            header: "Endpoint",
            className: "min-w-52",
            hideOnPhone: true,
            sort: (r: ValidationErrorRow) => `${r.path} ${r.method}`,
            cell: (r: ValidationErrorRow) => <EndpointName method={r.method} path={r.path} />,
          },
        ]
      : []),
    countColumn("count", "Count", (r) => r.count),
    consumersColumn(),
    lastSeenColumn(),
  ];
  return (
    <DataTable
      rows={rows}
      columns={columns}
      rowKey={(r) => r.id}
      search={
        rows.length > 5
          ? {
              placeholder: "Search validation errors",
              text: (r) => `${r.loc.join(".")} ${r.msg} ${r.type} ${r.method} ${r.path}`,
            }
          : undefined
      }
      defaultSort={{ key: "count", dir: "desc" }}
      empty="No validation errors in this period."
      csv={{ filename: "validation-errors", row: (r) => ({ ...r, loc: r.loc.join(".") }) }}
    />
  );
}

/** Server errors as expandable rows: the traceback loads when a row opens. */
export function ServerErrorsList({
  appId,
  rows,
  showEndpoint = true,
}: {
  appId: number;
  rows: ServerErrorRow[];
  showEndpoint?: boolean;
}) {
  const [open, setOpen] = useState<number | null>(null);
  const requestsHref = useRequestsHref();
  if (!rows.length)
    return <div className="px-5 py-10 text-center text-sm text-slate-500">No server errors in this period.</div>;
  return (
    <ul className="mt-2 divide-y divide-slate-100 border-t border-slate-100">
      {rows.map((e) => (
        <li key={e.id}>
          <button
            type="button"
            aria-expanded={open === e.id}
            onClick={() => setOpen(open === e.id ? null : e.id)}
            className="flex w-full items-start gap-3 px-4 py-3 text-left hover:bg-slate-50 sm:px-5"
          >
            <ChevronRightIcon
              className={cn("mt-0.5 text-slate-400 transition-transform", open === e.id && "rotate-90")}
            />
            <div className="min-w-0 flex-1">
              <div className="flex flex-wrap items-baseline gap-x-2">
                <span className="font-mono text-[13px] font-semibold text-red-700">{e.type}</span>
                <span className="min-w-0 text-[13px] break-words text-slate-800">{e.msg}</span>
              </div>
              <div className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-slate-500">
                {showEndpoint && <EndpointName method={e.method} path={e.path} />}
                <span>
                  first seen <TimeAgo t={e.firstSeen} />
                </span>
                <span>
                  last seen <TimeAgo t={e.lastSeen} />
                </span>
                {e.consumers > 0 && <span>{plural(e.consumers, "consumer")}</span>}
              </div>
            </div>
            <div className="shrink-0 text-right">
              <div className="text-[15px] font-semibold text-slate-900 tabular-nums">{formatCount(e.count)}</div>
              <div className="text-[11px] text-slate-500">{e.count === 1 ? "time" : "times"}</div>
            </div>
          </button>
          {open === e.id && (
            <Traceback
              appId={appId}
              errorId={e.id}
              sentryEventId={e.sentryEventId}
              requestsHref={requestsHref(appId, {
                endpoint: String(e.endpointId),
                method: null,
                status: null,
                exception: "1",
              })}
            />
          )}
        </li>
      ))}
    </ul>
  );
}

function Traceback({
  appId,
  errorId,
  sentryEventId,
  requestsHref,
}: {
  appId: number;
  errorId: number;
  sentryEventId: string | null;
  /** The Requests view narrowed to the requests that may have raised it. */
  requestsHref: string;
}) {
  const { data, error, isPending } = useView(appId, "traceback", null, { errorId: String(errorId) }, { poll: false });
  return (
    <div className="px-4 pb-4 sm:px-5 sm:pl-12">
      {isPending ? (
        <div className="h-24 animate-pulse rounded-lg bg-slate-100" />
      ) : error ? (
        <p className="text-[13px] text-red-600">The traceback could not be loaded: {error.message}</p>
      ) : data?.traceback ? (
        <pre
          className={cn(
            "max-h-96 overflow-auto rounded-lg bg-slate-900 p-3 font-mono text-[12px] leading-relaxed whitespace-pre",
            "text-slate-100",
          )}
        >
          {data.traceback}
        </pre>
      ) : (
        <p className="text-[13px] text-slate-500">The client sent no traceback for this error.</p>
      )}
      <div className="mt-2 flex flex-wrap items-center justify-between gap-2 text-xs text-slate-500">
        {sentryEventId ? (
          <p>
            Sentry event: <code className="font-mono">{sentryEventId}</code>
          </p>
        ) : (
          <span />
        )}
        <Link href={requestsHref} className="font-medium text-indigo-600 hover:text-indigo-500">
          Requests with this error →
        </Link>
      </div>
    </div>
  );
}
