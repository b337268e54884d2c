"use client";

// A custom period from two local date-times. The URL keeps them in UTC (ISO).
import { useState } from "react";
import { useSetFilters } from "@/components/hooks/use-filters";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { inputClass } from "@/components/ui/input";
import { isoMinute, type Filters } from "@/lib/filters";

const toLocalInput = (ms: number) => {
  const d = new Date(ms - new Date(ms).getTimezoneOffset() * 60_000);
  return d.toISOString().slice(0, 16);
};

export function CustomRange({ filters, onClose }: { filters: Filters; onClose: () => void }) {
  const setFilters = useSetFilters();
  const [from, setFrom] = useState(() => toLocalInput(filters.from ?? filters.window.from * 60_000));
  const [to, setTo] = useState(() => toLocalInput(filters.to ?? Math.min(filters.window.to * 60_000, Date.now())));
  const fromMs = Date.parse(from);
  const toMs = Date.parse(to);
  const valid = !Number.isNaN(fromMs) && !Number.isNaN(toMs) && fromMs < toMs;
  return (
    <form
      className="flex flex-wrap items-end gap-2 rounded-lg bg-white p-3 shadow-sm ring-1 ring-slate-200"
      onSubmit={(e) => {
        e.preventDefault();
        if (!valid) return;
        setFilters({ from: isoMinute(fromMs), to: isoMinute(toMs) });
        onClose();
      }}
    >
      <label className="grid flex-1 gap-1 text-xs font-medium text-slate-600 sm:flex-none">
        From
        <input
          type="datetime-local"
          className={cn(inputClass, "h-9 py-1.5 text-[13px]")}
          value={from}
          onChange={(e) => setFrom(e.target.value)}
        />
      </label>
      <label className="grid flex-1 gap-1 text-xs font-medium text-slate-600 sm:flex-none">
        To
        <input
          type="datetime-local"
          className={cn(inputClass, "h-9 py-1.5 text-[13px]")}
          value={to}
          onChange={(e) => setTo(e.target.value)}
        />
      </label>
      <div className="flex gap-2">
        <Button type="submit" size="md" disabled={!valid}>
          Apply
        </Button>
        <Button variant="ghost" onClick={onClose}>
          Cancel
        </Button>
      </div>
      {!valid && <p className="w-full text-[13px] text-red-600">The start must be before the end.</p>}
    </form>
  );
}
