"use client";

import { useState } from "react";
import type { SetupGuide } from "@/lib/apps/snippets";
import { cn } from "@/components/ui/cn";
import { CodeBlock } from "@/components/ui/code-block";

/** The numbered setup instructions, with the environment the snippet reports chosen here. */
export function SetupSteps({ guides, defaultEnv, frameworkLabel }: { guides: Record<string, SetupGuide>; defaultEnv: string; frameworkLabel: string }) {
  const envs = Object.keys(guides);
  const [env, setEnv] = useState(defaultEnv);
  const guide = guides[env] ?? guides[envs[0]];

  return (
    <ol className="space-y-8">
      <Step n={1} title="Install the Apitally client">
        <CodeBlock block={guide.install} name="install" copyLabel="Copy install command" />
      </Step>

      <Step
        n={2}
        title={`Add it to your ${frameworkLabel} app`}
        description="Apitally's own setup, plus the line that sends the data to this Tallyhub instead of Apitally's cloud."
      >
        {envs.length > 1 && (
          <div className="mb-3 flex flex-wrap items-center gap-2">
            <span className="text-[13px] text-slate-500" id="env-picker-label">
              Environment
            </span>
            <div role="radiogroup" aria-labelledby="env-picker-label" className="inline-flex rounded-lg bg-slate-100 p-0.5 ring-1 ring-slate-200 ring-inset">
              {envs.map((e) => (
                <button
                  key={e}
                  type="button"
                  role="radio"
                  aria-checked={e === env}
                  onClick={() => setEnv(e)}
                  className={cn(
                    "rounded-md px-2.5 py-1 font-mono text-[12.5px] transition",
                    e === env ? "bg-white text-slate-900 shadow-sm ring-1 ring-slate-200" : "text-slate-500 hover:text-slate-800",
                  )}
                >
                  {e}
                </button>
              ))}
            </div>
          </div>
        )}
        <CodeBlock block={guide.setup} name="setup" copyLabel="Copy setup snippet" />
      </Step>

      <Step
        n={3}
        title="Or set the hub URL in the environment"
        description={
          guide.readsHubUrlAtImport
            ? "Prefer configuration over code? Drop the os.environ lines and set this variable where the app runs (.env, Docker, systemd). The Python client reads it once, when apitally is imported, so it must be set before the app starts."
            : "Prefer configuration over code? Drop the process.env line and set this variable where the app runs (.env, Docker, systemd)."
        }
      >
        <CodeBlock block={guide.hubEnv} name="hub-env" copyLabel="Copy environment variable" />
        <p className="mt-2 text-[13px] text-slate-500">No trailing slash: the client appends /v2/… to it as is.</p>
      </Step>

      <Step
        n={4}
        title="Identify API consumers"
        optional
        description="Tell Tallyhub who makes each request to see traffic and errors per consumer. Identifiers are cut to 128 characters, names and groups to 64."
      >
        <CodeBlock block={guide.consumer} name="consumer" copyLabel="Copy consumer snippet" />
      </Step>
    </ol>
  );
}

function Step({ n, title, description, optional, children }: { n: number; title: string; description?: string; optional?: boolean; children: React.ReactNode }) {
  return (
    <li className="relative grid grid-cols-[1.75rem_minmax(0,1fr)] gap-x-3 sm:gap-x-4">
      <span
        aria-hidden="true"
        className="flex size-7 items-center justify-center rounded-full bg-white text-[13px] font-semibold text-indigo-700 shadow-sm ring-1 ring-indigo-200"
      >
        {n}
      </span>
      <div className="min-w-0">
        <h2 className="flex flex-wrap items-center gap-2 pt-0.5 text-[15px] font-semibold text-slate-900">
          {title}
          {optional && <span className="rounded bg-slate-100 px-1.5 py-0.5 text-[11px] font-medium text-slate-500">Optional</span>}
        </h2>
        {description && <p className="mt-1 text-sm text-slate-500">{description}</p>}
        <div className="mt-3">{children}</div>
      </div>
    </li>
  );
}
