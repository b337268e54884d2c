// The logged requests matching the filters, newest first, a page at a time. Keyset paging
// on (ts, uuid), both descending, so a page never repeats or skips a row however many
// share a timestamp, and no page costs more than the first (no OFFSET).
import { sql, type Row } from "@/lib/db";
import type { Filters } from "@/lib/filters";
import { encodeCursor, type RequestFilters } from "@/lib/request-filters";
import { bodyContains } from "@/lib/requests/body";
import { bodyCandidates } from "./log-search";
import { requestWhere } from "./request-where";
import { and } from "./where";

export const REQUEST_PAGE_SIZE = 50;
// Body search confirms candidates in JS; past this many candidate pages it returns what it
// has and a cursor to go on, so one request never scans the whole table.
const MAX_BODY_SCANS = 10;
// Body search first reads this many of the newest matching logs and looks in them: a common word fills the page
// there, where the trigram index would first list every log holding it (seconds for a word in a third of a million
// logs). A rarer word falls through to the index, which then has few logs to list.
const PROBE_LOGS = 5000;

/** What the list and the detail both show of a request. */
export interface RequestSummary {
  id: string;
  /** Epoch seconds, ms precision. */
  ts: number;
  env: string;
  method: string;
  path: string | null;
  url: string;
  statusCode: number;
  responseTimeMs: number;
  consumer: { id: number; identifier: string; name: string | null } | null;
  requestSize: number | null;
  responseSize: number | null;
  clientIp: string | null;
  /** ISO 3166-1 alpha-2 of clientIp. */
  clientCountry: string | null;
}

export interface RequestListRow extends RequestSummary {
  hasException: boolean;
  hasLogs: boolean;
  hasSpans: boolean;
  /** Only when asked for (the export): the stored exception JSON, trace id and base64 bodies. */
  exception?: string | null;
  traceId?: string | null;
  requestBody?: string | null;
  responseBody?: string | null;
}

/** Columns the list leaves out and the export reads. */
export interface ExtraColumns {
  exception?: boolean;
  bodies?: boolean;
}

export interface RequestList {
  rows: RequestListRow[];
  /** The cursor of the next page, null at the end. */
  next: string | null;
}

type Raw = Row & {
  ts: number;
  uuid: string;
  requestBody?: string | null;
  responseBody?: string | null;
  exception?: string | null;
  traceId?: string | null;
};

export async function getRequestList(
  appId: number,
  f: Filters,
  r: RequestFilters,
  pageSize = REQUEST_PAGE_SIZE,
  extra: ExtraColumns = {},
): Promise<RequestList> {
  const bodies = [
    r.reqBody || extra.bodies ? `, "RequestLog"."requestBody"` : "",
    r.resBody || extra.bodies ? `, "RequestLog"."responseBody"` : "",
    extra.exception ? `, "RequestLog"."exception", "RequestLog"."traceId"` : "",
  ];
  const confirm = (row: Raw) =>
    (!r.reqBody || bodyContains(row.requestBody ?? null, r.reqBody)) &&
    (!r.resBody || bodyContains(row.responseBody ?? null, r.resBody));

  if (r.reqBody || r.resBody) {
    const probe = await newestMatches(appId, f, r, pageSize, bodies);
    const confirmed = probe.filter(confirm);
    if (confirmed.length > pageSize) {
      const rows = confirmed.slice(0, pageSize);
      return { rows: rows.map((row) => toRow(row, extra)), next: cursorOf(rows[rows.length - 1]) };
    }
  }

  const found: Raw[] = [];
  let cursor = r.cursor;
  for (let scan = 0; scan < (r.reqBody || r.resBody ? MAX_BODY_SCANS : 1); scan++) {
    const where = requestWhere(appId, f, { ...r, cursor });
    const batch = await sql().all<Raw>(
      `${columns(bodies)}
       FROM "RequestLog"
         LEFT JOIN "Environment" ON "Environment"."appId" = "RequestLog"."appId" AND "Environment"."id" = "RequestLog"."envId"
         LEFT JOIN "Consumer" ON "Consumer"."appId" = "RequestLog"."appId" AND "Consumer"."id" = "RequestLog"."consumerId"
       WHERE ${where.text}
       ORDER BY "RequestLog"."ts" DESC, "RequestLog"."uuid" DESC
       LIMIT ${pageSize + 1}`,
      where.params,
    );
    found.push(...batch.filter(confirm));
    const scannedAll = batch.length <= pageSize;
    if (found.length > pageSize || scannedAll) {
      const rows = found.slice(0, pageSize);
      const more = found.length > pageSize;
      return { rows: rows.map((row) => toRow(row, extra)), next: more ? cursorOf(rows[rows.length - 1]) : null };
    }
    cursor = { ts: Number(batch[batch.length - 1].ts), id: batch[batch.length - 1].uuid };
  }
  // Body search gave up scanning: what it found, and where to go on from.
  return { rows: found.map((row) => toRow(row, extra)), next: cursor && encodeCursor(cursor) };
}

