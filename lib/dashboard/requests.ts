// The Requests view's bundles: a page of the list for the URL's filters (the page renders the
// first, the client pages and polls through the JSON route), and one request's detail.
import type { TimeWindow } from "@/lib/buckets";
import { filtersToSearchParams, type FilterIssue, type SearchParamsInput } from "@/lib/filters";
import { getRequestDetail, type RequestDetail } from "@/lib/queries/request-detail";
import { getRequestList, type RequestList } from "@/lib/queries/request-list";
import { parseRequestFilters, requestFiltersToSearchParams } from "@/lib/request-filters";
import { requestIdSchema } from "@/lib/validations/request";

export interface RequestsEnvelope {
  data: RequestList;
  /** Params that were not valid, with the reason: the JSON route answers 400 with them. */
  issues: FilterIssue[];
  /** The canonical query of the filters applied (without the cursor). */
  query: string;
  window: TimeWindow;
  /** Epoch ms when the page was read. */
  at: number;
}

/** A page of an app's requests (check access first: requireApp or withApp). */
export async function loadRequests(appId: number, params: SearchParamsInput, nowMs = Date.now()) {
  const { filters, request, issues } = parseRequestFilters(params, nowMs);
  const query = requestFiltersToSearchParams(request, filtersToSearchParams(filters)).toString();
  const data = await getRequestList(appId, filters, request);
  return { data, issues, query, window: filters.window, at: nowMs } satisfies RequestsEnvelope;
}

/** One request of an app, or null for a malformed or unknown id (or another app's request). */
export async function loadRequestDetail(appId: number, requestId: string): Promise<RequestDetail | null> {
  const id = requestIdSchema.safeParse(requestId);
  return id.success ? getRequestDetail(appId, id.data) : null;
}
