import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { Logo } from "@/components/ui/logo";

export default function NotFound() {
  return (
    <main className="flex min-h-screen flex-col items-center justify-center px-4 text-center">
      <Logo className="mb-10" />
      <p className="font-mono text-sm font-medium text-indigo-600">404</p>
      <h1 className="mt-2 text-2xl font-semibold tracking-tight text-slate-900">Page not found</h1>
      <p className="mt-2 max-w-sm text-sm text-slate-500">This page doesn&apos;t exist, or it belongs to an account you&apos;re not signed in to.</p>
      <Link href="/apps" className={buttonClass({ className: "mt-8" })}>
        Back to your apps
      </Link>
    </main>
  );
}