// What a row of the list reads (with the bodies and exception columns asked for).
const columns = (bodies: string[]) =>
  `SELECT "RequestLog"."uuid", "RequestLog"."ts", "Environment"."name" AS "env", "RequestLog"."method",
         "RequestLog"."path", "RequestLog"."url", "RequestLog"."statusCode", "RequestLog"."responseTimeMs",
         "RequestLog"."consumerId", "Consumer"."identifier" AS "consumerIdentifier", "Consumer"."name" AS "consumerName",
         "RequestLog"."requestSize", "RequestLog"."responseSize", "RequestLog"."clientIp",
         "RequestLog"."clientCountry", CASE WHEN "RequestLog"."exception" IS NULL THEN 0 ELSE 1 END AS "hasException",
         CASE WHEN "RequestLog"."logs" IS NOT NULL OR EXISTS (SELECT 1 FROM "RequestAppLog"
           WHERE "RequestAppLog"."appId" = "RequestLog"."appId" AND "RequestAppLog"."requestUuid" = "RequestLog"."uuid")
           THEN 1 ELSE 0 END AS "hasLogs",
         CASE WHEN "RequestLog"."spans" IS NULL THEN 0 ELSE 1 END AS "hasSpans"${bodies.join("")}`;

/** The matches among the PROBE_LOGS newest logs that pass every other filter (the body search's plain scan). */
function newestMatches(appId: number, f: Filters, r: RequestFilters, pageSize: number, bodies: string[]) {
  const inner = requestWhere(appId, f, { ...r, reqBody: null, resBody: null });
  const outer = and(bodyCandidates("requestBody", r.reqBody, false), bodyCandidates("responseBody", r.resBody, false));
  return sql().all<Raw>(
    `${columns(bodies)}
     FROM (SELECT * FROM "RequestLog" WHERE ${inner.text}
       ORDER BY "RequestLog"."ts" DESC, "RequestLog"."uuid" DESC LIMIT ${PROBE_LOGS}) AS "RequestLog"
       LEFT JOIN "Environment" ON "Environment"."appId" = "RequestLog"."appId" AND "Environment"."id" = "RequestLog"."envId"
       LEFT JOIN "Consumer" ON "Consumer"."appId" = "RequestLog"."appId" AND "Consumer"."id" = "RequestLog"."consumerId"
     WHERE ${outer.text}
     ORDER BY "RequestLog"."ts" DESC, "RequestLog"."uuid" DESC
     LIMIT ${pageSize + 1}`,
    [...inner.params, ...outer.params],
  );
}

const cursorOf = (row: Raw) => encodeCursor({ ts: Number(row.ts), id: row.uuid });

/** The summary of a row of "RequestLog" joined with "Environment" (as env) and "Consumer" (as consumer…). */
export function requestSummary(r: Row): RequestSummary {
  const consumerId = Number(r.consumerId);
  return {
    id: String(r.uuid),
    ts: Number(r.ts),
    env: String(r.env ?? ""),
    method: String(r.method),
    path: (r.path as string | null) ?? null,
    url: String(r.url),
    statusCode: Number(r.statusCode),
    responseTimeMs: Number(r.responseTimeMs),
    consumer:
      consumerId > 0 && r.consumerIdentifier != null
        ? { id: consumerId, identifier: String(r.consumerIdentifier), name: (r.consumerName as string | null) ?? null }
        : null,
    requestSize: r.requestSize == null ? null : Number(r.requestSize),
    responseSize: r.responseSize == null ? null : Number(r.responseSize),
    clientIp: (r.clientIp as string | null) ?? null,
    clientCountry: (r.clientCountry as string | null) ?? null,
  };
}

function toRow(r: Raw, extra: ExtraColumns): RequestListRow {
  return {
    ...requestSummary(r),
    hasException: Number(r.hasException) === 1,
    hasLogs: Number(r.hasLogs) === 1,
    hasSpans: Number(r.hasSpans) === 1,
    ...(extra.exception && { exception: r.exception ?? null, traceId: r.traceId ?? null }),
    ...(extra.bodies && { requestBody: r.requestBody ?? null, responseBody: r.responseBody ?? null }),
  };
}
