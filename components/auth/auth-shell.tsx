import Link from "next/link";
import { cn } from "@/components/ui/cn";
import { Logo } from "@/components/ui/logo";

/** The page around sign-in, sign-up and invitation cards. */
export function AuthShell({ children }: { children: React.ReactNode }) {
  return (
    <main className="relative flex min-h-screen flex-col items-center px-4 pt-16 pb-10 sm:pt-24">
      <div
        aria-hidden="true"
        className={cn(
          "pointer-events-none absolute inset-x-0 top-0 -z-10 h-80 bg-gradient-to-b from-indigo-100/70",
          "via-indigo-50/30 to-transparent",
        )}
      />
      <Link
        href="/"
        className={cn(
          "mb-8 rounded-lg",
          "focus-visible:outline-2 focus-visible:outline-offset-4 focus-visible:outline-indigo-600",
        )}
      >
        <Logo className="scale-110" />
      </Link>
      <div className="w-full max-w-[400px]">{children}</div>
      <p className="mt-auto pt-10 text-center text-xs text-slate-400">
        Self-hosted API monitoring for the Apitally clients
      </p>
    </main>
  );
}
