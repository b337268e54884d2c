// What each dashboard page shows, as one JSON-able bundle per view: the pages render the
// first one on the server, the client polls the same bundle from the JSON route. Both go
// through loadView, so a page and its polling can never disagree.
import { z } from "zod";
import type { TimeWindow } from "@/lib/buckets";
import {
  envAndPeriodOnly,
  filtersToSearchParams,
  parseFilters,
  type FilterIssue,
  type Filters,
  type SearchParamsInput,
} from "@/lib/filters";
import { getAppStatus } from "@/lib/queries/app-status";
import { getConsumerActivity } from "@/lib/queries/consumer-activity";
import { getConsumerGroups } from "@/lib/queries/consumer-groups";
import { getConsumersTable } from "@/lib/queries/consumers-table";
import { getEndpointDetail } from "@/lib/queries/endpoint-detail";
import { getEndpointsTable } from "@/lib/queries/endpoints-table";
import { getErrorResponses } from "@/lib/queries/error-responses";
import { getFilterOptions } from "@/lib/queries/filter-options";
import { getInstancesList } from "@/lib/queries/instances-list";
import { getResourceUsage } from "@/lib/queries/resource-usage";
import { getResponseTimes } from "@/lib/queries/response-times";
import { getServerErrors, getServerErrorTraceback } from "@/lib/queries/server-errors";
import { getTrafficChart } from "@/lib/queries/traffic-chart";
import { getTrafficTotals } from "@/lib/queries/traffic-totals";
import { getValidationErrors } from "@/lib/queries/validation-errors";

interface ViewContext {
  appId: number;
  filters: Filters;
  params: SearchParamsInput;
}

const idParam = z.coerce
  .number()
  .int()
  .positive()
  .max(2 ** 31 - 1);
function readId(params: SearchParamsInput, key: string): number | null {
  const raw = params instanceof URLSearchParams ? params.get(key) : [params[key]].flat()[0];
  const parsed = idParam.safeParse(raw ?? undefined);
  return parsed.success ? parsed.data : null;
}

const hasData = async (appId: number) => (await getAppStatus(appId)).hasData;

const VIEWS = {
  traffic: async ({ appId, filters }: ViewContext) => {
    const [data, totals, chart, endpoints] = await Promise.all([
      hasData(appId),
      getTrafficTotals(appId, filters),
      getTrafficChart(appId, filters),
      getEndpointsTable(appId, filters),
    ]);
    return { hasData: data, totals, chart, endpoints };
  },
  endpoints: async ({ appId, filters }: ViewContext) => {
    const [data, endpoints, responseTimes] = await Promise.all([
      hasData(appId),
      getEndpointsTable(appId, filters),
      getResponseTimes(appId, filters),
    ]);
    return { hasData: data, endpoints, responseTimes };
  },
  endpoint: async ({ appId, filters, params }: ViewContext) => {
    const endpointId = readId(params, "endpointId");
    return endpointId === null ? null : getEndpointDetail(appId, endpointId, filters);
  },
  errors: async ({ appId, filters }: ViewContext) => {
    const [data, totals, chart, responses, validationErrors, serverErrors] = await Promise.all([
      hasData(appId),
      getTrafficTotals(appId, filters),
      getTrafficChart(appId, filters),
      getErrorResponses(appId, filters),
      getValidationErrors(appId, filters),
      getServerErrors(appId, filters),
    ]);
    return { hasData: data, totals, chart, responses, validationErrors, serverErrors };
  },
  consumers: async ({ appId, filters }: ViewContext) => {
    const [data, activity, consumers, groups] = await Promise.all([
      hasData(appId),
      getConsumerActivity(appId, filters),
      getConsumersTable(appId, filters),
      getConsumerGroups(appId, filters),
    ]);
    return { hasData: data, activity, consumers, groups };
  },
  instances: async ({ appId, filters }: ViewContext) => {
    const scoped = envAndPeriodOnly(filters);
    const [status, instances, resources, traffic] = await Promise.all([
      getAppStatus(appId),
      getInstancesList(appId, scoped),
      getResourceUsage(appId, scoped),
      getTrafficChart(appId, scoped),
    ]);
    const requests = traffic.points.map((p) => ({ t: p.t, requests: p.requests }));
    // An instance that has synced is data here, even before it counts a request.
    return { hasData: status.hasData || status.lastSyncAt !== null, instances, resources, requests };
  },
  "filter-options": ({ appId, filters }: ViewContext) =>
    getFilterOptions(appId, {
      endpointId: filters.endpoint && "id" in filters.endpoint ? filters.endpoint.id : null,
      consumerId: filters.consumer,
    }),
  traceback: async ({ appId, params }: ViewContext) => {
    const errorId = readId(params, "errorId");
    return errorId === null ? null : { traceback: await getServerErrorTraceback(appId, errorId) };
  },
};

export type ViewName = keyof typeof VIEWS;
export const viewNameSchema = z.enum(Object.keys(VIEWS) as [ViewName, ...ViewName[]]);
export type ViewData<V extends ViewName> = NonNullable<Awaited<ReturnType<(typeof VIEWS)[V]>>>;

export interface ViewEnvelope<V extends ViewName> {
  data: ViewData<V>;
  /** Filter params that were ignored, with the reason, for a notice in the view. */
  issues: FilterIssue[];
  /** The canonical query of the filters actually applied. */
  query: string;
  window: TimeWindow;
  /** Epoch ms when the bundle was computed. */
  at: number;
}

/**
 * One view of an app the caller may see (check access first: requireApp or
 * getAppForUser). Null when the view's subject does not exist (unknown endpoint id).
 */
export async function loadView<V extends ViewName>(
  appId: number,
  view: V,
  params: SearchParamsInput,
  nowMs = Date.now(),
): Promise<ViewEnvelope<V> | null> {
  const { filters, issues } = parseFilters(params, nowMs);
  const data = (await VIEWS[view]({ appId, filters, params })) as ViewData<V> | null;
  if (data === null) return null;
  return { data, issues, query: filtersToSearchParams(filters).toString(), window: filters.window, at: nowMs };
}
