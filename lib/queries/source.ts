// Where a read model's rows come from. A question names the dimensions it groups or
// counts by and the bucket it groups into; the filters add the dimensions they test.
// The answer is a FROM clause, `(…) AS "r"`, over the narrowest rollup tables that keep
// those dimensions: whole UTC days from the daily table, whole hours from the hourly one,
// the ragged edges from per-minute rows. Each minute of the range is read from exactly
// one table, so nothing is counted twice, and the columns are the same whichever tables
// answer: appId, minute, envId, the dimensions' ids, statusCode and the measures.
import { AsyncLocalStorage } from "node:async_hooks";
import { sql } from "@/lib/db";
import type { Filters } from "@/lib/filters";
import {
  COARSE_BINS,
  COARSE_ROLLUPS,
  dimensionColumns,
  MINUTE_BINS,
  MINUTE_ROLLUP,
  type Dimension,
  type RollupTable,
} from "@/lib/rollups/tiers";
import { settings } from "@/lib/settings";
import { filterWhere, rollupColumns, singleEndpointId, type Clause } from "./where";

/**
 * Where read models take their rows from: "auto" the narrowest rollup that answers (lib/rollups/tiers.ts), "minute"
 * always the per-minute rows (the baseline of the benchmark and the parity tests; setting TALLYHUB_ROLLUP_TIER).
 */
export type SourceMode = "auto" | "minute";
const modeOverride = new AsyncLocalStorage<SourceMode>();
export const withSourceMode = <T>(mode: SourceMode, fn: () => Promise<T>): Promise<T> => modeOverride.run(mode, fn);
const currentMode = (): SourceMode => modeOverride.getStore() ?? settings().TALLYHUB_ROLLUP_TIER;

export interface SourceOptions {
  /** Dimensions the question groups or counts by (the filters' own are added). */
  needs?: readonly Dimension[];
  /** Minutes per bucket the question groups by; omit to sum the whole range. */
  grain?: number;
  /** Defaults to the filters' window. */
  range?: { from: number; to: number };
  /** Only rows with at least this status code (error questions: smaller tables answer them). */
  minStatus?: number;
}

export interface Segment {
  grain: number;
  from: number;
  to: number;
}

/** [from, to) cut into the coarsest aligned pieces the grains allow (the last grain must be 1). */
export function segments(from: number, to: number, grains: readonly number[]): Segment[] {
  if (from >= to) return [];
  const [grain, ...finer] = grains;
  if (!finer.length) return [{ grain, from, to }];
  const a = Math.ceil(from / grain) * grain;
  const b = Math.floor(to / grain) * grain;
  if (a >= b) return segments(from, to, finer);
  return [...segments(from, a, finer), { grain, from: a, to: b }, ...segments(b, to, finer)];
}

function dimensionsOf(f: Filters, needs: readonly Dimension[] = []): Set<Dimension> {
  const dims = new Set(needs);
  if (f.consumer || f.group) dims.add("consumer");
  if (f.endpoint || f.method) dims.add("endpoint");
  if (f.status) dims.add("status");
  return dims;
}

/** The tables that keep every needed dimension, coarsest first, ending with the per-minute table. */
function family(
  coarse: readonly RollupTable[],
  minute: RollupTable,
  dims: Set<Dimension>,
  opts: SourceOptions,
): RollupTable[] {
  if (currentMode() === "minute") return [minute];
  // A table of error rows only can answer a question about error rows only.
  const usable = coarse.filter((t) => (t.minStatus ?? 0) <= (opts.minStatus ?? 0));
  // The first table that keeps every needed dimension decides the family (the list is
  // ordered by preference); its coarser and finer siblings keep the same dimensions.
  const first = usable.find((t) => [...dims].every((d) => t.dims.includes(d)));
  if (!first) return [minute];
  const sameKind = (t: RollupTable) =>
    t.minStatus === first.minStatus &&
    t.dims.length === first.dims.length &&
    t.dims.every((d) => first.dims.includes(d));
  const grain = opts.grain;
  const picked = usable.filter((t) => sameKind(t) && (grain === undefined || grain % t.grain === 0));
  return [...picked.sort((a, b) => b.grain - a.grain), minute];
}

