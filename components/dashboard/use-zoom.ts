"use client";
import { useCallback } from "react";
import { useSetFilters } from "./use-filters";

/** Narrows the period to a dragged range of a chart (epoch seconds, end exclusive). */
export function useZoom() {
  const setFilters = useSetFilters();
  return useCallback(
    (fromS: number, toS: number) => setFilters({ from: new Date(fromS * 1000).toISOString(), to: new Date(toS * 1000).toISOString() }),
    [setFilters],
  );
}
