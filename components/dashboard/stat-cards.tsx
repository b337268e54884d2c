"use client";

// Headline numbers with their change against the previous period. A card can be a
// button that switches the main chart to its metric.
import { cn } from "@/components/ui/cn";
import { formatPercent, relativeChange } from "@/lib/format";

export interface Stat {
  key: string;
  label: string;
  value: string;
  current?: number | null;
  /** The previous period's value; leave out for a card without comparison. */
  previous?: number | null;
  /** Which way is good news; "neutral" shows the change without judging it. */
  good?: "up" | "down" | "neutral";
  /** Rates compare in percentage points, not relative change. */
  delta?: "relative" | "points";
  /** A second line for cards without a comparison. */
  sub?: React.ReactNode;
}

const GRIDS = { 4: "grid-cols-2 lg:grid-cols-4", 6: "grid-cols-2 sm:grid-cols-3 xl:grid-cols-6" };

export function StatCards({
  stats,
  selected,
  onSelect,
}: {
  stats: Stat[];
  selected?: string;
  onSelect?: (key: string) => void;
}) {
  // A description list: each value is announced with its label (dt), its change after it.
  return (
    <dl className={cn("grid gap-3", GRIDS[stats.length === 4 ? 4 : 6])}>
      {stats.map((s) => (
        <StatCard key={s.key} stat={s} selected={selected === s.key} onSelect={onSelect && (() => onSelect(s.key))} />
      ))}
    </dl>
  );
}

function StatCard({ stat, selected, onSelect }: { stat: Stat; selected: boolean; onSelect?: () => void }) {
  // A selectable card's label is a button stretched over the whole card (after:inset-0),
  // so the card stays one click target while dt/dd keep the label tied to the value.
  return (
    <div
      className={cn(
        "relative min-w-0 rounded-xl bg-white px-3.5 py-3 text-left shadow-sm ring-1 transition",
        selected ? "ring-2 ring-indigo-500" : "ring-slate-200",
        onSelect && !selected && "hover:ring-slate-300",
        onSelect && "has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-indigo-600",
      )}
    >
      <dt className="min-w-0 text-[12.5px] font-medium text-slate-500">
        {onSelect ? (
          <button
            type="button"
            onClick={onSelect}
            aria-pressed={selected}
            className="block w-full truncate text-left outline-none after:absolute after:inset-0 after:rounded-xl"
          >
            {stat.label}
          </button>
        ) : (
          <span className="block truncate">{stat.label}</span>
        )}
      </dt>
      <dd className="mt-1 truncate text-xl font-semibold tracking-tight text-slate-900 tabular-nums sm:text-2xl">
        {stat.value}
      </dd>
      {stat.previous !== undefined ? (
        <Delta stat={stat} />
      ) : (
        // Cards without a comparison keep the second line, so the grid stays even.
        <dd className="mt-0.5 truncate text-xs text-slate-500">{stat.sub ?? "\u00a0"}</dd>
      )}
    </div>
  );
}

function Delta({ stat }: { stat: Stat }) {
  const current = stat.current ?? null;
  const previous = stat.previous ?? null;
  let text: string;
  let change: number | null;
  if (stat.delta === "points") {
    change = current != null && previous != null ? current - previous : null;
    text = change === null ? "" : `${change >= 0 ? "+" : "−"}${(Math.abs(change) * 100).toFixed(1)} pp`;
  } else {
    change = relativeChange(current, previous);
    text = change === null ? "" : `${change >= 0 ? "+" : "−"}${formatPercent(Math.abs(change), 0)}`;
  }
  if (change === null) {
    // Nothing to compare with (no data, or none in the previous period): one phrase for all.
    return <dd className="mt-0.5 truncate text-xs text-slate-400">no earlier data</dd>;
  }
  const flat = Math.abs(change) < 0.005;
  const goodNews = !stat.good || stat.good === "neutral" || flat ? null : change > 0 === (stat.good === "up");
  return (
    <dd className="mt-0.5 flex items-center gap-1 text-xs">
      <span
        className={cn(
          "font-medium tabular-nums",
          goodNews === null ? "text-slate-500" : goodNews ? "text-emerald-600" : "text-red-600",
        )}
      >
        {flat ? (stat.delta === "points" ? "±0 pp" : "±0%") : `${change > 0 ? "▲" : "▼"} ${text}`}
      </span>
      <span className="truncate text-slate-400">vs previous</span>
    </dd>
  );
}
