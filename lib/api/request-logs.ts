// The data API's request logs: the Requests view's read models (lib/queries/request-*.ts) with its filters,
// spelled in snake_case as the rest of the API.
import { loadRequestDetail } from "@/lib/dashboard/requests";
import { isoMinute } from "@/lib/filters";
import { getRequestList } from "@/lib/queries/request-list";
import { parseRequestFilters } from "@/lib/request-filters";
import { apiParamName, dashboardFilterInput } from "@/lib/validations/api";
import { ApiError, type AppApiContext } from "./route";

/** The API's names of the Requests view's own filters. */
const NAMES: Record<string, string> = {
  url: "url",
  min_ms: "minMs",
  max_ms: "maxMs",
  request_body: "reqBody",
  response_body: "resBody",
  client_ip: "ip",
  client_country: "country",
  exception: "exception",
  cursor: "cursor",
};

const snake = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** camelCase keys to snake_case, all the way down (header pairs and strings stay as they are). */
export function snakeKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(snakeKeys);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [snake(k), snakeKeys(v)]));
}

export async function listRequestLogs({ app, query }: AppApiContext<Record<string, unknown> & { limit: number }>) {
  const { filters, request, issues } = parseRequestFilters(dashboardFilterInput(query, NAMES));
  if (issues.length) {
    const named = issues.map((i) => ({
      param: apiParamName(i.param, NAMES),
      message: i.message.replace(/^\w+/, (w) => apiParamName(w, NAMES)),
    }));
    throw new ApiError(400, `Invalid query: ${named.map((i) => i.message).join("; ")}`, named);
  }
  const page = await getRequestList(app.id, filters, request, query.limit);
  return {
    period: { start: isoMinute(filters.window.from * 60_000), end: isoMinute(filters.window.to * 60_000) },
    data: page.rows.map(({ ts, ...r }) => snakeKeys({ ...r, timestamp: new Date(ts * 1000).toISOString() })),
    next_cursor: page.next,
  };
}

export async function getRequestLog({ app, request }: AppApiContext<unknown>) {
  const id = new URL(request.url).pathname.split("/").at(-1) ?? "";
  const detail = await loadRequestDetail(app.id, decodeURIComponent(id));
  if (!detail) throw new ApiError(404, "No such request log in this app.");
  const { ts, ...rest } = detail;
  return snakeKeys({ ...rest, timestamp: new Date(ts * 1000).toISOString() });
}
