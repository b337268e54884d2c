import Link from "next/link";
import { buttonClass } from "./button";

export function NotFoundMessage() {
  return (
    <div className="flex flex-col items-center text-center">
      <p className="font-mono text-sm font-medium text-indigo-600">404</p>
      <h1 className="mt-2 text-2xl font-semibold tracking-tight text-slate-900">Page not found</h1>
      <p className="mt-2 max-w-sm text-sm text-slate-500">
        This page doesn&apos;t exist, or it belongs to an account you&apos;re not signed in to.
      </p>
      <Link href="/apps" className={buttonClass({ className: "mt-8" })}>
        Back to your apps
      </Link>
    </div>
  );
}
