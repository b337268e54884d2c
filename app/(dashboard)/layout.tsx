import Link from "next/link";
import { UserMenu } from "@/components/apps/user-menu";
import { Providers } from "@/components/providers";
import { cn } from "@/components/ui/cn";
import { Logo } from "@/components/ui/logo";
import { requireUser } from "@/lib/auth/session";

export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  return (
    <Providers>
      <header className="sticky top-0 z-30 border-b border-slate-200 bg-white/85 backdrop-blur">
        <div className="mx-auto flex h-14 max-w-7xl items-center justify-between px-4 sm:px-6">
          <Link
            href="/apps"
            aria-label="Tallyhub, your apps"
            className={cn(
              "rounded-lg",
              "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600",
            )}
          >
            <Logo />
          </Link>
          <UserMenu email={user.email} name={user.name} />
        </div>
      </header>
      <main className="mx-auto max-w-7xl px-4 py-6 sm:px-6 sm:py-8">{children}</main>
    </Providers>
  );
}
