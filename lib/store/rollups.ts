// Per-minute rollups. Rows of one sync are merged by key first (PostgreSQL refuses to
// upsert the same row twice in one statement) and written in key order, so concurrent
// syncs of one app lock rows in the same order and do not deadlock.
import type { Param, Sql } from "../db";
import { BYTES_MAX, COUNT_MAX } from "../ingest/limits";
import { grainStart } from "../buckets";
import { COARSE_BINS, COARSE_ROLLUPS, DIMENSIONS, dimensionColumns, type RollupTable } from "../rollups/tiers";
import { addCapped, insertMany, keepMax } from "./batch";

export const BIN_KIND = { responseTime: 0, requestSize: 1, responseSize: 2 } as const;

const capAdd = (a: number, b: number, max: number) => Math.min(a + b, max);

type Key = number[];
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

/** Adds one row's traffic to the row of the same key in `into`, held at the columns' maxima. */
function addTraffic(into: Map<string, Traffic>, key: Key, count: number, reqBytes: number, resBytes: number) {
  const id = key.join("|");
  const r = into.get(id);
  if (r) {
    r.count = capAdd(r.count, count, COUNT_MAX);
    r.reqBytes = capAdd(r.reqBytes, reqBytes, BYTES_MAX);
    r.resBytes = capAdd(r.resBytes, resBytes, BYTES_MAX);
  } else into.set(id, { key, count, reqBytes, resBytes });
}

function addCount(into: Map<string, Counted>, key: Key, count: number) {
  const id = key.join("|");
  const c = into.get(id);
  if (c) c.count = capAdd(c.count, count, COUNT_MAX);
  else into.set(id, { key, count });
}

/** Positions in a [endpointId, consumerId, statusCode, …] key of the dimensions `t` keeps. */
const keptPositions = (t: RollupTable) => DIMENSIONS.flatMap((d, i) => (t.dims.includes(d) ? [i] : []));

function byKey(a: Key, b: Key): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
}

export class RequestRollups {
  private rows = new Map<string, Traffic>();
  private bins = new Map<string, Counted>();

  add(endpointId: number, consumerId: number, statusCode: number, count: number, reqBytes: number, resBytes: number) {
    addTraffic(this.rows, [endpointId, consumerId, statusCode], count, reqBytes, resBytes);
  }

  addBins(endpointId: number, consumerId: number, statusCode: number, kind: number, bins: [number, number][]) {
    for (const [bin, count] of bins) addCount(this.bins, [endpointId, consumerId, statusCode, kind, bin], count);
  }

  async write(db: Sql, appId: number, minute: number, envId: number) {
    const rows = [...this.rows.values()].sort((a, b) => byKey(a.key, b.key));
    await insertMany(db, {
      table: "RequestRollup",
      columns: ["appId", "minute", "envId", "endpointId", "consumerId", "statusCode", "requestCount", "requestSizeSum", "responseSizeSum"],
      rows: rows.map((r): Param[] => [appId, minute, envId, ...r.key, r.count, r.reqBytes, r.resBytes]),
      tail: `ON CONFLICT ("appId", "minute", "envId", "endpointId", "consumerId", "statusCode") DO UPDATE SET
        ${addCapped("RequestRollup", "requestCount", COUNT_MAX)},
        ${addCapped("RequestRollup", "requestSizeSum", BYTES_MAX)},
        ${addCapped("RequestRollup", "responseSizeSum", BYTES_MAX)}`,
    });
    const bins = [...this.bins.values()].sort((a, b) => byKey(a.key, b.key));
    await insertMany(db, {
      table: "RollupBin",
      columns: ["appId", "minute", "envId", "endpointId", "consumerId", "statusCode", "kind", "bin", "count"],
      rows: bins.map((b): Param[] => [appId, minute, envId, ...b.key, b.count]),
      tail: `ON CONFLICT ("appId", "minute", "envId", "endpointId", "consumerId", "statusCode", "kind", "bin") DO UPDATE SET
        ${addCapped("RollupBin", "count", COUNT_MAX)}`,
    });
    for (const t of COARSE_ROLLUPS) await this.writeCoarse(db, t, appId, minute, envId);
    for (const t of COARSE_BINS) await this.writeCoarseBins(db, t, appId, minute, envId);
  }

  /** The sync's rows summed over the dimensions `t` drops, at `t`'s grain. */
  private async writeCoarse(db: Sql, t: RollupTable, appId: number, minute: number, envId: number) {
    const keep = keptPositions(t);
    const merged = new Map<string, Traffic>();
    for (const r of this.rows.values()) {
      if (t.minStatus && r.key[2] < t.minStatus) continue;
      addTraffic(merged, keep.map((i) => r.key[i]), r.count, r.reqBytes, r.resBytes);
    }
    const dims = dimensionColumns(t);
    const start = grainStart(minute, t.grain);
    await insertMany(db, {
      table: t.table,
      columns: ["appId", "minute", "envId", ...dims, "requestCount", "requestSizeSum", "responseSizeSum", "lastMinute"],
      rows: [...merged.values()].sort((a, b) => byKey(a.key, b.key)).map((r): Param[] => [appId, start, envId, ...r.key, r.count, r.reqBytes, r.resBytes, minute]),
      tail: `ON CONFLICT ("appId", "minute", "envId", ${dims.map((d) => `"${d}"`).join(", ")}) DO UPDATE SET
        ${addCapped(t.table, "requestCount", COUNT_MAX)},
        ${addCapped(t.table, "requestSizeSum", BYTES_MAX)},
        ${addCapped(t.table, "responseSizeSum", BYTES_MAX)},
        ${keepMax(t.table, "lastMinute")}`,
    });
  }

  private async writeCoarseBins(db: Sql, t: RollupTable, appId: number, minute: number, envId: number) {
    // Bin keys are [endpointId, consumerId, statusCode, kind, bin].
    const keep = keptPositions(t);
    const merged = new Map<string, Counted>();
    for (const b of this.bins.values()) addCount(merged, [...keep.map((i) => b.key[i]), b.key[3], b.key[4]], b.count);
    const dims = dimensionColumns(t);
    const start = grainStart(minute, t.grain);
    const keyColumns = ["appId", "minute", "envId", ...dims, "kind", "bin"];
    await insertMany(db, {
      table: t.table,
      columns: [...keyColumns, "count"],
      rows: [...merged.values()].sort((a, b) => byKey(a.key, b.key)).map((b): Param[] => [appId, start, envId, ...b.key, b.count]),
      tail: `ON CONFLICT (${keyColumns.map((c) => `"${c}"`).join(", ")}) DO UPDATE SET ${addCapped(t.table, "count", COUNT_MAX)}`,
    });
  }
}

/** Error counts per (error, consumer) for ValidationErrorRollup / ServerErrorRollup. */
export class ErrorRollups {
  private counts = new Map<string, Counted>();

  constructor(private table: "ValidationErrorRollup" | "ServerErrorRollup") {}

  add(errorId: number, consumerId: number, count: number) {
    addCount(this.counts, [errorId, consumerId], count);
  }

  async write(db: Sql, appId: number, minute: number, envId: number) {
    const rows = [...this.counts.values()].sort((a, b) => byKey(a.key, b.key));
    await insertMany(db, {
      table: this.table,
      columns: ["appId", "minute", "envId", "errorId", "consumerId", "count"],
      rows: rows.map((r): Param[] => [appId, minute, envId, ...r.key, r.count]),
      tail: `ON CONFLICT ("appId", "minute", "envId", "errorId", "consumerId") DO UPDATE SET ${addCapped(this.table, "count", COUNT_MAX)}`,
    });
  }
}
