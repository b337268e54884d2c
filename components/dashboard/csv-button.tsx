"use client";

import { cn } from "@/components/ui/cn";
import { toCsv, type CsvRow } from "@/lib/csv";

/** Downloads what a table or chart shows, with its current filters, as CSV (built here from the view's data). */
export function CsvButton({
  filename,
  rows,
  className,
}: {
  filename: string;
  rows: () => CsvRow[];
  className?: string;
}) {
  const download = () => {
    const url = URL.createObjectURL(new Blob([toCsv(rows())], { type: "text/csv;charset=utf-8" }));
    const a = document.createElement("a");
    a.href = url;
    a.download = `${filename}.csv`;
    a.click();
    URL.revokeObjectURL(url);
  };
  return (
    <button
      type="button"
      onClick={download}
      className={cn(
        "h-8 rounded-lg px-2.5 text-[13px] font-medium text-slate-600 ring-1 ring-slate-200 ring-inset hover:bg-slate-50 hover:text-slate-900",
        className,
      )}
    >
      Download CSV
    </button>
  );
}
