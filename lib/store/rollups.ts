// Per-minute rollups. Rows of one sync are merged by key first (PostgreSQL refuses to
// upsert the same row twice in one statement) and written in key order, so concurrent
// syncs of one app lock rows in the same order and do not deadlock.
import { grainStart } from "../buckets";
import type { Param, Sql } from "../db";
import { BYTES_MAX, COUNT_MAX } from "../model/limits";
import {
  COARSE_BINS,
  COARSE_ROLLUPS,
  dimensionColumns,
  MINUTE_BINS,
  MINUTE_ROLLUP,
  type RollupTable,
} from "../rollups/tiers";
import { addCapped, insertMany, keepMax } from "./batch";

export const BIN_KIND = { responseTime: 0, requestSize: 1, responseSize: 2 } as const;

const capAdd = (a: number, b: number, max: number) => Math.min(a + b, max);

/** A per-minute request row's dimensions (its key after appId, minute, envId). */
interface TrafficKey {
  endpointId: number;
  consumerId: number;
  statusCode: number;
}
/** A histogram bin: the dimensions of its request row, which histogram (BIN_KIND), and the bin. */
interface BinKey extends TrafficKey {
  kind: number;
  bin: number;
}
/** An error count's key: the error and the consumer. */
interface ErrorKey {
  errorId: number;
  consumerId: number;
}

/** The key columns of the rollup tables; a key's fields are named after them. */
type KeyColumn = keyof BinKey | keyof ErrorKey;
/**
 * A row's key. A coarse table keeps only some of a per-minute row's dimensions, so its keys
 * hold only those: which ones, and in which order (the table's key order), a `KeyColumn[]`
 * says wherever a key is merged, sorted or written.
 */
type Key = Partial<Record<KeyColumn, number>>;
type KeyColumns = readonly KeyColumn[];

const TRAFFIC_COLUMNS: KeyColumns = dimensionColumns(MINUTE_ROLLUP);
const BIN_COLUMNS: KeyColumns = [...dimensionColumns(MINUTE_BINS), "kind", "bin"];
const ERROR_COLUMNS: KeyColumns = ["errorId", "consumerId"];

interface Traffic {
  key: Key;
  count: number;
  reqBytes: number;
  resBytes: number;
}
interface Counted {
  key: Key;
  count: number;
}

/** The key's values in column order, as they go into a row. */
const keyValues = (key: Key, columns: KeyColumns): number[] => columns.map((c) => key[c]!);

/** Identifies the rows that are to be merged into one. */
function keyId(key: Key, columns: KeyColumns): string {
  let id = "";
  for (const c of columns) id += `${key[c]}|`;
  return id;
}

/** The key reduced to `columns` (the dimensions a coarser table keeps). */
function pick(key: Key, columns: KeyColumns): Key {
  const out: Key = {};
  for (const c of columns) out[c] = key[c];
  return out;
}

/** Orders rows by their keys, column by column. */
const byKey = (columns: KeyColumns) => (a: { key: Key }, b: { key: Key }) => {
  for (const c of columns) if (a.key[c] !== b.key[c]) return a.key[c]! - b.key[c]!;
  return 0;
};

/** Adds one row's traffic to the row of the same key in `into`, held at the columns' maxima. */
function addTraffic(
  into: Map<string, Traffic>,
  columns: KeyColumns,
  key: Key,
  count: number,
  reqBytes: number,
  resBytes: number,
) {
  const id = keyId(key, columns);
  const r = into.get(id);
  if (r) {
    r.count = capAdd(r.count, count, COUNT_MAX);
    r.reqBytes = capAdd(r.reqBytes, reqBytes, BYTES_MAX);
    r.resBytes = capAdd(r.resBytes, resBytes, BYTES_MAX);
  } else into.set(id, { key, count, reqBytes, resBytes });
}

function addCount(into: Map<string, Counted>, columns: KeyColumns, key: Key, count: number) {
  const id = keyId(key, columns);
  const c = into.get(id);
  if (c) c.count = capAdd(c.count, count, COUNT_MAX);
  else into.set(id, { key, count });
}

export class RequestRollups {
  private rows = new Map<string, Traffic>();
  private bins = new Map<string, Counted>();

  add(endpointId: number, consumerId: number, statusCode: number, count: number, reqBytes: number, resBytes: number) {
    const key: TrafficKey = { endpointId, consumerId, statusCode };
    addTraffic(this.rows, TRAFFIC_COLUMNS, key, count, reqBytes, resBytes);
  }

  addBins(endpointId: number, consumerId: number, statusCode: number, kind: number, bins: [number, number][]) {
    for (const [bin, count] of bins) {
      const key: BinKey = { endpointId, consumerId, statusCode, kind, bin };
      addCount(this.bins, BIN_COLUMNS, key, count);
    }
  }

