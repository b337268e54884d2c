// Small numeric and formatting helpers shared by the benchmark sections.
import { formatBytes } from "@/lib/format";

/** Nearest-rank percentile (p in 0..100): with 5 samples p95 is the slowest one. */
export function percentile(xs: number[], p: number): number {
  if (xs.length === 0) return NaN;
  const sorted = [...xs].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

export function median(xs: number[]): number {
  const ok = xs.filter((x) => Number.isFinite(x));
  if (ok.length === 0) return NaN;
  const s = [...ok].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

export interface Percentiles {
  p50: number;
  p95: number;
  n: number;
}

export const summarise = (xs: number[]): Percentiles => ({
  p50: percentile(xs, 50),
  p95: percentile(xs, 95),
  n: xs.length,
});

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const round = (x: number, digits: number) => Number(x.toFixed(digits));

/** Milliseconds, with fewer decimals as they grow. */
export function ms(x: number): string {
  if (!Number.isFinite(x)) return "—";
  if (x >= 1000) return `${(x / 1000).toFixed(2)} s`;
  if (x >= 100) return `${x.toFixed(0)} ms`;
  if (x >= 10) return `${x.toFixed(1)} ms`;
  return `${x.toFixed(2)} ms`;
}

export function int(x: number): string {
  return Number.isFinite(x) ? Math.round(x).toLocaleString("en") : "—";
}

export function pct(x: number): string {
  return Number.isFinite(x) ? `${(x * 100).toFixed(0)} %` : "—";
}

export function times(x: number): string {
  if (!Number.isFinite(x)) return "—";
  return `${x >= 10 ? x.toFixed(0) : x.toFixed(1)}×`;
}

/** Bytes as the dashboard shows them (decimal units, as the clients bin them): one formatter for both. */
export const bytes = (x: number): string => (Number.isFinite(x) ? formatBytes(x) : "—");

/** Rounds every number in a JSON-able value (keeps the JSON file readable). */
export function rounded<T>(value: T, digits = 3): T {
  return JSON.parse(
    JSON.stringify(value, (_k, v) => (typeof v === "number" && !Number.isInteger(v) ? round(v, digits) : v)),
  ) as T;
}

/** Goal "value ≤ limit": met, or missed by how much (in the unit's own formatting). */
export function goalAtMost(value: number, limit: number, fmt: (x: number) => string, label: string): Goal {
  if (!Number.isFinite(value)) return { met: null, text: `${label}: no figure` };
  if (value <= limit) return { met: true, text: `${label}: met` };
  const ratio = value / limit;
  return {
    met: false,
    text: `${label}: missed by ${fmt(value - limit)} (${ratio < 2 ? `${ratio.toFixed(2)}×` : times(ratio)} the goal)`,
  };
}

/** Goal "value ≥ limit". */
export function goalAtLeast(value: number, limit: number, fmt: (x: number) => string, label: string): Goal {
  if (!Number.isFinite(value)) return { met: null, text: `${label}: no figure` };
  if (value >= limit) return { met: true, text: `${label}: met` };
  return { met: false, text: `${label}: missed by ${fmt(limit - value)}` };
}

export interface Goal {
  met: boolean | null;
  text: string;
}

/** A plain-text table: columns padded to their widest cell, numbers right-aligned. */
export function table(headers: string[], rows: string[][], rightAligned: number[] = []): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const cell = (s: string, i: number) => (rightAligned.includes(i) ? s.padStart(widths[i]) : s.padEnd(widths[i]));
  const line = (r: string[]) =>
    r
      .map((s, i) => cell(s ?? "", i))
      .join("  ")
      .trimEnd();
  return [line(headers), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}
