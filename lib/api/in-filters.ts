// "In" filters of the traffic API: a comma list in env, consumer, group, endpoint (ids) or status (codes or
// classes) means any of them. The dashboard's filters test one value, so the list's dimension is added to the
// grouping, the rows outside the list are dropped, and the rows are summed back to the asked grouping: counts and
// bytes add up, so the totals are exact.
import { parseFilters, type Filters } from "@/lib/filters";
import { GROUP_KEY, type BreakdownRow, type GroupBy } from "@/lib/queries/traffic-breakdown";
import { ApiError } from "./route";

const IN_PARAMS = ["env", "consumer", "group", "endpoint", "status"] as const;
type InParam = (typeof IN_PARAMS)[number];

export interface InFilters {
  /** The query without the lists, for the dashboard's filter parser. */
  rest: Record<string, unknown>;
  /** Dimensions to group by besides the asked ones. */
  extraGroupBy: GroupBy[];
  keep: (row: BreakdownRow) => boolean;
}

/** One value as the dashboard parses it, or a 400 naming the parameter. */
function one<K extends InParam>(param: K, value: string): NonNullable<Filters[K]> {
  const { filters, issues } = parseFilters(new URLSearchParams({ [param]: value }));
  const parsed = filters[param];
  if (issues.length || parsed === null) {
    const message = issues[0]?.message ?? `${param} "${value}" is not valid`;
    throw new ApiError(400, `Invalid query: ${message}`, [{ param, message }]);
  }
  return parsed as NonNullable<Filters[K]>;
}

export function splitInFilters(
  query: Record<string, unknown>,
  environments: { id: number; name: string }[],
): InFilters {
  const rest = { ...query };
  const extraGroupBy: GroupBy[] = [];
  const tests: ((row: BreakdownRow) => boolean)[] = [];
  for (const param of IN_PARAMS) {
    const raw = query[param];
    if (typeof raw !== "string" || !raw.includes(",")) continue;
    delete rest[param];
    const values = raw
      .split(",")
      .map((v) => v.trim())
      .filter(Boolean);
    extraGroupBy.push(param);
    if (param === "env") {
      const ids = new Set(values.map((v) => environments.find((e) => e.name === one("env", v))?.id ?? -1));
      tests.push((r) => ids.has(r.envId!));
    } else if (param === "consumer" || param === "group") {
      const ids = new Set(values.map((v) => one(param, v)));
      tests.push(param === "consumer" ? (r) => ids.has(r.consumerId!) : (r) => r.groupId != null && ids.has(r.groupId));
    } else if (param === "endpoint") {
      const ids = new Set(
        values.map((v) => {
          const e = one("endpoint", v);
          if (!("id" in e)) {
            throw new ApiError(400, "Invalid query: endpoint lists take endpoint ids", [
              { param, message: "a list of endpoints takes endpoint ids, not patterns" },
            ]);
          }
          return e.id;
        }),
      );
      tests.push((r) => ids.has(r.endpointId!));
    } else {
      const ranges = values.map((v) => one("status", v));
      tests.push((r) => ranges.some((s) => r.statusCode! >= s.min && r.statusCode! < s.max));
    }
  }
  return { rest, extraGroupBy, keep: (r) => tests.every((t) => t(r)) };
}

/** Rows grouped finer than asked, summed back to the asked dimensions (in their order). */
export function regroup(rows: BreakdownRow[], groupBy: readonly GroupBy[]): BreakdownRow[] {
  const sums = new Map<string, BreakdownRow>();
  for (const r of rows) {
    const keyed = Object.fromEntries(groupBy.map((g) => [GROUP_KEY[g], r[GROUP_KEY[g]]]));
    const id = JSON.stringify(keyed);
    const s = sums.get(id) ?? { ...keyed, requests: 0, errors: 0, bytesIn: 0, bytesOut: 0 };
    s.requests += r.requests;
    s.errors += r.errors;
    s.bytesIn += r.bytesIn;
    s.bytesOut += r.bytesOut;
    sums.set(id, s);
  }
  const cmp = (a: unknown, b: unknown) =>
    a === b
      ? 0
      : a === null || a === undefined
        ? -1
        : b === null || b === undefined
          ? 1
          : (a as number) < (b as number)
            ? -1
            : 1;
  return [...sums.values()].sort((a, b) => {
    for (const g of groupBy) {
      const c = cmp(a[GROUP_KEY[g]], b[GROUP_KEY[g]]);
      if (c) return c;
    }
    return 0;
  });
}
