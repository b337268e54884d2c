"use client";

// The filter bar shared by every view: period (with a custom range), environment,
// consumer or group and endpoint (searched as you type: option-filters.tsx), method and status. Every change goes to the URL.
import { useId, useState } from "react";
import { useFilters, useSetFilters } from "@/components/hooks/use-filters";
import { useView } from "@/components/hooks/use-view";
import { ClearFieldButton } from "@/components/ui/clear-field-button";
import { cn } from "@/components/ui/cn";
import { ChevronDownIcon, XIcon } from "@/components/ui/icons";
import { inputClass } from "@/components/ui/input";
import { PERIODS } from "@/lib/buckets";
import type { ViewEnvelope } from "@/lib/dashboard/views";
import type { Filters } from "@/lib/filters";
import { CustomRange } from "./custom-range";
import { ConsumerFilter, EndpointFilter } from "./option-filters";

const PERIOD_LABELS: Record<(typeof PERIODS)[number], string> = { "1h": "1h", "24h": "24h", "7d": "7d", "30d": "30d" };
const STATUS_SUGGESTIONS = [
  "2xx",
  "3xx",
  "4xx",
  "5xx",
  "200",
  "201",
  "204",
  "400",
  "401",
  "403",
  "404",
  "409",
  "422",
  "429",
  "500",
  "502",
  "503",
];
const selectClass = cn(inputClass, "h-9 py-1.5 pr-8 text-[13px]");

export function FilterBar({
  appId,
  initialOptions,
  status,
  scope = "all",
}: {
  appId: number;
  initialOptions: ViewEnvelope<"filter-options"> | null;
  status?: React.ReactNode;
  /** "env": period and environment only, for views whose data has no consumer, endpoint or status. */
  scope?: "all" | "env";
}) {
  const { filters, query } = useFilters();
  const setFilters = useSetFilters();
  const { data: options } = useView(appId, "filter-options", initialOptions);
  const [customOpen, setCustomOpen] = useState(false);
  const [moreOpen, setMoreOpen] = useState(false);
  const moreId = useId();

  // On a phone: the period with the status on one row, the consumer with a "Filters"
  // disclosure (environment, endpoint, method, status) on the next. From sm up, one row.
  const secondary = [filters.env, filters.endpoint, filters.method, filters.status].filter(Boolean).length;

  return (
    <div className="mb-5" role="search" aria-label="Filters">
      <div className="flex flex-wrap items-center gap-2">
        <div
          className={cn(
            "order-1 flex flex-1 rounded-lg bg-white p-0.5 shadow-sm ring-1 ring-slate-300",
            "sm:order-none sm:flex-none",
          )}
          role="group"
          aria-label="Period"
        >
          {PERIODS.map((p) => (
            <PeriodButton key={p} active={filters.period === p} onClick={() => setFilters({ period: p })}>
              {PERIOD_LABELS[p]}
            </PeriodButton>
          ))}
          <PeriodButton active={filters.period === "custom" || customOpen} onClick={() => setCustomOpen((o) => !o)}>
            {filters.period === "custom" ? <CustomRangeLabel filters={filters} /> : "Custom"}
          </PeriodButton>
        </div>
        {status && (
          <div className={cn("order-2 flex shrink-0 items-center sm:order-last", !query && "sm:ml-auto")}>{status}</div>
        )}
        {scope === "all" && (
          <ConsumerFilter
            appId={appId}
            options={options}
            filters={filters}
            setFilters={setFilters}
            className="order-3 min-w-0 flex-[1_1_10rem] sm:order-none sm:w-40 sm:flex-none"
          />
        )}
        {scope === "all" && (
          <FoldButton
            label="Filters"
            open={moreOpen}
            controls={moreId}
            active={secondary}
            onToggle={() => setMoreOpen((o) => !o)}
            className="order-4"
          />
        )}
        {query && (
          <button
            type="button"
            onClick={() => setFilters("reset")}
            title="Reset filters"
            className={cn(
              "order-5 inline-flex h-9 items-center gap-1 rounded-lg px-2 text-[13px] font-medium text-slate-600",
              "hover:bg-slate-100 hover:text-slate-900 sm:order-last sm:ml-auto sm:h-8",
            )}
          >
            <XIcon className="size-3.5" /> <span className="sr-only sm:not-sr-only">Reset filters</span>
          </button>
        )}
        <div
          id={moreId}
          className={cn(
            scope === "env" ? "order-3 contents" : "order-6 grid w-full grid-cols-2 gap-2 sm:contents",
            scope === "all" && !moreOpen && "hidden",
          )}
        >
          <select
            aria-label="Environment"
            className={cn(selectClass, "sm:w-44")}
            value={filters.env ?? ""}
            onChange={(e) => setFilters({ env: e.target.value || null })}
          >
            <option value="">All environments</option>
            {(options?.envs ?? (filters.env ? [filters.env] : [])).map((env) => (
              <option key={env} value={env}>
                {env}
              </option>
            ))}
          </select>
          {scope === "all" && (
            <>
              <EndpointFilter
                appId={appId}
                options={options}
                filters={filters}
                setFilters={setFilters}
                className="-order-1 col-span-2 sm:order-none sm:w-60"
              />
              <select
                aria-label="Method"
                className={cn(selectClass, "sm:w-36")}
                value={filters.method ?? ""}
                onChange={(e) => setFilters({ method: e.target.value || null })}
              >
                <option value="">All methods</option>
                {(options?.methods ?? []).map((m) => (
                  <option key={m} value={m}>
                    {m}
                  </option>
                ))}
              </select>
              <TextFilter
                key={`status:${filters.status?.text ?? ""}`}
                label="Status"
                placeholder="Status, e.g. 5xx"
                className="sm:w-40"
                initial={filters.status?.text ?? ""}
                suggestions={STATUS_SUGGESTIONS}
                pattern="[1-5]([0-9]{2}|xx|XX)"
                onCommit={(text) => setFilters({ status: text })}
              />
            </>
          )}
        </div>
      </div>
      {customOpen && (
        <div className="mt-2">
          <CustomRange filters={filters} onClose={() => setCustomOpen(false)} />
        </div>
      )}
    </div>
  );
}

