// One palette for every chart: status classes keep their colours across views.
export const STATUS_CLASS_COLORS: Record<string, string> = {
  "1xx": "#94a3b8", // slate-400
  "2xx": "#10b981", // emerald-500
  "3xx": "#38bdf8", // sky-400
  "4xx": "#f59e0b", // amber-500
  "5xx": "#ef4444", // red-500
};

// Shades per class, so several codes of one class are told apart but still read as the class.
const SHADES: Record<string, string[]> = {
  "1": ["#94a3b8", "#64748b"],
  "2": ["#10b981", "#34d399", "#059669", "#6ee7b7"],
  "3": ["#38bdf8", "#0ea5e9", "#7dd3fc"],
  "4": ["#f59e0b", "#fb923c", "#fbbf24", "#ea580c", "#fcd34d"],
  "5": ["#ef4444", "#dc2626", "#f87171", "#b91c1c"],
};

export function statusCodeColors(codes: number[]): Record<number, string> {
  const used: Record<string, number> = {};
  return Object.fromEntries(
    codes.map((code) => {
      const cls = String(code)[0];
      const shades = SHADES[cls] ?? SHADES["1"];
      const i = used[cls] ?? 0;
      used[cls] = i + 1;
      return [code, shades[i % shades.length]];
    }),
  );
}

export const SERIES_COLORS = {
  brand: "#6366f1", // indigo-500
  brandLight: "#a5b4fc",
  teal: "#14b8a6",
  violet: "#8b5cf6",
  slate: "#64748b",
  red: "#ef4444",
  amber: "#f59e0b",
  emerald: "#10b981",
};

export const PERCENTILE_COLORS = { p50: "#6366f1", p75: "#14b8a6", p95: "#f59e0b", p99: "#ef4444" };
