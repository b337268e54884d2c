import { Fragment } from "react";
import { cn } from "@/components/ui/cn";
import { formatPercent } from "@/lib/format";

const METHOD_TONES: Record<string, string> = {
  GET: "bg-sky-50 text-sky-700 ring-sky-200",
  POST: "bg-emerald-50 text-emerald-700 ring-emerald-200",
  PUT: "bg-amber-50 text-amber-800 ring-amber-200",
  PATCH: "bg-violet-50 text-violet-700 ring-violet-200",
  DELETE: "bg-red-50 text-red-700 ring-red-200",
};

export function MethodBadge({ method }: { method: string }) {
  return (
    <span
      className={cn(
        "inline-flex w-14 shrink-0 justify-center rounded px-1 py-0.5",
        "font-mono text-[10.5px] font-semibold ring-1 ring-inset",
        METHOD_TONES[method] ?? "bg-slate-100 text-slate-700 ring-slate-200",
      )}
    >
      {method}
    </span>
  );
}

/** METHOD /path, the path in monospace and allowed to wrap at slashes. */
export function EndpointName({ method, path, className }: { method: string; path: string; className?: string }) {
  return (
    <span className={cn("inline-flex min-w-0 items-center gap-2", className)}>
      <MethodBadge method={method} />
      <span className="font-mono text-[12.5px] [overflow-wrap:anywhere] text-slate-800">
        {path.split("/").map((part, i) => (
          <Fragment key={i}>
            {i > 0 && (
              <>
                /<wbr />
              </>
            )}
            {part}
          </Fragment>
        ))}
      </span>
    </span>
  );
}

export function StatusBadge({ code }: { code: number }) {
  const cls = Math.floor(code / 100);
  const tone =
    cls === 5
      ? "bg-red-50 text-red-700 ring-red-200"
      : cls === 4
        ? "bg-amber-50 text-amber-800 ring-amber-200"
        : cls === 2
          ? "bg-emerald-50 text-emerald-700 ring-emerald-200"
          : "bg-slate-100 text-slate-700 ring-slate-200";
  return (
    <span
      className={cn("inline-flex rounded px-1.5 py-0.5 font-mono text-[11.5px] font-semibold ring-1 ring-inset", tone)}
    >
      {code}
    </span>
  );
}

/** Error rate with a colour that says how bad it is. */
export function ErrorRate({ rate }: { rate: number | null }) {
  if (rate === null) return <span className="text-slate-300">—</span>;
  const tone = rate >= 0.1 ? "text-red-600 font-medium" : rate >= 0.01 ? "text-amber-700" : "text-slate-700";
  return <span className={tone}>{formatPercent(rate)}</span>;
}
