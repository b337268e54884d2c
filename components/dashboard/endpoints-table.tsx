"use client";

// Every endpoint with its traffic and speed; a row opens the endpoint's drill-down with
// the same filters. A red mark flags endpoints whose server errors were captured.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useViewHref } from "@/components/hooks/use-filters";
import { AlertIcon } from "@/components/ui/icons";
import { formatBytes, formatCount, formatMs } from "@/lib/format";
import type { EndpointRow } from "@/lib/queries/endpoints-table";
import { EndpointName, ErrorRate } from "./badges";
import { DataTable, type Column } from "./data-table";

export function EndpointsTable({ appId, rows }: { appId: number; rows: EndpointRow[] }) {
  const router = useRouter();
  const viewHref = useViewHref();
  const href = (e: EndpointRow) => viewHref(`/apps/${appId}/endpoints/${e.id}`, { endpoint: null, method: null });
  const columns: Column<EndpointRow>[] = [
    {
      key: "endpoint",
      header: "Endpoint",
      sort: (e) => `${e.path} ${e.method}`,
      className: "min-w-40 sm:min-w-56",
      cell: (e) => (
        <Link href={href(e)} className="group inline-flex items-center gap-1.5">
          <EndpointName method={e.method} path={e.path} className="group-hover:[&>span:last-child]:text-indigo-700" />
          {e.serverErrors > 0 && (
            <span title={`${formatCount(e.serverErrors)} server errors in this period`} className="text-red-500">
              <AlertIcon className="size-3.5" />
              <span className="sr-only">{e.serverErrors} server errors</span>
            </span>
          )}
        </Link>
      ),
    },
    {
      key: "requests",
      header: "Requests",
      align: "right",
      sort: (e) => e.requests,
      cell: (e) => (e.requests ? formatCount(e.requests) : <span className="text-slate-300">0</span>),
    },
    {
      key: "errorRate",
      header: "Error rate",
      align: "right",
      sort: (e) => e.errorRate,
      cell: (e) => <ErrorRate rate={e.errorRate} />,
    },
    {
      key: "p50",
      header: "p50",
      align: "right",
      hideOnPhone: true,
      sort: (e) => e.p50,
      cell: (e) => <Ms ms={e.p50} />,
    },
    {
      key: "p95",
      header: "p95",
      align: "right",
      hideOnPhone: true,
      sort: (e) => e.p95,
      cell: (e) => <Ms ms={e.p95} />,
    },
    {
      key: "bytesIn",
      header: "Received",
      align: "right",
      hideOnPhone: true,
      sort: (e) => e.bytesIn,
      cell: (e) => <Bytes n={e.bytesIn} />,
    },
    {
      key: "bytesOut",
      header: "Sent",
      align: "right",
      hideOnPhone: true,
      sort: (e) => e.bytesOut,
      cell: (e) => <Bytes n={e.bytesOut} />,
    },
  ];
  return (
    <DataTable
      rows={rows}
      columns={columns}
      rowKey={(e) => e.id}
      search={{ placeholder: "Search endpoints", text: (e) => `${e.method} ${e.path} ${e.summary ?? ""}` }}
      defaultSort={{ key: "requests", dir: "desc" }}
      onRowClick={(e) => router.push(href(e))}
      empty="No endpoints match these filters."
      csv={{ filename: "endpoints", row: (e) => e }}
    />
  );
}

function Ms({ ms }: { ms: number | null }) {
  return ms === null ? <span className="text-slate-300">—</span> : formatMs(ms);
}

function Bytes({ n }: { n: number }) {
  return n ? formatBytes(n) : <span className="text-slate-300">—</span>;
}
