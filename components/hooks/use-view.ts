"use client";

// Polls one view bundle from the JSON route. The page renders the first bundle on the
// server and hands it over as `initial`; polling keeps the view live after that.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { ViewData, ViewEnvelope, ViewName } from "@/lib/dashboard/views";
import { useFilters } from "./use-filters";

export const POLL_INTERVAL_MS = 15_000;

export class ViewError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function fetchView<V extends ViewName>(appId: number, view: V, query: string): Promise<ViewEnvelope<V>> {
  const r = await fetch(`/api/apps/${appId}/views/${view}?${query}`, { headers: { Accept: "application/json" } });
  if (!r.ok) {
    const body = (await r.json().catch(() => null)) as { error?: string } | null;
    throw new ViewError(r.status, body?.error ?? `The server answered ${r.status}.`);
  }
  return r.json() as Promise<ViewEnvelope<V>>;
}

export const viewQueryKey = (appId: number, ...rest: unknown[]) => ["view", appId, ...rest];

export function useView<V extends ViewName>(
  appId: number,
  view: V,
  initial: ViewEnvelope<V> | null,
  extra: Record<string, string> = {},
  opts: { enabled?: boolean; poll?: boolean } = {},
) {
  const { query: filterQuery } = useFilters();
  const extraQuery = new URLSearchParams(extra).toString();
  const query = [filterQuery, extraQuery].filter(Boolean).join("&");
  const useInitial = initial && initial.query === filterQuery;
  const result = useQuery({
    queryKey: viewQueryKey(appId, view, query),
    queryFn: () => fetchView(appId, view, query),
    initialData: useInitial ? initial : undefined,
    initialDataUpdatedAt: useInitial ? initial.at : undefined,
    placeholderData: keepPreviousData,
    refetchInterval: opts.poll === false ? false : POLL_INTERVAL_MS,
    enabled: opts.enabled ?? true,
  });
  return { ...result, envelope: result.data, data: result.data?.data as ViewData<V> | undefined };
}
