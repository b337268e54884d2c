import type { Metadata } from "next";
import { headers } from "next/headers";
import { requireApp } from "@/lib/apps/access";
import { frameworkLabel } from "@/lib/apps/frameworks";
import { hubBaseUrl } from "@/lib/apps/hub-url";
import { getSetupStatus } from "@/lib/apps/instances";
import { setupGuide } from "@/lib/apps/snippets";
import { AppStatusPanel } from "@/components/apps/app-status-panel";
import { SetupSteps } from "@/components/apps/setup-steps";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";

export const metadata: Metadata = { title: "Setup" };

// Apitally's clients default to "dev", and that is where people try things first.
function defaultEnv(names: string[]): string {
  return names.includes("dev") ? "dev" : names[0];
}

export default async function SetupPage({ params }: { params: Promise<{ appId: string }> }) {
  const { app } = await requireApp(params);
  const hubUrl = hubBaseUrl(await headers());
  const envNames = app.environments.map((e) => e.name);
  const guides = Object.fromEntries(envNames.map((env) => [env, setupGuide(app.framework, { clientId: app.clientId, env, hubUrl })]));
  const status = await getSetupStatus(app.id);

  return (
    <div className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_344px]">
      <aside className="space-y-4 lg:col-start-2 lg:row-start-1">
        <AppStatusPanel appId={app.id} initial={status} />
        <Card className="px-5 py-4">
          <div className="flex items-center justify-between gap-2">
            <h2 className="text-[13px] font-medium text-slate-500">Client ID</h2>
            <CopyButton text={app.clientId} label="Copy client ID" tone="light" />
          </div>
          <code
            data-testid="client-id"
            className="mt-2 block rounded-md bg-slate-50 px-2.5 py-2 font-mono text-[12px] break-all text-slate-900 ring-1 ring-slate-200 ring-inset"
          >
            {app.clientId}
          </code>
          <p className="mt-2 text-[12.5px] text-slate-500">Identifies this app to Tallyhub. It can send data, never read it.</p>
          <h2 className="mt-4 text-[13px] font-medium text-slate-500">Environments</h2>
          <div className="mt-1.5 flex flex-wrap gap-1.5">
            {envNames.map((name) => (
              <Badge key={name} mono>
                {name}
              </Badge>
            ))}
          </div>
          <h2 className="mt-4 text-[13px] font-medium text-slate-500">Hub URL</h2>
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
