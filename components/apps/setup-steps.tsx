"use client";

import { useState } from "react";
import { cn } from "@/components/ui/cn";
import { CodeBlock } from "@/components/ui/code-block";
import type { SetupGuide } from "@/lib/apps/snippets";

// What each kind of guide says around its code.
const TEXT: Record<
  string,
  { install: string; setup: (framework: string) => string; setupNote: string; envTitle: string; envNote: string }
> = {
  hub: {
    install: "Install the Apitally client",
    setup: (f) => `Add it to your ${f} app`,
    setupNote: "Apitally's own setup, plus the line that sends the data to this Tallyhub instead of Apitally's cloud.",
    envTitle: "Or set the hub URL in the environment",
    envNote:
      "Prefer configuration over code? Drop that line and set this variable where the app runs (.env, Docker, systemd).",
  },
  otlp: {
    install: "Install the Apitally SDK",
    setup: (f) => `Add it to your ${f} app`,
    setupNote:
      "Apitally's own setup with this app's write token, plus the line that sends its OpenTelemetry data to this Tallyhub.",
    envTitle: "Or configure it in the environment",
    envNote:
      "Prefer configuration over code? Drop the os.environ line and the arguments, and set these where the app runs. apitally.init() reads them when the app starts.",
  },
  otel: {
    install: "Install an OpenTelemetry SDK",
    setup: () => "Point its OTLP exporter at Tallyhub",
    setupNote:
      "Set these standard variables where the service runs. Tallyhub counts requests from its HTTP SERVER spans and shows each as a request log.",
    envTitle: "",
    envNote: "",
  },
};

const VARIANT_NOTE: Record<string, string> = {
  otlp: "apitally 1.x is the current Python SDK: it sends OpenTelemetry data with a write token.",
  hub: "apitally 0.x speaks the hub protocol with the client ID. Keep it for apps already on 0.x.",
};

/** The numbered setup instructions, with the environment the snippet reports chosen here. */
export function SetupSteps({
  guides,
  defaultEnv,
  frameworkLabel,
}: {
  guides: Record<string, SetupGuide[]>;
  defaultEnv: string;
  frameworkLabel: string;
}) {
  const envs = Object.keys(guides);
  const [env, setEnv] = useState(defaultEnv);
  const variants = guides[env] ?? guides[envs[0]];
  const [variantId, setVariantId] = useState(variants[0].id);
  const guide = variants.find((v) => v.id === variantId) ?? variants[0];
  const text = TEXT[guide.id];
  let n = 0;

  return (
    <div>
      {variants.length > 1 && (
        <div className="mb-6">
          <Segmented
            label="Client version"
            options={variants.map((v, i) => ({ value: v.id, label: i === 0 ? `${v.label} · recommended` : v.label }))}
            value={guide.id}
            onChange={setVariantId}
          />
          <p className="mt-2 text-[13px] text-slate-500" data-testid="variant-note">
            {VARIANT_NOTE[guide.id]}
          </p>
        </div>
      )}
      <ol className="space-y-8">
        <Step n={++n} title={text.install}>
          <CodeBlock block={guide.install} name="install" copyLabel="Copy install command" />
        </Step>

        <Step n={++n} title={text.setup(frameworkLabel)} description={text.setupNote}>
          {envs.length > 1 && (
            <div className="mb-3">
              <Segmented
                label="Environment"
                mono
                options={envs.map((e) => ({ value: e, label: e }))}
                value={env}
                onChange={setEnv}
              />
            </div>
          )}
          <CodeBlock block={guide.setup} name="setup" copyLabel="Copy setup snippet" />
        </Step>

        {guide.id !== "otel" && (
          <Step n={++n} title={text.envTitle} description={text.envNote}>
            <CodeBlock block={guide.envVars} name="hub-env" copyLabel="Copy environment variables" />
            {guide.protocol === "hub" && (
              <p className="mt-2 text-[13px] text-slate-500">
                No trailing slash: the client appends /v2/… to it as is.
              </p>
            )}
          </Step>
        )}

        <Step
          n={++n}
          title="Identify API consumers"
          optional
          description="Tell Tallyhub who makes each request to see traffic and errors per consumer. Identifiers are cut to 128 characters, names and groups to 64."
        >
          <CodeBlock block={guide.consumer} name="consumer" copyLabel="Copy consumer snippet" />
        </Step>
      </ol>
    </div>
  );
}

function Segmented({
  label,
  options,
  value,
  onChange,
  mono,
}: {
  label: string;
  options: { value: string; label: string }[];
  value: string;
  onChange: (v: string) => void;
  mono?: boolean;
}) {
  const id = `picker-${label.toLowerCase().replaceAll(" ", "-")}`;
  return (
    <div className="flex flex-wrap items-center gap-2">
      <span className="text-[13px] text-slate-500" id={id}>
        {label}
      </span>
      <div
        role="radiogroup"
        aria-labelledby={id}
        className="inline-flex flex-wrap rounded-lg bg-slate-100 p-0.5 ring-1 ring-slate-200 ring-inset"
      >
        {options.map((o) => (
          <button
            key={o.value}
            type="button"
            role="radio"
            aria-checked={o.value === value}
            onClick={() => onChange(o.value)}
            className={cn(
              "rounded-md px-2.5 py-1 text-[12.5px] transition",
              mono && "font-mono",
              o.value === value
                ? "bg-white text-slate-900 shadow-sm ring-1 ring-slate-200"
                : "text-slate-500 hover:text-slate-800",
            )}
          >
            {o.label}
          </button>
        ))}
      </div>
    </div>
  );
}

function Step({
  n,
  title,
  description,
  optional,
  children,
}: {
  n: number;
  title: string;
  description?: string;
  optional?: boolean;
  children: React.ReactNode;
}) {
  return (
    <li className="relative grid grid-cols-[1.75rem_minmax(0,1fr)] gap-x-3 sm:gap-x-4">
      <span
        aria-hidden="true"
        className={cn(
          "flex size-7 items-center justify-center rounded-full bg-white text-[13px] font-semibold text-indigo-700",
          "shadow-sm ring-1 ring-indigo-200",
        )}
      >
        {n}
      </span>
      <div className="min-w-0">
        <h2 className="flex flex-wrap items-center gap-2 pt-0.5 text-[15px] font-semibold text-slate-900">
          {title}
          {optional && (
            <span className="rounded bg-slate-100 px-1.5 py-0.5 text-[11px] font-medium text-slate-500">Optional</span>
          )}
        </h2>
        {description && <p className="mt-1 text-sm text-slate-500">{description}</p>}
        <div className="mt-3">{children}</div>
      </div>
    </li>
  );
}
