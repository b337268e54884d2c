import Link from "next/link";
import { formatCount } from "@/lib/format";
import type { CapUsage } from "@/lib/queries/cap-usage";

/** Shown on every page of an app that hit a cap: which ones, and where to see the usage. */
export function CapsWarning({ appId, hit, settingsLink }: { appId: number; hit: CapUsage[]; settingsLink: boolean }) {
  if (hit.length === 0) return null;
  const names = hit.map((u) => `${u.label} (${formatCount(u.cap)})`);
  return (
    <div role="status" className="mb-4 rounded-lg bg-amber-50 px-4 py-3 text-sm text-amber-900 ring-1 ring-amber-200">
      <strong className="font-semibold">Limit reached:</strong> this app hit its cap of {names.join(", ")}. New ones are
      counted under &ldquo;(other)&rdquo;, so totals stay exact.{" "}
      {settingsLink && (
        <Link href={`/apps/${appId}/settings`} className="font-medium underline underline-offset-2">
          See usage
        </Link>
      )}
    </div>
  );
}
