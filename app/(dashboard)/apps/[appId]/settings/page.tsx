import type { Metadata } from "next";
import { requireApp } from "@/lib/apps/access";
import { credentialState } from "@/lib/apps/rotate";
import { ensureWriteToken } from "@/lib/apps/write-token";
import { settings } from "@/lib/settings";
import { ApdexForm } from "./apdex-form";
import { CredentialsForm } from "./credentials-form";
import { DeleteAppForm } from "./delete-app-form";
import { EnvironmentsEditor } from "./environments-editor";
import { RenameForm } from "./rename-form";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage({ params }: { params: Promise<{ appId: string }> }) {
  const { app } = await requireApp(params, "configure");
  return (
    <div className="max-w-2xl space-y-6">
      <RenameForm appId={app.id} name={app.name} />
      <CredentialsForm
        appId={app.id}
        clientId={credentialState(app.clientId, app.previousClientId, app.previousClientIdUntil)}
        writeToken={credentialState(await ensureWriteToken(app), app.previousWriteToken, app.previousWriteTokenUntil)}
        graceHours={settings().TALLYHUB_ROTATION_GRACE_HOURS}
      />
      <ApdexForm appId={app.id} apdexTMs={app.apdexTMs} />
      <EnvironmentsEditor appId={app.id} environments={app.environments.map((e) => ({ id: e.id, name: e.name }))} />
      <DeleteAppForm appId={app.id} name={app.name} />
    </div>
  );
}
