import type { Metadata } from "next";
import { headers } from "next/headers";
import { AppStatusPanel } from "@/components/apps/app-status-panel";
import { SetupSteps } from "@/components/apps/setup-steps";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { CopyButton } from "@/components/ui/copy-button";
import { requireApp } from "@/lib/apps/access";
import { frameworkLabel } from "@/lib/apps/frameworks";
import { hubBaseUrl } from "@/lib/apps/hub-url";
import { getSetupStatus } from "@/lib/apps/instances";
import { setupGuides } from "@/lib/apps/snippets";
import { ensureWriteToken } from "@/lib/apps/write-token";

export const metadata: Metadata = { title: "Setup" };

// Apitally's clients default to "dev", and that is where people try things first.
function defaultEnv(names: string[]): string {
  return names.includes("dev") ? "dev" : names[0];
}

export default async function SetupPage({ params }: { params: Promise<{ appId: string }> }) {
  const { app } = await requireApp(params, "configure");
  const hubUrl = hubBaseUrl(await headers());
  const envNames = app.environments.map((e) => e.name);
  const writeToken = await ensureWriteToken(app);
  const guides = Object.fromEntries(
    envNames.map((env) => [env, setupGuides(app.framework, { clientId: app.clientId, writeToken, env, hubUrl })]),
  );
  const otlpOnly = app.framework === "opentelemetry";
  const status = await getSetupStatus(app.id);

  return (
    <div className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_344px]">
      <aside className="space-y-4 lg:col-start-2 lg:row-start-1">
        <AppStatusPanel appId={app.id} initial={status} />
        <Card className="px-5 py-4">
          {!otlpOnly && (
            <Credential
              name="Client ID"
              value={app.clientId}
              testId="client-id"
              note="Identifies this app to Tallyhub's hub protocol (Apitally's JavaScript client, Python 0.x)."
            />
          )}
          <div className={otlpOnly ? "" : "mt-4"}>
            <Credential
              name="Write token"
              value={writeToken}
              testId="write-token"
              note="The Bearer token of OpenTelemetry exports (apitally 1.x, any OTLP exporter)."
            />
          </div>
          <p className="mt-3 text-[12.5px] text-slate-500">
            {otlpOnly
              ? "It can send data to this app, never read it."
              : "Both can send data to this app, never read it."}
          </p>
          <h2 className="mt-4 text-[13px] font-medium text-slate-500">Environments</h2>
          <div className="mt-1.5 flex flex-wrap gap-1.5">
            {envNames.map((name) => (
              <Badge key={name} mono>
                {name}
              </Badge>
            ))}
          </div>
          <h2 className="mt-4 text-[13px] font-medium text-slate-500">Tallyhub URL</h2>
          <p className="mt-1 font-mono text-[13px] break-all text-slate-900" data-testid="hub-url">
            {hubUrl}
          </p>
        </Card>
      </aside>
      <section aria-label="Setup instructions" className="min-w-0 lg:col-start-1 lg:row-start-1">
        <SetupSteps guides={guides} defaultEnv={defaultEnv(envNames)} frameworkLabel={frameworkLabel(app.framework)} />
      </section>
    </div>
  );
}

function Credential({ name, value, testId, note }: { name: string; value: string; testId: string; note: string }) {
  return (
    <>
      <div className="flex items-center justify-between gap-2">
        <h2 className="text-[13px] font-medium text-slate-500">{name}</h2>
        <CopyButton text={value} label={`Copy ${name.toLowerCase()}`} tone="light" />
      </div>
      <code
        data-testid={testId}
        className={cn(
          "mt-2 block rounded-md bg-slate-50 px-2.5 py-2 font-mono text-[12px] break-all text-slate-900 ring-1",
          "ring-slate-200 ring-inset",
        )}
      >
        {value}
      </code>
      <p className="mt-1.5 text-[12.5px] text-slate-500">{note}</p>
    </>
  );
}
