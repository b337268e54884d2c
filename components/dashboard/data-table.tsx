"use client";

// A sortable, searchable table for the dashboard's lists. Columns say how to show, sort
// and search a row; the table keeps sort and search state. Wide tables scroll sideways
// on phones instead of squeezing.
import { useMemo, useState } from "react";
import { cn } from "@/components/ui/cn";
import type { CsvRow } from "@/lib/csv";
import { CsvButton } from "./csv-button";

export interface Column<R> {
  key: string;
  header: React.ReactNode;
  cell: (row: R) => React.ReactNode;
  sort?: (row: R) => number | string | null;
  align?: "left" | "right";
  className?: string;
  /** Hidden below the sm breakpoint. */
  hideOnPhone?: boolean;
}

export interface DataTableProps<R> {
  rows: R[];
  columns: Column<R>[];
  rowKey: (row: R) => string | number;
  search?: { placeholder: string; text: (row: R) => string };
  defaultSort?: { key: string; dir: "asc" | "desc" };
  onRowClick?: (row: R) => void;
  rowHref?: (row: R) => string;
  empty?: React.ReactNode;
  toolbar?: React.ReactNode;
  limit?: number;
  /** A "Download CSV" button: every row the search and sort give (not only the ones shown), as csvRow says. */
  csv?: { filename: string; row: (row: R) => CsvRow };
}

export function DataTable<R>({
  rows,
  columns,
  rowKey,
  search,
  defaultSort,
  onRowClick,
  empty,
  toolbar,
  limit = 200,
  csv,
}: DataTableProps<R>) {
  const [query, setQuery] = useState("");
  const [sort, setSort] = useState(defaultSort ?? null);
  const [showAll, setShowAll] = useState(false);
  const shown = useMemo(() => {
    const q = query.trim().toLowerCase();
    let out = q && search ? rows.filter((r) => search.text(r).toLowerCase().includes(q)) : rows;
    const col = sort && columns.find((c) => c.key === sort.key);
    if (col?.sort) {
      const dir = sort!.dir === "asc" ? 1 : -1;
      out = [...out].sort((a, b) => {
        const x = col.sort!(a);
        const y = col.sort!(b);
        if (x === y) return 0;
        if (x === null) return 1; // empty values last, whatever the direction
        if (y === null) return -1;
        return (x < y ? -1 : 1) * dir;
      });
    }
    return out;
  }, [rows, query, sort, columns, search]);
  const visible = showAll ? shown : shown.slice(0, limit);

  return (
    <div>
      {(search || toolbar || csv) && (
        <div className="flex flex-wrap items-center gap-2 px-4 pt-3 sm:px-5">
          {search && (
            <input
              type="search"
              value={query}
              onChange={(e) => setQuery(e.target.value)}
              placeholder={search.placeholder}
              aria-label={search.placeholder}
              className={cn(
                "h-8 w-full rounded-lg border-0 bg-slate-50 px-3 text-[13px] ring-1 ring-slate-200 ring-inset",
                "placeholder:text-slate-400 focus:bg-white focus:ring-2 focus:ring-indigo-600 focus:outline-none",
                "sm:w-64",
              )}
            />
          )}
          {toolbar}
          {csv && rows.length > 0 && (
            <CsvButton className="ml-auto" filename={csv.filename} rows={() => shown.map(csv.row)} />
          )}
        </div>
      )}
      <div className="mt-2 overflow-x-auto">
        <table className="w-full min-w-full text-[13px]">
          <thead>
            <tr className="border-b border-slate-100 text-left text-xs font-medium text-slate-500">
              {columns.map((c) => {
                const active = sort?.key === c.key;
                return (
                  <th
                    key={c.key}
                    scope="col"
                    aria-sort={active ? (sort!.dir === "asc" ? "ascending" : "descending") : undefined}
                    className={cn(
                      "px-2 py-2 font-medium whitespace-nowrap first:pl-4 last:pr-4 sm:px-3 sm:first:pl-5 sm:last:pr-5",
                      c.align === "right" && "text-right",
                      c.hideOnPhone && "hidden sm:table-cell",
                    )}
                  >
                    {c.sort ? (
                      <button
                        type="button"
                        className={cn(
                          "inline-flex items-center gap-1 hover:text-slate-900",
                          active && "text-slate-900",
                        )}
                        onClick={() => setSort({ key: c.key, dir: active && sort!.dir === "desc" ? "asc" : "desc" })}
                      >
                        {c.header}
                        <span className={cn("text-[10px]", !active && "opacity-0")}>
                          {active && sort!.dir === "asc" ? "▲" : "▼"}
                        </span>
                      </button>
                    ) : (
                      c.header
                    )}
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {visible.map((r) => (
              <tr
                key={rowKey(r)}
                onClick={onRowClick && ((e) => !(e.target as HTMLElement).closest("a,button,input") && onRowClick(r))}
                className={cn(
                  "border-b border-slate-100 last:border-0",
                  onRowClick && "cursor-pointer hover:bg-slate-50",
                )}
              >
                {columns.map((c) => (
                  <td
                    key={c.key}
                    className={cn(
                      "px-2 py-2.5 align-middle first:pl-4 last:pr-4 sm:px-3 sm:first:pl-5 sm:last:pr-5",
                      c.align === "right" && "text-right whitespace-nowrap tabular-nums",
                      c.hideOnPhone && "hidden sm:table-cell",
                      c.className,
                    )}
                  >
                    {c.cell(r)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        {!visible.length && (
          <div className="px-5 py-10 text-center text-sm text-slate-500">
            {query ? `Nothing matches “${query}”.` : (empty ?? "Nothing here yet.")}
          </div>
        )}
      </div>
      {shown.length > visible.length && (
        <div className="border-t border-slate-100 px-5 py-2 text-center">
          <button
            type="button"
            className="text-[13px] font-medium text-indigo-600 hover:text-indigo-500"
            onClick={() => setShowAll(true)}
          >
            Show all {shown.length}
          </button>
        </div>
      )}
    </div>
  );
}
