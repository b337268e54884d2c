"use client";

// Search as you type for the endpoint and consumer filters, past the options the filter bar loaded: asks
// /api/apps/[appId]/options/[kind] once typing pauses, so a fast typist sends one request, not one per key.
import { useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import type { OptionKind } from "@/lib/dashboard/option-search";
import type { ConsumerOption } from "@/lib/queries/consumer-search";
import type { EndpointOption } from "@/lib/queries/endpoint-search";

export const SEARCH_DEBOUNCE_MS = 250;

type Match<K extends OptionKind> = K extends "endpoints" ? EndpointOption : ConsumerOption;

async function fetchMatches<K extends OptionKind>(appId: number, kind: K, text: string): Promise<Match<K>[]> {
  const r = await fetch(`/api/apps/${appId}/options/${kind}?${new URLSearchParams({ q: text })}`, {
    headers: { Accept: "application/json" },
  });
  if (!r.ok) throw new Error(`The server answered ${r.status}.`);
  return ((await r.json()) as { matches: Match<K>[] }).matches;
}

/** The matches for `text` (undefined until they arrive), and whether a search is waiting or under way. */
export function useOptionSearch<K extends OptionKind>(appId: number, kind: K, text: string) {
  const wanted = text.trim();
  const [settled, setSettled] = useState(wanted);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(wanted), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [wanted]);
  const result = useQuery({
    queryKey: ["options", appId, kind, settled],
    queryFn: () => fetchMatches(appId, kind, settled),
    enabled: settled !== "",
    staleTime: 30_000,
  });
  const current = settled === wanted;
  return {
    matches: current ? result.data : undefined,
    searching: wanted !== "" && (!current || result.isFetching),
    failed: current && result.isError,
  };
}
