// The Requests list as a download (CSV or NDJSON) with the list's filters, streamed: a keyset page is read only
// when the client has taken the previous one, so a million rows cost one page of memory and a slow or gone client
// stops the reading instead of queueing rows.
import { z } from "zod";
import { csvLine } from "@/lib/csv";
import { readParam, type FilterIssue, type Filters, type SearchParamsInput } from "@/lib/filters";
import { getRequestList, type RequestListRow } from "@/lib/queries/request-list";
import { parseCursor, parseRequestFilters, type RequestFilters } from "@/lib/request-filters";
import { decodeBody } from "./body";

export const EXPORT_PAGE_SIZE = 1000;
export const EXPORT_FORMATS = ["csv", "ndjson"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportOptions {
  format: ExportFormat;
  bodies: boolean;
}

const options = {
  format: z.enum(EXPORT_FORMATS, { error: "must be csv or ndjson" }),
  bodies: z.enum(["0", "1"], { error: "must be 0 or 1" }),
};

/** The list's filters (a cursor starts the export there) plus `format` and `bodies`; every bad one is an issue. */
export function parseExportParams(input: SearchParamsInput, nowMs = Date.now()) {
  const { filters, request, issues } = parseRequestFilters(input, nowMs);
  const out: ExportOptions = { format: "csv", bodies: false };
  const format = options.format.safeParse(readParam(input, "format") ?? "csv");
  if (format.success) out.format = format.data;
  else issues.push(issue("format", format.error));
  const bodies = options.bodies.safeParse(readParam(input, "bodies") ?? "0");
  if (bodies.success) out.bodies = bodies.data === "1";
  else issues.push(issue("bodies", bodies.error));
  return { filters, request, options: out, issues };
}

const issue = (param: string, e: z.ZodError): FilterIssue => ({
  param,
  message: `${param} ${e.issues[0]?.message ?? "is invalid"}`,
});

const COLUMNS = [
  "time",
  "env",
  "method",
  "path",
  "url",
  "status",
  "response_time_ms",
  "consumer",
  "request_size",
  "response_size",
  "client_ip",
  "client_country",
  "exception_type",
  "trace_id",
] as const;
const BODY_COLUMNS = ["request_body", "response_body"] as const;

type ExportRecord = { [K in (typeof COLUMNS)[number] | (typeof BODY_COLUMNS)[number]]?: string | number | null };

/** A body as text: JSON and text as sent, a binary one as `base64:` + its bytes, the clients' sentinels as they are. */
function bodyText(base64: string | null | undefined): string | null {
  const b = decodeBody(base64 ?? null);
  switch (b.kind) {
    case "none":
      return null;
    case "masked":
      return "<masked>";
    case "too-large":
      return "<body too large>";
    case "binary":
      return `base64:${b.base64}`;
    default:
      return b.text;
  }
}

function exceptionType(json: string | null | undefined): string | null {
  if (!json) return null;
  try {
    const type: unknown = (JSON.parse(json) as { type?: unknown } | null)?.type;
    return typeof type === "string" ? type : null;
  } catch {
    return null;
  }
}

function toRecord(r: RequestListRow, bodies: boolean): ExportRecord {
  const out: ExportRecord = {
    time: new Date(Math.round(r.ts * 1000)).toISOString(),
    env: r.env,
    method: r.method,
    path: r.path,
    url: r.url,
    status: r.statusCode,
    response_time_ms: r.responseTimeMs,
    consumer: r.consumer?.identifier ?? null,
    request_size: r.requestSize,
    response_size: r.responseSize,
    client_ip: r.clientIp,
    client_country: r.clientCountry,
    exception_type: exceptionType(r.exception),
    trace_id: r.traceId ?? null,
  };
  if (bodies) {
    out.request_body = bodyText(r.requestBody);
    out.response_body = bodyText(r.responseBody);
  }
  return out;
}

/** The matching requests, newest first, one keyset page at a time (each yielded page is one chunk of output). */
export async function* exportPages(
  appId: number,
  filters: Filters,
  request: RequestFilters,
  opts: ExportOptions & { pageSize?: number },
): AsyncGenerator<string> {
  const columns = opts.bodies ? [...COLUMNS, ...BODY_COLUMNS] : COLUMNS;
  if (opts.format === "csv") yield csvLine([...columns]);
  let cursor = request.cursor;
  for (;;) {
    const page = await getRequestList(appId, filters, { ...request, cursor }, opts.pageSize ?? EXPORT_PAGE_SIZE, {
      exception: true,
      bodies: opts.bodies,
    });
    const records = page.rows.map((r) => toRecord(r, opts.bodies));
    if (records.length) {
      yield opts.format === "csv"
        ? records.map((rec) => csvLine(columns.map((c) => rec[c]))).join("")
        : records.map((rec) => JSON.stringify(rec) + "\n").join("");
    }
    cursor = page.next ? parseCursor(page.next) : null;
    if (!cursor) return;
  }
}

/**
 * A byte stream of the pages, pulled: the next page is read when the consumer wants more, and reading stops for
 * good when it cancels (a closed download) or `signal` aborts (the request's own signal).
 */
export function exportStream(pages: AsyncGenerator<string>, signal?: AbortSignal): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (signal?.aborted) {
          await pages.return(undefined);
          controller.close();
          return;
        }
        const next = await pages.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      },
      async cancel() {
        await pages.return(undefined);
      },
    },
    { highWaterMark: 0 },
  );
}

/** `<app>-requests-<yyyy-mm-dd>.<format>`, with the app's name reduced to safe filename characters. */
export function exportFilename(appName: string, format: ExportFormat, nowMs = Date.now()): string {
  const name =
    appName
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "") || "app";
  return `${name}-requests-${new Date(nowMs).toISOString().slice(0, 10)}.${format}`;
}

export const EXPORT_CONTENT_TYPES: { [F in ExportFormat]: string } = {
  csv: "text/csv; charset=utf-8",
  ndjson: "application/x-ndjson; charset=utf-8",
};
