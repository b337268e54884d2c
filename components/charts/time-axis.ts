// What every time chart draws the same way: the time axis under it and the drag-to-zoom selection.
import type { Bucket } from "@/lib/buckets";
import { formatTick } from "@/lib/format";
import { BASE_AXIS_PROPS } from "./chart-style";
import { evenTicks, type TimeBase } from "./time-series-chart";

/** Props of the XAxis over bucket starts (epoch seconds). */
export function timeAxisProps(data: readonly TimeBase[], bucket: Bucket) {
  return {
    dataKey: "t",
    tickFormatter: (t: number) => formatTick(t, bucket),
    ...BASE_AXIS_PROPS,
    minTickGap: 28,
    ticks: evenTicks(data, bucket),
    // Every n-th of the regular ticks where space is short, so the spacing stays even.
    interval: "equidistantPreserveStart",
  } as const;
}

/** Props of the ReferenceArea that shows the span being dragged across. */
export const ZOOM_AREA = { fill: "#6366f1", fillOpacity: 0.12, stroke: "#6366f1", strokeOpacity: 0.4 } as const;
