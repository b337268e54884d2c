import type { Metadata } from "next";
import { CapUsageCard } from "@/components/apps/cap-usage-card";
import { DeleteCard } from "@/components/forms/delete-card";
import { NameCard } from "@/components/forms/name-card";
import { requireApp } from "@/lib/apps/access";
import { credentialState } from "@/lib/apps/rotate";
import { ensureWriteToken } from "@/lib/apps/write-token";
import { getCapUsage } from "@/lib/queries/cap-usage";
import { settings } from "@/lib/settings";
import { pastCapHint } from "@/lib/store/caps";
import { deleteAppAction, renameAppAction } from "../../actions";
import { ApdexForm } from "./apdex-form";
import { CapOverridesForm } from "./cap-overrides-form";
import { CredentialsForm } from "./credentials-form";
import { EnvironmentsEditor } from "./environments-editor";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage({ params }: { params: Promise<{ appId: string }> }) {
  const { user, app } = await requireApp(params, "configure");
  const usage = await getCapUsage(app.id);
  return (
    <div className="max-w-2xl space-y-6">
      <NameCard
        action={renameAppAction}
        hidden={{ appId: app.id }}
        title="App name"
        description="Shown in the apps list and at the top of every page of this app."
        value={app.name}
      />
      <CredentialsForm
        appId={app.id}
        clientId={credentialState(app.clientId, app.previousClientId, app.previousClientIdUntil)}
        writeToken={credentialState(await ensureWriteToken(app), app.previousWriteToken, app.previousWriteTokenUntil)}
        graceHours={settings().TALLYHUB_ROTATION_GRACE_HOURS}
      />
      <ApdexForm appId={app.id} apdexTMs={app.apdexTMs} />
      <EnvironmentsEditor
        appId={app.id}
        environments={app.environments.map((e) => ({ id: e.id, name: e.name }))}
        otherHint={pastCapHint("environments", usage.find((u) => u.kind === "environments")?.cap)}
      />
      {/* The caps guard the whole server: only the instance admin changes them, the app's team sees them. */}
      <CapUsageCard usage={usage}>{user.isAdmin && <CapOverridesForm appId={app.id} usage={usage} />}</CapUsageCard>
      <DeleteCard
        action={deleteAppAction}
        hidden={{ appId: app.id }}
        title="Delete app"
        description="Deletes the app, its client ID and all data received for it. Clients still using the ID get a 404 and switch themselves off. This cannot be undone."
        button="Delete this app"
        confirmName={app.name}
      />
    </div>
  );
}
