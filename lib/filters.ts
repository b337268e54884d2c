// The one filter object of the dashboard: parsed from the URL's search params, shared by
// every read model, page, route and the filter bar. Each parameter is validated on its
// own; a bad one falls back to its default and is reported as an issue, so a hand-edited
// or stale URL still opens a view (never a 500).
import { z } from "zod";
import { customWindow, PERIODS, presetWindow, type PresetPeriod, type TimeWindow } from "./buckets";

export type Period = PresetPeriod | "custom";
export const DEFAULT_PERIOD: PresetPeriod = "24h";

/** An endpoint by id, or a search: optional method plus a path where `*` matches anything. */
export type EndpointFilter = { id: number } | { text: string; method: string | null; pattern: string };
/** A status code (`404`, range [404, 405)) or a class (`4xx`, range [400, 500)). */
export interface StatusFilter {
  text: string;
  min: number;
  max: number;
}

export interface Filters {
  env: string | null;
  period: Period;
  /** Epoch ms of a custom range, as given (the window is what the read models use). */
  from: number | null;
  to: number | null;
  consumer: number | null;
  group: number | null;
  endpoint: EndpointFilter | null;
  method: string | null;
  status: StatusFilter | null;
  window: TimeWindow;
}

export interface FilterIssue {
  param: string;
  message: string;
}

export const FILTER_PARAMS = [
  "env",
  "period",
  "from",
  "to",
  "consumer",
  "group",
  "endpoint",
  "method",
  "status",
] as const;
export type FilterParam = (typeof FILTER_PARAMS)[number];
/** The Requests view's own filters (lib/request-filters.ts), kept when a shared one changes. */
export const REQUEST_FILTER_PARAMS = [
  "url",
  "minMs",
  "maxMs",
  "reqBody",
  "resBody",
  "ip",
  "country",
  "exception",
] as const;
export type RequestFilterParam = (typeof REQUEST_FILTER_PARAMS)[number];

const METHOD = /^[A-Za-z]{1,16}$/;
const id = z.coerce
  .number({ error: "must be a number" })
  .int("must be a whole number")
  .positive("must be positive")
  .max(2 ** 31 - 1);

// ISO 8601 (what the dashboard writes) or epoch seconds (handy in hand-written URLs).
const instant = z
  .string()
  .trim()
  .transform((s, ctx) => {
    const ms = /^\d{9,11}$/.test(s) ? Number(s) * 1000 : Date.parse(s);
    if (Number.isNaN(ms)) {
      ctx.addIssue({ code: "custom", message: "must be an ISO date-time or epoch seconds" });
      return z.NEVER;
    }
    return ms;
  });

const endpoint = z
  .string()
  .trim()
  .min(1)
  .max(300, "is too long")
  .transform((s): EndpointFilter => {
    if (/^\d+$/.test(s)) return { id: Number(s) };
    const [first, ...rest] = s.split(/\s+/);
    const hasMethod = rest.length > 0 && METHOD.test(first);
    return {
      text: s,
      method: hasMethod ? first.toUpperCase() : null,
      pattern: hasMethod ? rest.join(" ") : s,
    };
  })
  .refine((e) => !("id" in e) || e.id < 2 ** 31, "is not a valid endpoint id");

const status = z
  .string()
  .trim()
  .regex(/^[1-5](\d\d|xx)$/i, "must be a status code like 404 or a class like 4xx")
  .transform((s): StatusFilter => {
    const text = s.toLowerCase();
    if (text.endsWith("xx")) {
      const min = Number(text[0]) * 100;
      return { text, min, max: min + 100 };
    }
    return { text, min: Number(text), max: Number(text) + 1 };
  });

const fields = {
  env: z.string().trim().min(1).max(64, "is too long"),
  period: z.enum([...PERIODS, "custom"], { error: `must be one of ${[...PERIODS, "custom"].join(", ")}` }),
  from: instant,
  to: instant,
  consumer: id,
  group: id,
  endpoint,
  method: z
    .string()
    .trim()
    .regex(METHOD, "must be an HTTP method")
    .transform((m) => m.toUpperCase()),
  status,
} satisfies Record<FilterParam, z.ZodType>;

