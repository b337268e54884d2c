"use client";

import Link from "next/link";
import { useMenu } from "@/components/hooks/use-menu";
import { cn } from "@/components/ui/cn";
import { AppsIcon, ChevronDownIcon, SignOutIcon, UserIcon } from "@/components/ui/icons";
import { signOutAction } from "@/lib/auth/actions";

export function UserMenu({ email, name }: { email: string; name: string | null }) {
  const { open, setOpen, root } = useMenu();

  const initial = (name || email).trim().charAt(0).toUpperCase();
  const item = cn(
    "flex w-full items-center gap-2 rounded-md px-2.5 py-2 text-left text-sm text-slate-700",
    "hover:bg-slate-100 hover:text-slate-900",
  );

  return (
    <div ref={root} className="relative">
      <button
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-label="Account menu"
        onClick={() => setOpen((o) => !o)}
        className={cn(
          "flex items-center gap-2 rounded-full py-1 pr-2 pl-1 text-sm text-slate-700",
          "hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-indigo-600",
        )}
      >
        <span
          className={cn(
            "flex size-7 items-center justify-center rounded-full",
            "bg-indigo-100 text-xs font-semibold text-indigo-700",
          )}
        >
          {initial}
        </span>
        <span className="hidden max-w-64 truncate sm:block">{name || email}</span>
        <ChevronDownIcon className={cn("size-3.5 text-slate-400 transition-transform", open && "rotate-180")} />
      </button>
      {open && (
        <div
          role="menu"
          className="absolute right-0 z-40 mt-2 w-60 rounded-xl bg-white p-1.5 shadow-lg ring-1 ring-slate-200"
        >
          <div className="border-b border-slate-100 px-2.5 pt-1.5 pb-2.5">
            {name && <p className="truncate text-sm font-medium text-slate-900">{name}</p>}
            <p className="truncate text-xs text-slate-500">{email}</p>
          </div>
          <div className="pt-1.5">
            <Link role="menuitem" href="/apps" className={item} onClick={() => setOpen(false)}>
              <AppsIcon className="text-slate-400" /> Your apps
            </Link>
            <Link role="menuitem" href="/account" className={item} onClick={() => setOpen(false)}>
              <UserIcon className="text-slate-400" /> Account
            </Link>
            <form action={signOutAction}>
              <button role="menuitem" type="submit" className={item}>
                <SignOutIcon className="text-slate-400" /> Sign out
              </button>
            </form>
          </div>
        </div>
      )}
    </div>
  );
}
