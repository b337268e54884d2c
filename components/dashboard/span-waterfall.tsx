"use client";

// A request's spans as a waterfall: one row per span, indented under its parent, its bar
// placed and sized to scale on the request's timeline; a click shows its attributes.
import { Fragment, useState } from "react";
import { cn } from "@/components/ui/cn";
import { ChevronRightIcon } from "@/components/ui/icons";
import { formatMs } from "@/lib/format";
import type { Waterfall } from "@/lib/requests/spans";

const TICKS = [0, 0.25, 0.5, 0.75, 1];
// Spans are often shorter than a millisecond: formatMs would call them all "<1 ms".
const spanMs = (ms: number) => (ms > 0 && ms < 10 ? `${ms.toFixed(ms < 1 ? 2 : 1)} ms` : formatMs(ms));

export function SpanWaterfall({ waterfall }: { waterfall: Waterfall }) {
  const [open, setOpen] = useState<string | null>(null);
  const { spans, totalMs } = waterfall;
  const pct = (ms: number) => `${(ms / totalMs) * 100}%`;
  return (
    <div className="text-[13px]">
      <div className="relative mb-1 hidden h-5 text-[11px] text-slate-400 tabular-nums sm:ml-[40%] sm:block">
        {TICKS.map((t) => (
          <span
            key={t}
            className={cn("absolute", t === 1 ? "right-0" : t > 0 && "-translate-x-1/2")}
            style={t === 1 ? undefined : { left: `${t * 100}%` }}
          >
            {spanMs(totalMs * t)}
          </span>
        ))}
      </div>
      <ul className="divide-y divide-slate-100 border-y border-slate-100">
        {spans.map((s) => {
          const isOpen = open === s.spanId;
          const attributes = Object.entries(s.attributes);
          return (
            <li key={s.spanId}>
              <button
                type="button"
                aria-expanded={isOpen}
                onClick={() => setOpen(isOpen ? null : s.spanId)}
                className="grid w-full grid-cols-1 items-center gap-1 py-1.5 text-left hover:bg-slate-50 sm:grid-cols-[40%_1fr] sm:gap-0"
              >
                <span className="flex min-w-0 items-center gap-1 pr-3" style={{ paddingLeft: `${s.depth * 14}px` }}>
                  <ChevronRightIcon
                    className={cn("size-3 shrink-0 text-slate-400 transition-transform", isOpen && "rotate-90")}
                  />
                  <span className="truncate font-mono text-[12.5px] text-slate-800" title={s.name}>
                    {s.name || "(unnamed)"}
                  </span>
                  {s.status === "ERROR" && (
                    <span className="rounded bg-red-50 px-1 text-[10px] font-semibold text-red-700 ring-1 ring-red-200 ring-inset">
                      error
                    </span>
                  )}
                </span>
                <span className="relative block h-5">
                  <span className="absolute inset-y-0 right-0 left-0 rounded bg-slate-50" />
                  <span
                    className={cn(
                      "absolute inset-y-1 rounded-sm",
                      s.status === "ERROR" ? "bg-red-400" : s.depth === 0 ? "bg-indigo-500" : "bg-indigo-300",
                    )}
                    style={{ left: pct(s.offsetMs), width: `max(2px, ${pct(s.durationMs)})` }}
                  />
                  <span
                    className={cn(
                      "absolute inset-y-0 flex items-center text-[11px] whitespace-nowrap tabular-nums",
                      label(s.offsetMs, s.durationMs, totalMs) === "inside"
                        ? "font-medium text-white"
                        : "text-slate-600",
                    )}
                    style={labelStyle(label(s.offsetMs, s.durationMs, totalMs), s.offsetMs, s.durationMs, pct)}
                  >
                    {spanMs(s.durationMs)}
                  </span>
                </span>
              </button>
              {isOpen && (
                <div className="mb-2 ml-4 rounded-lg bg-slate-50 px-3 py-2 text-xs ring-1 ring-slate-200 ring-inset">
                  <dl className="grid grid-cols-[max-content_minmax(0,1fr)] gap-x-4 gap-y-1">
                    <SpanFact name="span id" value={s.spanId} />
                    {s.parentSpanId && <SpanFact name="parent" value={s.parentSpanId} />}
                    {s.kind && <SpanFact name="kind" value={s.kind} />}
                    <SpanFact name="starts at" value={`+${spanMs(s.offsetMs)}`} />
                    {attributes.map(([k, v]) => (
                      <SpanFact key={k} name={k} value={typeof v === "string" ? v : JSON.stringify(v)} />
                    ))}
                  </dl>
                </div>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

type LabelPlace = "after" | "before" | "inside";

/** The duration goes after the bar when there is room, else before it, else inside a bar that spans most of the line. */
function label(offsetMs: number, durationMs: number, totalMs: number): LabelPlace {
  if (offsetMs + durationMs <= totalMs * 0.7) return "after";
  return offsetMs >= totalMs * 0.3 ? "before" : "inside";
}

function labelStyle(place: LabelPlace, offsetMs: number, durationMs: number, pct: (ms: number) => string) {
  if (place === "after") return { left: `calc(${pct(offsetMs + durationMs)} + 4px)` };
  if (place === "before") return { right: `calc(100% - ${pct(offsetMs)} + 4px)` };
  return { right: `calc(100% - ${pct(offsetMs + durationMs)} + 6px)` };
}

function SpanFact({ name, value }: { name: string; value: string }) {
  return (
    <Fragment>
      <dt className="font-mono text-slate-500">{name}</dt>
      <dd className="font-mono break-all text-slate-800">{value}</dd>
    </Fragment>
  );
}
