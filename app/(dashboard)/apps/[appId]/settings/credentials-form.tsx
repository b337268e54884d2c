"use client";

import { useActionState } from "react";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";
import { FormMessage } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import type { CredentialState } from "@/lib/apps/rotate";
import { rotateCredentialAction } from "./actions";

/** The app's two credentials, each with a rotate button; a rotation keeps the old one working for a while. */
export function CredentialsForm({
  appId,
  clientId,
  writeToken,
  graceHours,
}: {
  appId: number;
  clientId: CredentialState;
  writeToken: CredentialState;
  graceHours: number;
}) {
  const [state, action] = useActionState(rotateCredentialAction, {});
  const rows = [
    { key: "clientId", label: "Client ID", note: "Apitally's hub clients (JavaScript, Python 0.x)", c: clientId },
    { key: "writeToken", label: "Write token", note: "OpenTelemetry exports (apitally 1.x)", c: writeToken },
  ] as const;
  return (
    <Card>
      <CardHeader
        title="Credentials"
        description={`Rotate one if it leaked. The new one works at once; the previous one keeps working for ${graceHours} h so you can redeploy without losing data, then it is refused.`}
      />
      <CardBody className="space-y-5">
        {rows.map(({ key, label, note, c }) => (
          <form key={key} action={action} className="space-y-2">
            <input type="hidden" name="appId" value={appId} />
            <input type="hidden" name="credential" value={key} />
            <div className="flex flex-wrap items-end justify-between gap-2">
              <div className="min-w-0">
                <p className="text-sm font-medium text-slate-900">{label}</p>
                <p className="text-[12.5px] text-slate-500">{note}</p>
              </div>
              <SubmitButton size="sm" variant="secondary" pendingText="Rotating…">
                Rotate
              </SubmitButton>
            </div>
            <div className="flex items-center gap-2">
              <code
                className="min-w-0 flex-1 truncate rounded-md bg-slate-50 px-2 py-1.5 font-mono text-[13px] text-slate-900 ring-1 ring-slate-200"
                data-testid={`credential-${key}`}
              >
                {c.value}
              </code>
              <CopyButton text={c.value} label={`Copy ${label.toLowerCase()}`} tone="light" />
            </div>
            {c.previous && (
              <p className="text-[12.5px] text-amber-800" data-testid={`previous-${key}`}>
                Previous <span className="font-mono">{c.previous.value.slice(0, 12)}…</span> still accepted for{" "}
                {c.previous.timeLeft}.
              </p>
            )}
          </form>
        ))}
        <FormMessage message={state.message} tone={state.ok ? "success" : "error"} />
      </CardBody>
    </Card>
  );
}
