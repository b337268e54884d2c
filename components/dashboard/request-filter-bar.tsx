"use client";

// The Requests view's own filters, under the shared filter bar and with its conventions:
// text applied on Enter or when leaving the field, every value in the URL. On a phone they
// fold behind one button, as the shared bar's secondary filters do.
import { useId, useState } from "react";
import { useSetFilters, type FilterChanges } from "@/components/hooks/use-filters";
import { useRequestFilters } from "@/components/hooks/use-requests";
import { cn } from "@/components/ui/cn";
import { inputClass } from "@/components/ui/input";
import { FoldButton, TextFilter } from "./filter-bar";
import { RequestExport } from "./request-export";

const MS_PATTERN = "[0-9]+(\\.[0-9]+)?";

export function RequestFilterBar({ appId }: { appId: number }) {
  const { request: r } = useRequestFilters();
  const setFilters = useSetFilters();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const set = (changes: FilterChanges) => setFilters(changes);
  const active = [r.url, r.minMs, r.maxMs, r.reqBody, r.resBody, r.ip, r.country, r.exception].filter(
    (v) => v !== null,
  ).length;

  return (
    // On a phone the fold button and the export links share a row, the filters fold out below them; from sm up
    // the filters fill the row and the export links sit at its end.
    <div className="-mt-3 mb-5 flex flex-wrap items-start gap-x-2 sm:flex-nowrap">
      <FoldButton
        label="Request filters"
        open={open}
        controls={panelId}
        active={active}
        onToggle={() => setOpen((o) => !o)}
      />
      <RequestExport appId={appId} className="ml-auto sm:order-last sm:shrink-0" />
      <div
        id={panelId}
        role="group"
        aria-label="Request filters"
        className={cn(
          "mt-2 grid w-full grid-cols-2 gap-2 sm:mt-0 sm:flex sm:flex-1 sm:flex-wrap",
          !open && "hidden sm:flex",
        )}
      >
        <TextFilter
          key={`url:${r.url ?? ""}`}
          label="URL contains"
          placeholder="URL contains, e.g. ?page="
          className="col-span-2 sm:w-56"
          initial={r.url ?? ""}
          onCommit={(v) => set({ url: v })}
        />
        <div className="col-span-2 flex items-center gap-1.5 sm:col-span-1">
          <TextFilter
            key={`min:${r.minMs ?? ""}`}
            label="Minimum response time"
            placeholder="Min ms"
            className="w-full sm:w-24"
            initial={r.minMs === null ? "" : String(r.minMs)}
            pattern={MS_PATTERN}
            inputMode="decimal"
            onCommit={(v) => set({ minMs: v })}
          />
          <span className="text-[13px] text-slate-400">–</span>
          <TextFilter
            key={`max:${r.maxMs ?? ""}`}
            label="Maximum response time"
            placeholder="Max ms"
            className="w-full sm:w-24"
            initial={r.maxMs === null ? "" : String(r.maxMs)}
            pattern={MS_PATTERN}
            inputMode="decimal"
            onCommit={(v) => set({ maxMs: v })}
          />
        </div>
        <TextFilter
          key={`req:${r.reqBody ?? ""}`}
          label="Request body contains"
          placeholder="Request body contains"
          className="sm:w-48"
          initial={r.reqBody ?? ""}
          onCommit={(v) => set({ reqBody: v })}
        />
        <TextFilter
          key={`res:${r.resBody ?? ""}`}
          label="Response body contains"
          placeholder="Response body contains"
          className="sm:w-48"
          initial={r.resBody ?? ""}
          onCommit={(v) => set({ resBody: v })}
        />
        <TextFilter
          key={`ip:${r.ip ?? ""}`}
          label="Client IP"
          placeholder="Client IP"
          className="sm:w-36"
          initial={r.ip ?? ""}
          onCommit={(v) => set({ ip: v })}
        />
        <TextFilter
          key={`country:${r.country ?? ""}`}
          label="Client country"
          placeholder="Country"
          className="sm:w-28"
          initial={r.country ?? ""}
          pattern="[A-Za-z]{2}"
          onCommit={(v) => set({ country: v.toUpperCase() })}
        />
        <select
          aria-label="Exception"
          className={cn(inputClass, "h-9 py-1.5 pr-8 text-[13px] sm:w-40")}
          value={r.exception === null ? "" : r.exception ? "1" : "0"}
          onChange={(e) => set({ exception: e.target.value || null })}
        >
          <option value="">Any exception</option>
          <option value="1">With exception</option>
          <option value="0">Without exception</option>
        </select>
      </div>
    </div>
  );
}
