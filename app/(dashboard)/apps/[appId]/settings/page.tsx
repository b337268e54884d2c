import type { Metadata } from "next";
import { requireApp } from "@/lib/apps/access";
import { previousCredential } from "@/lib/apps/rotate";
import { ensureWriteToken } from "@/lib/apps/write-token";
import { settings } from "@/lib/settings";
import { ApdexForm } from "./apdex-form";
import { CredentialsForm, type CredentialState } from "./credentials-form";
import { DeleteAppForm } from "./delete-app-form";
import { EnvironmentsEditor } from "./environments-editor";
import { RenameForm } from "./rename-form";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage({ params }: { params: Promise<{ appId: string }> }) {
  const { app } = await requireApp(params, "configure");
  const nowS = Math.floor(Date.now() / 1000);
  const credential = (value: string, previous: string | null, until: number | null): CredentialState => {
    const p = previousCredential(previous, until, nowS);
    return { value, previous: p && { value: p.value, timeLeft: timeLeft(p.until - nowS) } };
  };
  return (
    <div className="max-w-2xl space-y-6">
      <RenameForm appId={app.id} name={app.name} />
      <CredentialsForm
        appId={app.id}
        clientId={credential(app.clientId, app.previousClientId, app.previousClientIdUntil)}
        writeToken={credential(await ensureWriteToken(app), app.previousWriteToken, app.previousWriteTokenUntil)}
        graceHours={settings().TALLYHUB_ROTATION_GRACE_HOURS}
      />
      <ApdexForm appId={app.id} apdexTMs={app.apdexTMs} />
      <EnvironmentsEditor appId={app.id} environments={app.environments.map((e) => ({ id: e.id, name: e.name }))} />
      <DeleteAppForm appId={app.id} name={app.name} />
    </div>
  );
}

function timeLeft(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.max(1, Math.ceil((seconds % 3600) / 60));
  return h > 0 ? `${h} h ${m} min` : `${m} min`;
}
