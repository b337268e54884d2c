"use client";

import { CopyButton } from "@/components/ui/copy-button";

/** A secret shown once after it was made (an invitation link, an API key), with a copy button. */
export function OneTimeSecret({
  message,
  value,
  copyLabel,
  testId,
}: {
  message: string;
  value: string;
  copyLabel: string;
  testId: string;
}) {
  return (
    <div className="rounded-lg bg-emerald-50 p-3 ring-1 ring-emerald-200" role="status">
      <p className="text-sm font-medium text-emerald-800">{message}</p>
      <div className="mt-2 flex items-center gap-2">
        <code
          className="min-w-0 flex-1 truncate rounded bg-white px-2 py-1 font-mono text-xs text-slate-800 ring-1 ring-emerald-200"
          data-testid={testId}
        >
          {value}
        </code>
        <CopyButton text={value} label={copyLabel} tone="light" />
      </div>
    </div>
  );
}
