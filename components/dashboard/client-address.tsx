"use client";

// Where a logged request came from: its country code and client IP, each a link to the Requests
// list filtered by it. In the list's rows the links sit above the row's stretched link.
import Link from "next/link";
import { useViewHref } from "@/components/hooks/use-filters";
import { cn } from "@/components/ui/cn";
import { countryName } from "@/lib/format";

export function ClientAddress({
  appId,
  ip,
  country,
  className,
  ipClassName,
}: {
  appId: number;
  ip: string | null;
  country: string | null;
  className?: string;
  /** E.g. hidden on a phone, where the list's row keeps only the country. */
  ipClassName?: string;
}) {
  const viewHref = useViewHref();
  const requests = `/apps/${appId}/requests`;
  if (!ip) return null;
  return (
    <span className={cn("inline-flex min-w-0 items-center gap-1.5", className)}>
      {country && (
        <Link
          href={viewHref(requests, { country })}
          title={`${countryName(country)}: show only requests from there`}
          aria-label={`Country ${countryName(country)}`}
          className="relative z-10 shrink-0 rounded bg-slate-100 px-1 py-px font-mono text-[10.5px] font-semibold text-slate-600 ring-1 ring-slate-200 ring-inset hover:bg-indigo-50 hover:text-indigo-700"
        >
          {country}
        </Link>
      )}
      <Link
        href={viewHref(requests, { ip })}
        title={`${ip}: show only requests from this address`}
        className={cn("relative z-10 truncate font-mono text-[11.5px] text-slate-500 hover:underline", ipClassName)}
      >
        {ip}
      </Link>
    </span>
  );
}
