"use client";

import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";
import { Suspense } from "react";
import { cn } from "@/components/ui/cn";

export const APP_TABS = [
  { slug: "traffic", label: "Traffic" },
  { slug: "errors", label: "Errors" },
  { slug: "endpoints", label: "Endpoints" },
  { slug: "consumers", label: "Consumers" },
  { slug: "setup", label: "Setup" },
] as const;

/** The app's section tabs. Filters live in the query string, so switching tabs keeps it. */
export function AppTabs({ appId }: { appId: number }) {
  return (
    <Suspense fallback={<Tabs appId={appId} query="" />}>
      <TabsWithQuery appId={appId} />
    </Suspense>
  );
}

function TabsWithQuery({ appId }: { appId: number }) {
  return <Tabs appId={appId} query={useSearchParams().toString()} />;
}

function Tabs({ appId, query }: { appId: number; query: string }) {
  const pathname = usePathname();
  return (
    <nav aria-label="App sections" className="-mx-4 overflow-x-auto border-b border-slate-200 px-4 sm:mx-0 sm:px-0">
      <ul className="flex min-w-max gap-1">
        {APP_TABS.map((tab) => {
          const href = `/apps/${appId}/${tab.slug}`;
          const active = pathname === href || pathname.startsWith(`${href}/`);
          return (
            <li key={tab.slug}>
              <Link
                href={query ? `${href}?${query}` : href}
                aria-current={active ? "page" : undefined}
                className={cn(
                  "relative inline-flex h-10 items-center px-3 text-sm font-medium transition-colors",
                  "after:absolute after:inset-x-2 after:-bottom-px after:h-0.5 after:rounded-full",
                  active ? "text-slate-900 after:bg-indigo-600" : "text-slate-500 hover:text-slate-800 hover:after:bg-slate-300",
                )}
              >
                {tab.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