export type SearchParamsInput = URLSearchParams | Record<string, string | string[] | undefined>;

/** One query param's first value, undefined when missing or blank. */
export function readParam(input: SearchParamsInput, key: string): string | undefined {
  const v = input instanceof URLSearchParams ? (input.get(key) ?? undefined) : input[key];
  const first = Array.isArray(v) ? v[0] : v;
  return first === undefined || first.trim() === "" ? undefined : first;
}

export function parseFilters(
  input: SearchParamsInput,
  nowMs = Date.now(),
): { filters: Filters; issues: FilterIssue[] } {
  const issues: FilterIssue[] = [];
  const parsed: { [K in FilterParam]?: z.output<(typeof fields)[K]> } = {};
  for (const param of FILTER_PARAMS) {
    const raw = readParam(input, param);
    if (raw === undefined) continue;
    const result = fields[param].safeParse(raw);
    if (result.success) (parsed as Record<string, unknown>)[param] = result.data;
    else issues.push({ param, message: `${param} ${result.error.issues[0]?.message ?? "is invalid"}` });
  }

  // from+to alone mean a custom range; a preset period ignores them.
  let period: Period =
    parsed.period ?? (parsed.from !== undefined && parsed.to !== undefined ? "custom" : DEFAULT_PERIOD);
  let window: TimeWindow | null = null;
  if (period === "custom") {
    window = parsed.from !== undefined && parsed.to !== undefined ? customWindow(parsed.from, parsed.to, nowMs) : null;
    if (!window) {
      issues.push({ param: "period", message: "custom period needs from < to, not in the future" });
      period = DEFAULT_PERIOD;
    }
  }
  window ??= presetWindow(period as PresetPeriod, nowMs);

  const env = parsed.env && parsed.env.toLowerCase() !== "all" ? parsed.env : null;
  return {
    filters: {
      env,
      period,
      from: period === "custom" ? parsed.from! : null,
      to: period === "custom" ? parsed.to! : null,
      consumer: parsed.consumer ?? null,
      group: parsed.group ?? null,
      endpoint: parsed.endpoint ?? null,
      method: parsed.method ?? null,
      status: parsed.status ?? null,
      window,
    },
    issues,
  };
}

/** The filters without consumer, endpoint, method and status: for data that has none (instances, CPU, memory). */
export const envAndPeriodOnly = (f: Filters): Filters => ({
  ...f,
  consumer: null,
  group: null,
  endpoint: null,
  method: null,
  status: null,
});

/** How the URL writes an instant: ISO 8601 to the minute, UTC ("2026-03-10T14:00Z"). */
export const isoMinute = (ms: number) => new Date(ms).toISOString().replace(/:\d\d\.\d{3}Z$/, "Z");

/** The canonical URL form of the filters: only what differs from the defaults. */
export function filtersToSearchParams(f: Filters): URLSearchParams {
  const p = new URLSearchParams();
  if (f.env) p.set("env", f.env);
  if (f.period !== DEFAULT_PERIOD) p.set("period", f.period);
  if (f.period === "custom" && f.from !== null && f.to !== null) {
    p.set("from", isoMinute(f.from));
    p.set("to", isoMinute(f.to));
  }
  if (f.consumer) p.set("consumer", String(f.consumer));
  if (f.group) p.set("group", String(f.group));
  if (f.endpoint) p.set("endpoint", "id" in f.endpoint ? String(f.endpoint.id) : f.endpoint.text);
  if (f.method) p.set("method", f.method);
  if (f.status) p.set("status", f.status.text);
  return p;
}

/** Keeps only the filter params of a query string (drops unrelated ones like `tab` or a cursor). */
export function pickFilterParams(input: SearchParamsInput): URLSearchParams {
  const p = new URLSearchParams();
  for (const key of [...FILTER_PARAMS, ...REQUEST_FILTER_PARAMS]) {
    const v = readParam(input, key);
    if (v !== undefined) p.set(key, v);
  }
  return p;
}

export function hasActiveFilters(f: Filters): boolean {
  return filtersToSearchParams(f).size > 0;
}