  async write(db: Sql, appId: number, minute: number, envId: number) {
    const rows = [...this.rows.values()].sort(byKey(TRAFFIC_COLUMNS));
    await insertMany(db, {
      table: "RequestRollup",
      columns: ["appId", "minute", "envId", ...TRAFFIC_COLUMNS, "requestCount", "requestSizeSum", "responseSizeSum"],
      rows: rows.map((r): Param[] => [
        appId,
        minute,
        envId,
        ...keyValues(r.key, TRAFFIC_COLUMNS),
        r.count,
        r.reqBytes,
        r.resBytes,
      ]),
      tail: `ON CONFLICT ("appId", "minute", "envId", "endpointId", "consumerId", "statusCode") DO UPDATE SET
        ${addCapped("RequestRollup", "requestCount", COUNT_MAX)},
        ${addCapped("RequestRollup", "requestSizeSum", BYTES_MAX)},
        ${addCapped("RequestRollup", "responseSizeSum", BYTES_MAX)}`,
    });
    const bins = [...this.bins.values()].sort(byKey(BIN_COLUMNS));
    await insertMany(db, {
      table: "RollupBin",
      columns: ["appId", "minute", "envId", ...BIN_COLUMNS, "count"],
      rows: bins.map((b): Param[] => [appId, minute, envId, ...keyValues(b.key, BIN_COLUMNS), b.count]),
      tail: `ON CONFLICT ("appId", "minute", "envId", "endpointId", "consumerId", "statusCode", "kind", "bin")
        DO UPDATE SET ${addCapped("RollupBin", "count", COUNT_MAX)}`,
    });
    for (const t of COARSE_ROLLUPS) await this.writeCoarse(db, t, appId, minute, envId);
    for (const t of COARSE_BINS) await this.writeCoarseBins(db, t, appId, minute, envId);
  }

  /** The sync's rows summed over the dimensions `t` drops, at `t`'s grain. */
  private async writeCoarse(db: Sql, t: RollupTable, appId: number, minute: number, envId: number) {
    const dims = dimensionColumns(t);
    const merged = new Map<string, Traffic>();
    for (const r of this.rows.values()) {
      if (t.minStatus && r.key.statusCode! < t.minStatus) continue;
      addTraffic(merged, dims, pick(r.key, dims), r.count, r.reqBytes, r.resBytes);
    }
    const start = grainStart(minute, t.grain);
    await insertMany(db, {
      table: t.table,
      columns: ["appId", "minute", "envId", ...dims, "requestCount", "requestSizeSum", "responseSizeSum", "lastMinute"],
      rows: [...merged.values()]
        .sort(byKey(dims))
        .map((r): Param[] => [appId, start, envId, ...keyValues(r.key, dims), r.count, r.reqBytes, r.resBytes, minute]),
      tail: `ON CONFLICT ("appId", "minute", "envId", ${dims.map((d) => `"${d}"`).join(", ")}) DO UPDATE SET
        ${addCapped(t.table, "requestCount", COUNT_MAX)},
        ${addCapped(t.table, "requestSizeSum", BYTES_MAX)},
        ${addCapped(t.table, "responseSizeSum", BYTES_MAX)},
        ${keepMax(t.table, "lastMinute")}`,
    });
  }

  /** The sync's bins summed over the dimensions `t` drops, at `t`'s grain. */
  private async writeCoarseBins(db: Sql, t: RollupTable, appId: number, minute: number, envId: number) {
    const columns: KeyColumns = [...dimensionColumns(t), "kind", "bin"];
    const merged = new Map<string, Counted>();
    for (const b of this.bins.values()) addCount(merged, columns, pick(b.key, columns), b.count);
    const start = grainStart(minute, t.grain);
    const keyColumns = ["appId", "minute", "envId", ...columns];
    await insertMany(db, {
      table: t.table,
      columns: [...keyColumns, "count"],
      rows: [...merged.values()]
        .sort(byKey(columns))
        .map((b): Param[] => [appId, start, envId, ...keyValues(b.key, columns), b.count]),
      tail: `ON CONFLICT (${keyColumns.map((c) => `"${c}"`).join(", ")})
             DO UPDATE SET ${addCapped(t.table, "count", COUNT_MAX)}`,
    });
  }
}

/** Error counts per (error, consumer) for ValidationErrorRollup / ServerErrorRollup. */
export class ErrorRollups {
  private counts = new Map<string, Counted>();

  constructor(private table: "ValidationErrorRollup" | "ServerErrorRollup") {}

  add(errorId: number, consumerId: number, count: number) {
    const key: ErrorKey = { errorId, consumerId };
    addCount(this.counts, ERROR_COLUMNS, key, count);
  }

  async write(db: Sql, appId: number, minute: number, envId: number) {
    const rows = [...this.counts.values()].sort(byKey(ERROR_COLUMNS));
    await insertMany(db, {
      table: this.table,
      columns: ["appId", "minute", "envId", ...ERROR_COLUMNS, "count"],
      rows: rows.map((r): Param[] => [appId, minute, envId, ...keyValues(r.key, ERROR_COLUMNS), r.count]),
      tail: `ON CONFLICT ("appId", "minute", "envId", "errorId", "consumerId")
             DO UPDATE SET ${addCapped(this.table, "count", COUNT_MAX)}`,
    });
  }
}
