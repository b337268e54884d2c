// The data API's query parameters: these schemas validate every request and are the OpenAPI document's source
// (lib/api/openapi.ts), so the two cannot disagree.
import { z } from "zod";
import { PERIODS } from "@/lib/buckets";
import { GROUP_BY } from "@/lib/queries/traffic-breakdown";

export const MAX_LIMIT = 1000;

export const pageParams = {
  limit: z.coerce
    .number({ error: "limit must be a number" })
    .int({ error: "limit must be a whole number" })
    .min(1, { error: "limit must be at least 1" })
    .max(MAX_LIMIT, { error: `limit must be at most ${MAX_LIMIT}` })
    .default(100)
    .describe(`Rows per page, 1–${MAX_LIMIT}`),
  cursor: z
    .string()
    .regex(/^[\w-]{1,200}$/, { error: "cursor must be the next_cursor of a previous page" })
    .optional()
    .describe("The next_cursor of the previous page"),
};

export const listQuery = z.strictObject(pageParams);

/** The dashboard's filters, spelled as in its URLs (lib/filters.ts parses them; here they are only described). */
export const filterParams = {
  period: z
    .enum([...PERIODS, "custom"])
    .optional()
    .describe("A preset period (default 24h), or custom with start/end"),
  start: z.string().optional().describe("Start of a custom period: ISO 8601 or epoch seconds"),
  end: z.string().optional().describe("End of a custom period: ISO 8601 or epoch seconds"),
  env: z.string().optional().describe("Environment name (equals; traffic: a comma list is in)"),
  consumer: z.string().optional().describe("Consumer id (equals; traffic: a comma list is in)"),
  group: z.string().optional().describe("Consumer group id (equals; traffic: a comma list is in)"),
  endpoint: z
    .string()
    .optional()
    .describe('Endpoint id, or "METHOD /path" where * matches anything (like); traffic: a comma list of ids is in'),
  method: z.string().optional().describe("HTTP method (equals)"),
  status: z
    .string()
    .optional()
    .describe("A status code (404) or a class (4xx: at least 400, less than 500); traffic: a comma list is in"),
};

const groupBy = z
  .string()
  .transform((s, ctx) => {
    const parts = [
      ...new Set(
        s
          .split(",")
          .map((p) => p.trim())
          .filter(Boolean),
      ),
    ];
    const bad = parts.filter((p) => !(GROUP_BY as readonly string[]).includes(p));
    if (bad.length) {
      ctx.addIssue({ code: "custom", message: `group_by: unknown ${bad.join(", ")} (use ${GROUP_BY.join(", ")})` });
      return z.NEVER;
    }
    return parts as (typeof GROUP_BY)[number][];
  })
  .describe(`Comma-separated: ${GROUP_BY.join(", ")}`);

export const trafficQuery = z.strictObject({
  ...filterParams,
  group_by: groupBy.optional(),
  interval: z
    .enum(["minute", "hour", "day"])
    .optional()
    .describe("Time bucket when grouping by time (default: the period's)"),
  format: z.enum(["json", "csv"]).default("json").describe("csv: every row at once, as a CSV file"),
  ...pageParams,
});

export const errorsQuery = z.strictObject({ ...filterParams, ...pageParams });

/** The Requests view's own filters, in the API's spelling (lib/request-filters.ts validates the values). */
export const requestLogsQuery = z.strictObject({
  ...filterParams,
  url: z.string().optional().describe("URL contains"),
  min_ms: z.string().optional().describe("Response time at least, in milliseconds"),
  max_ms: z.string().optional().describe("Response time at most, in milliseconds"),
  request_body: z.string().optional().describe("Request body contains (exact text)"),
  response_body: z.string().optional().describe("Response body contains (exact text)"),
  client_ip: z.string().optional().describe("Client IP (equals)"),
  client_country: z.string().optional().describe("Client country, ISO 3166-1 alpha-2 (e.g. US)"),
  exception: z
    .enum(["1", "0", "true", "false"])
    .optional()
    .describe("1: only requests that raised; 0: only those that did not"),
  limit: pageParams.limit,
  cursor: z.string().max(200).optional().describe("The next_cursor of the previous page"),
});

export const noQuery = z.strictObject({});

/** API parameter → the dashboard's name for it, where they differ (start/end are lib/filters.ts's from/to). */
const FILTER_RENAMES: Record<string, string> = { start: "from", end: "to" };

/**
 * The filter params under the names the dashboard's parsers read. `more` adds a route's own params
 * (API name → dashboard name).
 */
export function dashboardFilterInput(q: Record<string, unknown>, more: Record<string, string> = {}): URLSearchParams {
  const out = new URLSearchParams();
  const names = { ...FILTER_RENAMES, ...more };
  for (const key of new Set([...Object.keys(filterParams), ...Object.keys(more)])) {
    const v = q[key];
    if (typeof v === "string" && v !== "") out.set(names[key] ?? key, v);
  }
  return out;
}

/** The API's name of a dashboard param, for error messages: the inverse of dashboardFilterInput's renames. */
export function apiParamName(dashboardName: string, more: Record<string, string> = {}): string {
  const names = { ...FILTER_RENAMES, ...more };
  return Object.keys(names).find((api) => names[api] === dashboardName) ?? dashboardName;
}
