import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { formatCount, formatDateTime } from "@/lib/format";
import type { CapUsage } from "@/lib/queries/cap-usage";

/**
 * The app's use of each per-app cap, as bars; a cap that was hit says since when data goes to "(other)", one the
 * instance admin set for this app says so. `children`: the admin's form to change them.
 */
export function CapUsageCard({ usage, children }: { usage: CapUsage[]; children?: React.ReactNode }) {
  return (
    <Card>
      <CardHeader
        title="Usage and limits"
        description={
          <>
            What this app&rsquo;s clients have created, against its caps. Past a cap, new ones are counted under
            &ldquo;(other)&rdquo;: totals stay exact, the breakdown stops growing.
          </>
        }
      />
      <CardBody>
        <ul className="space-y-3">
          {usage.map((u) => {
            const ratio = Math.min(1, u.used / u.cap);
            return (
              <li key={u.kind} data-cap={u.kind}>
                <div className="flex flex-wrap items-baseline justify-between gap-x-3 text-sm">
                  <span className="font-medium text-slate-800 first-letter:uppercase">{u.label}</span>
                  <span className="text-slate-600 tabular-nums">
                    {`${formatCount(u.used)} / ${formatCount(u.cap)}`}
                  </span>
                </div>
                <div
                  className="mt-1 h-2 overflow-hidden rounded-full bg-slate-100"
                  role="meter"
                  aria-label={`${u.label} used`}
                  aria-valuemin={0}
                  aria-valuemax={u.cap}
                  aria-valuenow={u.used}
                >
                  <div
                    className={cn(
                      "h-full rounded-full",
                      u.hitAt !== null ? "bg-amber-500" : ratio >= 0.9 ? "bg-amber-400" : "bg-sky-500",
                    )}
                    style={{ width: `${Math.max(ratio * 100, u.used > 0 ? 1 : 0)}%` }}
                  />
                </div>
                {u.overridden && (
                  <p className="mt-1 text-xs text-slate-500">
                    Set for this app by the instance admin (the server&rsquo;s cap is {formatCount(u.serverCap)}).
                  </p>
                )}
                {u.hitAt !== null && (
                  <p className="mt-1 text-xs text-amber-700">
                    Cap reached: new {u.label} are counted under &ldquo;(other)&rdquo; (last on{" "}
                    {formatDateTime(u.hitAt)}).
                  </p>
                )}
              </li>
            );
          })}
        </ul>
      </CardBody>
      {children}
    </Card>
  );
}