/** On a phone, the button that unfolds a group of filters, with how many of them are set. */
export function FoldButton(props: {
  label: string;
  open: boolean;
  controls: string;
  active: number;
  onToggle: () => void;
  className?: string;
}) {
  return (
    <button
      type="button"
      aria-expanded={props.open}
      aria-controls={props.controls}
      onClick={props.onToggle}
      className={cn(
        "inline-flex h-9 items-center gap-1.5 rounded-lg bg-white px-3 text-[13px] font-medium text-slate-700 shadow-sm ring-1 ring-slate-300 hover:bg-slate-50 sm:hidden",
        props.className,
      )}
    >
      {props.label}
      {props.active > 0 && (
        <span className="rounded-full bg-indigo-600 px-1.5 text-[11px] leading-4 text-white tabular-nums">
          {props.active}
          <span className="sr-only"> active</span>
        </span>
      )}
      <ChevronDownIcon className={cn("size-3.5 text-slate-500 transition-transform", props.open && "rotate-180")} />
    </button>
  );
}

function PeriodButton({
  active,
  onClick,
  children,
}: {
  active: boolean;
  onClick: () => void;
  children: React.ReactNode;
}) {
  return (
    <button
      type="button"
      aria-pressed={active}
      onClick={onClick}
      className={cn(
        "h-8 flex-1 rounded-md px-2.5 text-[13px] font-medium whitespace-nowrap transition-colors sm:flex-none sm:px-3",
        active ? "bg-indigo-600 text-white shadow-sm" : "text-slate-600 hover:bg-slate-100 hover:text-slate-900",
      )}
    >
      {children}
    </button>
  );
}

function CustomRangeLabel({ filters }: { filters: Filters }) {
  const fmt = (ms: number) =>
    new Date(ms)
      .toLocaleString("en-US", { month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23" })
      .replace(",", "");
  return (
    <span suppressHydrationWarning>
      {filters.from && filters.to ? `${fmt(filters.from)} – ${fmt(filters.to)}` : "Custom"}
    </span>
  );
}

/** A text filter applied on Enter or when leaving the field, with suggestions. */
export function TextFilter(props: {
  label: string;
  placeholder: string;
  className?: string;
  initial: string;
  suggestions?: string[];
  pattern?: string;
  inputMode?: React.HTMLAttributes<HTMLInputElement>["inputMode"];
  onCommit: (text: string) => void;
}) {
  const [text, setText] = useState(props.initial);
  const listId = `filter-${props.label.toLowerCase().replace(/\W+/g, "-")}-suggestions`;
  const commit = () => {
    if (text.trim() !== props.initial) props.onCommit(text.trim());
  };
  return (
    <div className={cn("relative", props.className)}>
      <input
        aria-label={props.label}
        className={cn(inputClass, "h-9 py-1.5 pr-7 text-[13px] invalid:ring-red-400")}
        placeholder={props.placeholder}
        value={text}
        list={props.suggestions ? listId : undefined}
        pattern={props.pattern}
        inputMode={props.inputMode}
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === "Enter") commit();
          if (e.key === "Escape") setText(props.initial);
        }}
      />
      {text && (
        <ClearFieldButton
          label={props.label}
          onClick={() => {
            setText("");
            if (props.initial) props.onCommit("");
          }}
        />
      )}
      {props.suggestions && (
        <datalist id={listId}>
          {props.suggestions.map((s) => (
            <option key={s} value={s} />
          ))}
        </datalist>
      )}
    </div>
  );
}