function build(
  appId: number,
  f: Filters,
  tables: RollupTable[],
  opts: SourceOptions,
  select: (t: RollupTable) => string,
  extra: (t: RollupTable) => string[] = () => [],
): Clause {
  const range = opts.range ?? f.window;
  // No row is newer than the current minute, so a range reaching it may end at any later
  // boundary: the current hour or day then comes from the coarse table too.
  const top = tables[0].grain;
  const to = range.to > f.window.now ? Math.max(range.to, Math.ceil((f.window.now + 1) / top) * top) : range.to;
  const byGrain = new Map(tables.map((t) => [t.grain, t]));
  const parts = segments(
    range.from,
    to,
    tables.map((t) => t.grain),
  ).map((s) => {
    const t = byGrain.get(s.grain)!;
    const where = filterWhere(appId, f, rollupColumns(t.table), s);
    const more = [...extra(t), ...(opts.minStatus ? [`"${t.table}"."statusCode" >= ${Number(opts.minStatus)}`] : [])];
    return {
      text: `SELECT ${select(t)} FROM "${t.table}"${indexHint(t, f)} WHERE ${[where.text, ...more].join(" AND ")}`,
      params: where.params,
    };
  });
  if (!parts.length)
    parts.push({
      text: `SELECT ${select(tables[tables.length - 1])} FROM "${tables[tables.length - 1].table}" WHERE 1 = 0`,
      params: [],
    });
  return { text: `(${parts.map((p) => p.text).join(" UNION ALL ")}) AS "r"`, params: parts.flatMap((p) => p.params) };
}

/**
 * For one endpoint, SQLite's planner (without statistics) keeps scanning the key's minute
 * range across all endpoints rather than seek the endpoint index: measured 100 ms against
 * 10 ms on 30 days of demo data. PostgreSQL picks the index by itself.
 */
function indexHint(t: RollupTable, f: Filters): string {
  return t.endpointIndex && sql().kind === "sqlite" && singleEndpointId(f) !== null
    ? ` INDEXED BY "${t.endpointIndex}"`
    : "";
}

const col = (t: RollupTable, c: string, as = c) => `"${t.table}"."${c}" AS "${as}"`;

/** The key columns a family shares (its first table's): every branch selects the same ones. */
function keyColumns(t: RollupTable, shared: RollupTable): string[] {
  return [col(t, "appId"), col(t, "minute"), col(t, "envId"), ...dimensionColumns(shared).map((c) => col(t, c))];
}

/**
 * Request counts and sizes: columns appId, minute, envId, [endpointId], [consumerId],
 * [statusCode], requestCount, requestSizeSum, responseSizeSum, lastMinute: a dimension
 * is there when the question or its filters need it (every request table keeps status).
 */
export function requestRowsFrom(appId: number, f: Filters, opts: SourceOptions = {}): Clause {
  const tables = family(COARSE_ROLLUPS, MINUTE_ROLLUP, dimensionsOf(f, opts.needs), opts);
  return build(appId, f, tables, opts, (t) =>
    [
      ...keyColumns(t, tables[0]),
      col(t, "requestCount"),
      col(t, "requestSizeSum"),
      col(t, "responseSizeSum"),
      t.grain === 1 ? col(t, "minute", "lastMinute") : col(t, "lastMinute"),
    ].join(", "),
  );
}

/**
 * Histogram bins of the given kinds: columns appId, minute, envId, [endpointId], [consumerId], [statusCode], kind, bin,
 * count.
 */
export function binRowsFrom(appId: number, f: Filters, kinds: readonly number[], opts: SourceOptions = {}): Clause {
  const tables = family(COARSE_BINS, MINUTE_BINS, dimensionsOf(f, opts.needs), opts);
  return build(
    appId,
    f,
    tables,
    opts,
    (t) => [...keyColumns(t, tables[0]), col(t, "kind"), col(t, "bin"), col(t, "count")].join(", "),
    (t) => [`"${t.table}"."kind" IN (${kinds.map(Number).join(", ")})`],
  );
}
