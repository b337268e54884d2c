"use client";

// The Requests list: its filters read from the URL (shared ones plus its own, with the same
// parser as the server) and its pages from the JSON route, "load more" following the cursor.
// In live mode every loaded page is refetched on the views' interval, so new requests appear on top.
import { keepPreviousData, useInfiniteQuery } from "@tanstack/react-query";
import { useSearchParams } from "next/navigation";
import { useMemo } from "react";
import type { RequestsEnvelope } from "@/lib/dashboard/requests";
import { filtersToSearchParams } from "@/lib/filters";
import { parseRequestFilters, requestFiltersToSearchParams } from "@/lib/request-filters";
import { POLL_INTERVAL_MS, ViewError } from "./use-view";

/** The Requests view's filters of the current URL and their canonical query string. */
export function useRequestFilters() {
  const searchParams = useSearchParams();
  return useMemo(() => {
    const { filters, request } = parseRequestFilters(searchParams);
    return {
      filters,
      request,
      query: requestFiltersToSearchParams(request, filtersToSearchParams(filters)).toString(),
    };
  }, [searchParams]);
}

async function fetchPage(appId: number, query: string, cursor: string | null): Promise<RequestsEnvelope> {
  const q = [query, cursor ? `cursor=${encodeURIComponent(cursor)}` : ""].filter(Boolean).join("&");
  const r = await fetch(`/api/apps/${appId}/requests?${q}`, { headers: { Accept: "application/json" } });
  if (!r.ok) {
    const body = (await r.json().catch(() => null)) as { error?: string } | null;
    throw new ViewError(r.status, body?.error ?? `The server answered ${r.status}.`);
  }
  return r.json() as Promise<RequestsEnvelope>;
}

export function useRequestPages(appId: number, initial: RequestsEnvelope | null, live: boolean) {
  const { query } = useRequestFilters();
  const useInitial = initial && initial.query === query;
  const result = useInfiniteQuery({
    queryKey: ["requests", appId, query],
    queryFn: ({ pageParam }) => fetchPage(appId, query, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.data.next,
    initialData: useInitial ? { pages: [initial], pageParams: [null] } : undefined,
    initialDataUpdatedAt: useInitial ? initial.at : undefined,
    placeholderData: keepPreviousData,
    refetchInterval: live ? POLL_INTERVAL_MS : false,
  });
  const rows = useMemo(() => result.data?.pages.flatMap((p) => p.data.rows) ?? [], [result.data]);
  return { ...result, rows, first: result.data?.pages[0] };
}
