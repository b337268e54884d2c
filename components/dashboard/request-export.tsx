"use client";

// Download links for the Requests list with the filters on screen, streamed by the export route as CSV or
// NDJSON; bodies are opt-in because they make the file many times larger.
import { useState } from "react";
import { useRequestFilters } from "@/components/hooks/use-requests";
import { buttonClass } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { cn } from "@/components/ui/cn";
import type { ExportFormat } from "@/lib/requests/export";

export function RequestExport({ appId, className }: { appId: number; className?: string }) {
  const { query } = useRequestFilters();
  const [bodies, setBodies] = useState(false);
  const href = (format: ExportFormat) =>
    `/api/apps/${appId}/requests/export?${[query, `format=${format}`, bodies ? "bodies=1" : ""].filter(Boolean).join("&")}`;
  return (
    <div role="group" aria-label="Export" className={cn("flex h-9 items-center gap-1.5", className)}>
      <span className="text-[13px] text-slate-500">Export</span>
      <a href={href("csv")} download className={buttonClass({ variant: "secondary", size: "sm" })}>
        CSV
      </a>
      <a href={href("ndjson")} download className={buttonClass({ variant: "secondary", size: "sm" })}>
        NDJSON
      </a>
      <Checkbox checked={bodies} onChange={setBodies} className="ml-1">
        With bodies
      </Checkbox>
    </div>
  );
}
