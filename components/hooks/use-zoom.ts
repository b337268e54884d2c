"use client";

import { useCallback } from "react";
import { isoMinute } from "@/lib/filters";
import { useSetFilters } from "./use-filters";

/** Narrows the period to a dragged range of a chart (epoch seconds, end exclusive). */
export function useZoom() {
  const setFilters = useSetFilters();
  return useCallback(
    (fromS: number, toS: number) => setFilters({ from: isoMinute(fromS * 1000), to: isoMinute(toS * 1000) }),
    [setFilters],
  );
}
