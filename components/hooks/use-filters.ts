"use client";

// Filters live in the URL. These hooks read them (the same parser as the server) and
// change them with router.replace, so views stay shareable and survive reloads.
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import {
  filtersToSearchParams,
  parseFilters,
  pickFilterParams,
  REQUEST_FILTER_PARAMS,
  type FilterParam,
  type RequestFilterParam,
} from "@/lib/filters";

export type FilterChanges = Partial<Record<FilterParam | RequestFilterParam, string | null>>;

/** The filters of the current URL and its canonical query string. */
export function useFilters() {
  const searchParams = useSearchParams();
  return useMemo(() => {
    const { filters } = parseFilters(searchParams);
    return { filters, query: filtersToSearchParams(filters).toString() };
  }, [searchParams]);
}

/** Builds a query with some filters changed; null or "" removes one. */
export function withFilters(current: URLSearchParams, changes: FilterChanges): URLSearchParams {
  const next = pickFilterParams(current);
  for (const [key, value] of Object.entries(changes)) {
    if (value === null || value === undefined || value === "") next.delete(key);
    else next.set(key, value);
  }
  // A preset period drops the custom range; a custom range needs its period.
  if (changes.period && changes.period !== "custom") {
    next.delete("from");
    next.delete("to");
  }
  if (changes.from && changes.to) next.set("period", "custom");
  return next;
}

export function useSetFilters() {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  return useCallback(
    (changes: FilterChanges | "reset") => {
      const next =
        changes === "reset" ? new URLSearchParams() : withFilters(new URLSearchParams(searchParams), changes);
      const q = next.toString();
      router.replace(q ? `${pathname}?${q}` : pathname, { scroll: false });
    },
    [router, pathname, searchParams],
  );
}

/** A link to another view of the app with the current filters, plus some changed. */
export function useViewHref() {
  const searchParams = useSearchParams();
  return useCallback(
    (path: string, changes: FilterChanges = {}) => {
      const q = withFilters(new URLSearchParams(searchParams), changes).toString();
      return q ? `${path}?${q}` : path;
    },
    [searchParams],
  );
}

/**
 * A link into the app's Requests view with the current shared filters plus some changed. The
 * Requests view's own filters left in the URL from an earlier visit are dropped: the link says
 * which requests it means.
 */
export function useRequestsHref() {
  const viewHref = useViewHref();
  return useCallback(
    (appId: number, changes: FilterChanges = {}) => {
      const fresh = Object.fromEntries(REQUEST_FILTER_PARAMS.map((p) => [p, null])) as FilterChanges;
      return viewHref(`/apps/${appId}/requests`, { ...fresh, ...changes });
    },
    [viewHref],
  );
}
