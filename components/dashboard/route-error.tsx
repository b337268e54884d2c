"use client";

// The error boundary of the dashboard views (their error.tsx files): says what happened
// and offers a retry, inside the app's tabs, instead of a blank page.
import { useEffect } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { AlertIcon } from "@/components/ui/icons";

export default function RouteError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => console.error(error), [error]);
  return (
    <div
      role="alert"
      className="flex flex-col items-center rounded-xl bg-white px-6 py-14 text-center shadow-sm ring-1 ring-slate-200"
    >
      <div
        className={cn(
          "mb-4 flex size-12 items-center justify-center rounded-xl",
          "bg-red-50 text-red-600 ring-1 ring-red-100",
        )}
      >
        <AlertIcon className="size-6" />
      </div>
      <h2 className="text-base font-semibold text-slate-900">This view could not be loaded</h2>
      <p className="mt-1.5 max-w-sm text-sm text-slate-500">
        Something went wrong on the server. Your data is safe; try again in a moment.
        {error.digest && <span className="mt-1 block font-mono text-xs text-slate-400">Reference: {error.digest}</span>}
      </p>
      <Button className="mt-6" onClick={reset}>
        Try again
      </Button>
    </div>
  );
}
