// The rollup tables and what each one can answer. Every sync writes all of them in one
// transaction (lib/store/rollups.ts); the read models take the narrowest one that holds
// the dimensions a question needs (lib/queries/source.ts); retention folds and deletes
// them (lib/retention/).
//
// `grain` is the number of minutes one row covers: 1 for the per-minute tables, 60 and
// 1440 for the hourly and daily ones. Their `minute` column is the start of the row's
// hour or UTC day, so the same bucket arithmetic works on every table.

export type Dimension = "endpoint" | "consumer" | "status";
/** Key order of the dimensions in every table (after appId, minute, envId). */
export const DIMENSIONS: readonly Dimension[] = ["endpoint", "consumer", "status"];

export interface RollupTable {
  table: string;
  grain: number;
  /** The dimensions besides env the table keeps. */
  dims: readonly Dimension[];
  /** Only rows with at least this status code (tables for questions about errors). */
  minStatus?: number;
  /** The name of its index on (appId, endpointId, minute), for reading one endpoint. */
  endpointIndex?: string;
}

const ALL: readonly Dimension[] = DIMENSIONS;
export const MINUTE_ROLLUP: RollupTable = { table: "RequestRollup", grain: 1, dims: ALL };
export const MINUTE_BINS: RollupTable = { table: "RollupBin", grain: 1, dims: ALL };

/**
 * Coarse request rollups, in order of preference: a question reads the first table (with
 * its coarser and finer siblings) that keeps every dimension it needs.
 */
export const COARSE_ROLLUPS: readonly RollupTable[] = [
  { table: "EndpointDayRollup", grain: 1440, dims: ["endpoint", "status"] },
  { table: "EndpointHourRollup", grain: 60, dims: ["endpoint", "status"] },
  { table: "ConsumerDayRollup", grain: 1440, dims: ["consumer", "status"] },
  { table: "ConsumerHourRollup", grain: 60, dims: ["consumer", "status"] },
  { table: "ErrorDayRollup", grain: 1440, dims: ALL, minStatus: 400 },
  { table: "ErrorHourRollup", grain: 60, dims: ALL, minStatus: 400 },
  { table: "RequestDayRollup", grain: 1440, dims: ALL, endpointIndex: "RequestDayRollup_appId_endpointId_minute_idx" },
];

export const COARSE_BINS: readonly RollupTable[] = [
  { table: "AppDayBin", grain: 1440, dims: [] },
  { table: "AppHourBin", grain: 60, dims: [] },
  { table: "EndpointDayBin", grain: 1440, dims: ["endpoint", "status"] },
  { table: "EndpointHourBin", grain: 60, dims: ["endpoint", "status"] },
];

export const DIMENSION_COLUMN: Record<Dimension, "endpointId" | "consumerId" | "statusCode"> = {
  endpoint: "endpointId",
  consumer: "consumerId",
  status: "statusCode",
};

/** The table's dimension columns in key order. */
export const dimensionColumns = (t: RollupTable) =>
  DIMENSIONS.filter((d) => t.dims.includes(d)).map((d) => DIMENSION_COLUMN[d]);
