// The look every chart shares: dashed horizontal grid, small slate ticks, a thin base line and no value axis line.
export const GRID_PROPS = { vertical: false, stroke: "#e2e8f0", strokeDasharray: "3 3" } as const;

export const TICK = { fontSize: 11, fill: "#64748b" } as const;

/** The axis along the bottom: categories or time. */
export const BASE_AXIS_PROPS = { tick: TICK, tickLine: false, axisLine: { stroke: "#cbd5e1" } } as const;

/** The value axis at the side. */
export const VALUE_AXIS_PROPS = { tick: TICK, tickLine: false, axisLine: false } as const;
