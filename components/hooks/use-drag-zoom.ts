"use client";

// Drag across a time chart to narrow the period to the buckets under the drag.
import { useState } from "react";
import type { MouseHandlerDataParam } from "recharts";

export function useDragZoom(bucketSeconds: number, onZoom?: (fromS: number, toS: number) => void) {
  const [start, setStart] = useState<number | null>(null);
  const [end, setEnd] = useState<number | null>(null);
  const label = (s: MouseHandlerDataParam) => (s.activeLabel === undefined ? null : Number(s.activeLabel));
  if (!onZoom) return { handlers: {}, area: null };
  return {
    handlers: {
      onMouseDown: (s: MouseHandlerDataParam) => {
        setStart(label(s));
        setEnd(null);
      },
      onMouseMove: (s: MouseHandlerDataParam) => {
        if (start !== null) setEnd(label(s));
      },
      onMouseUp: () => {
        if (start !== null && end !== null && end !== start) {
          onZoom(Math.min(start, end), Math.max(start, end) + bucketSeconds);
        }
        setStart(null);
        setEnd(null);
      },
      onMouseLeave: () => {
        setStart(null);
        setEnd(null);
      },
    },
    area:
      start !== null && end !== null && end !== start ? { x1: Math.min(start, end), x2: Math.max(start, end) } : null,
  };
}
