// The Requests view's own filters, on top of the dashboard's shared ones (lib/filters.ts):
// URL contains, response time range, body contains, client IP and country, has exception, and the
// keyset cursor of "load more". Parsed the same way, one param at a time, each bad one
// reported as an issue; the JSON route answers 400 with them, the page shows them.
import { z } from "zod";
import {
  parseFilters,
  readParam,
  REQUEST_FILTER_PARAMS,
  type FilterIssue,
  type Filters,
  type RequestFilterParam,
  type SearchParamsInput,
} from "./filters";
import { decodeOpaque, encodeOpaque } from "./opaque-token";

export interface RequestCursor {
  /** Epoch seconds of the last row shown. */
  ts: number;
  /** Its id: ties on the timestamp are broken by id, both descending. */
  id: string;
}

export interface RequestFilters {
  url: string | null;
  minMs: number | null;
  maxMs: number | null;
  reqBody: string | null;
  resBody: string | null;
  ip: string | null;
  /** ISO 3166-1 alpha-2, upper case. */
  country: string | null;
  /** true: only requests that raised; false: only those that did not. */
  exception: boolean | null;
  cursor: RequestCursor | null;
}

/** The cursor is base64url of [ts, id]. */
export const encodeCursor = (c: RequestCursor) => encodeOpaque([c.ts, c.id]);

const cursorTuple = z.tuple([z.number().finite().nonnegative(), z.string().min(1).max(64)]);
const cursor = z
  .string()
  .trim()
  .max(200)
  .transform((s, ctx): RequestCursor => {
    const t = decodeOpaque(s, cursorTuple);
    if (t === null) {
      ctx.addIssue({ code: "custom", message: "is not a cursor this list gave out" });
      return z.NEVER;
    }
    return { ts: t[0], id: t[1] };
  });

const millis = z.coerce
  .number({ error: "must be a number of milliseconds" })
  .finite("must be a number of milliseconds")
  .nonnegative("must not be negative")
  .max(1e10, "is too large");
const text = (max: number) => z.string().max(max, "is too long");

const fields = {
  url: text(500),
  minMs: millis,
  maxMs: millis,
  reqBody: text(200),
  resBody: text(200),
  ip: z.union([z.ipv4(), z.ipv6()], { error: "must be an IPv4 or IPv6 address" }),
  country: z
    .string()
    .trim()
    .regex(/^[A-Za-z]{2}$/, "must be a two-letter country code (ISO 3166-1 alpha-2)")
    .transform((c) => c.toUpperCase()),
  exception: z.enum(["1", "0", "true", "false"], { error: "must be 1 (with an exception) or 0 (without)" }),
  cursor,
} satisfies Record<RequestFilterParam | "cursor", z.ZodType>;

/** A cursor as getRequestList hands it out (`next`), back to the keyset it stands for. */
export function parseCursor(s: string): RequestCursor | null {
  const c = cursor.safeParse(s);
  return c.success ? c.data : null;
}

/** The shared filters and the Requests view's own, with every issue of either. */
export function parseRequestFilters(
  input: SearchParamsInput,
  nowMs = Date.now(),
): { filters: Filters; request: RequestFilters; issues: FilterIssue[] } {
  const { filters, issues } = parseFilters(input, nowMs);
  const out: Record<string, unknown> = {};
  for (const param of [...REQUEST_FILTER_PARAMS, "cursor"] as const) {
    const raw = readParam(input, param);
    if (raw === undefined) continue;
    const result = fields[param].safeParse(raw);
    if (result.success) out[param] = result.data;
    else issues.push({ param, message: `${param} ${result.error.issues[0]?.message ?? "is invalid"}` });
  }
  const min = (out.minMs as number | undefined) ?? null;
  const max = (out.maxMs as number | undefined) ?? null;
  if (min !== null && max !== null && min > max) {
    issues.push({ param: "maxMs", message: "maxMs must not be below minMs" });
  }
  const exception = out.exception as string | undefined;
  return {
    filters,
    request: {
      url: (out.url as string | undefined) ?? null,
      minMs: min,
      maxMs: max !== null && (min === null || max >= min) ? max : null,
      reqBody: (out.reqBody as string | undefined) ?? null,
      resBody: (out.resBody as string | undefined) ?? null,
      ip: (out.ip as string | undefined) ?? null,
      country: (out.country as string | undefined) ?? null,
      exception: exception === undefined ? null : exception === "1" || exception === "true",
      cursor: (out.cursor as RequestCursor | undefined) ?? null,
    },
    issues,
  };
}

/** The canonical URL form of the Requests view's own filters (the cursor is not one: it pages). */
export function requestFiltersToSearchParams(r: RequestFilters, into = new URLSearchParams()): URLSearchParams {
  if (r.url) into.set("url", r.url);
  if (r.minMs !== null) into.set("minMs", String(r.minMs));
  if (r.maxMs !== null) into.set("maxMs", String(r.maxMs));
  if (r.reqBody) into.set("reqBody", r.reqBody);
  if (r.resBody) into.set("resBody", r.resBody);
  if (r.ip) into.set("ip", r.ip);
  if (r.country) into.set("country", r.country);
  if (r.exception !== null) into.set("exception", r.exception ? "1" : "0");
  return into;
}
