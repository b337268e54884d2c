// The rollup tables and what each one can answer. Every sync writes all of them in one
// transaction (lib/store/rollups.ts); the read models take the narrowest one that holds
// the dimensions a question needs (lib/queries/source.ts); retention folds and deletes
// them (lib/retention/).
//
// `grain` is the number of minutes one row covers: 1 for the per-minute tables, 60 and
// 1440 for the hourly and daily ones. Their `minute` column is the start of the row's
// hour or UTC day, so the same bucket arithmetic works on every table.

export type Dimension = "endpoint" | "consumer";

export interface RollupTable {
  table: string;
  grain: number;
  /** The dimensions besides env and status code the table keeps. */
  dims: readonly Dimension[];
}

export const MINUTE_ROLLUP: RollupTable = { table: "RequestRollup", grain: 1, dims: ["endpoint", "consumer"] };
export const MINUTE_BINS: RollupTable = { table: "RollupBin", grain: 1, dims: ["endpoint", "consumer"] };

/** Coarse request rollups, narrowest and coarsest first within each dimension. */
export const COARSE_ROLLUPS: readonly RollupTable[] = [
  { table: "EndpointDayRollup", grain: 1440, dims: ["endpoint"] },
  { table: "EndpointHourRollup", grain: 60, dims: ["endpoint"] },
  { table: "ConsumerDayRollup", grain: 1440, dims: ["consumer"] },
  { table: "ConsumerHourRollup", grain: 60, dims: ["consumer"] },
  { table: "RequestDayRollup", grain: 1440, dims: ["endpoint", "consumer"] },
];

export const COARSE_BINS: readonly RollupTable[] = [
  { table: "EndpointDayBin", grain: 1440, dims: ["endpoint"] },
  { table: "EndpointHourBin", grain: 60, dims: ["endpoint"] },
];

export const DIMENSION_COLUMN: Record<Dimension, "endpointId" | "consumerId"> = { endpoint: "endpointId", consumer: "consumerId" };

/** The start of the row of `grain` minutes that holds `minute`. */
export const grainStart = (minute: number, grain: number) => Math.floor(minute / grain) * grain;
