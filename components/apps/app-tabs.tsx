"use client";

import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";
import { Suspense, useEffect, useRef } from "react";
import { cn } from "@/components/ui/cn";
import { SettingsIcon } from "@/components/ui/icons";

/** The sections; `configure` ones (credentials, settings) show only to roles that may configure the app. */
export const APP_TABS = [
  { slug: "traffic", label: "Traffic" },
  { slug: "errors", label: "Errors" },
  { slug: "endpoints", label: "Endpoints" },
  { slug: "consumers", label: "Consumers" },
  { slug: "requests", label: "Requests" },
  { slug: "instances", label: "Instances" },
  { slug: "uptime", label: "Uptime" },
  { slug: "alerts", label: "Alerts" },
  { slug: "setup", label: "Setup", configure: true },
] as const;

type TabsProps = { appId: number; configure: boolean };

/** The app's section tabs. Filters live in the query string, so switching tabs keeps it. */
export function AppTabs(props: TabsProps) {
  return (
    <Suspense fallback={<Tabs {...props} query="" />}>
      <TabsWithQuery {...props} />
    </Suspense>
  );
}

function TabsWithQuery(props: TabsProps) {
  return <Tabs {...props} query={useSearchParams().toString()} />;
}

function Tabs({ appId, configure, query }: TabsProps & { query: string }) {
  const pathname = usePathname();
  const nav = useRef<HTMLElement>(null);
  // On a phone the tabs scroll sideways: keep the current one in view.
  useEffect(() => {
    nav.current?.querySelector('[aria-current="page"]')?.scrollIntoView({ block: "nearest", inline: "nearest" });
  }, [pathname]);
  const isActive = (href: string) => pathname === href || pathname.startsWith(`${href}/`);
  return (
    // On a phone the list carries the side padding (not the nav), so it counts in the scroll
    // width and the last item, Settings, scrolls fully into view instead of being cut.
    <nav ref={nav} aria-label="App sections" className="-mx-4 overflow-x-auto border-b border-slate-200 sm:mx-0">
      <ul className="flex min-w-max gap-0 px-4 sm:gap-1 sm:px-0">
        {APP_TABS.filter((tab) => configure || !("configure" in tab)).map((tab) => {
          const href = `/apps/${appId}/${tab.slug}`;
          return (
            <li key={tab.slug}>
              <TabLink href={query ? `${href}?${query}` : href} active={isActive(href)}>
                {tab.label}
              </TabLink>
            </li>
          );
        })}
        {configure && (
          <li className="ml-auto pl-1 sm:pl-2">
            <TabLink href={`/apps/${appId}/settings`} active={isActive(`/apps/${appId}/settings`)}>
              <SettingsIcon className="size-4 sm:size-3.5" />
              <span className="sr-only sm:not-sr-only">Settings</span>
            </TabLink>
          </li>
        )}
      </ul>
    </nav>
  );
}

function TabLink({ href, active, children }: { href: string; active: boolean; children: React.ReactNode }) {
  return (
    <Link
      href={href}
      aria-current={active ? "page" : undefined}
      className={cn(
        "relative inline-flex h-10 items-center gap-1.5 px-1.5 text-[13px] font-medium transition-colors",
        "sm:px-3 sm:text-sm",
        "after:absolute after:inset-x-1 after:-bottom-px after:h-0.5 after:rounded-full sm:after:inset-x-2",
        active ? "text-slate-900 after:bg-indigo-600" : "text-slate-500 hover:text-slate-800 hover:after:bg-slate-300",
      )}
    >
      {children}
    </Link>
  );
}
