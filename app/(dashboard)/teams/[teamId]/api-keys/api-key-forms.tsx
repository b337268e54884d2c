"use client";

import { useActionState } from "react";
import { OneTimeSecret } from "@/components/forms/one-time-secret";
import { Card, CardBody, CardFooter, CardHeader } from "@/components/ui/card";
import { Field, FormMessage } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { createApiKeyAction } from "../../actions";

export function CreateApiKeyForm({ teamId, apps }: { teamId: string; apps: { id: number; name: string }[] }) {
  const [state, action] = useActionState(createApiKeyAction, {});
  const key = state.ok ? state.values?.key : undefined;
  return (
    <Card>
      <form action={action} noValidate>
        <CardHeader
          title="Create an API key"
          description="For scripts and agents reading this team's data through the API. The key is shown once."
        />
        <CardBody className="space-y-4">
          <input type="hidden" name="teamId" value={teamId} />
          <Field
            name="name"
            label="Key name"
            maxLength={64}
            placeholder="e.g. Weekly report"
            errors={state.fieldErrors?.name}
          />
          {apps.length > 0 && (
            <fieldset>
              <legend className="text-sm font-medium text-slate-800">Apps it may read</legend>
              <p className="text-[13px] text-slate-500">None ticked: every app of the team, including future ones.</p>
              <AppChoices apps={apps} />
              <FormMessage message={state.fieldErrors?.appIds?.[0]} />
            </fieldset>
          )}
          <FormMessage message={state.ok ? undefined : state.message} />
          {key && (
            <OneTimeSecret
              message={`${state.message} Copy it now: it will not be shown again.`}
              value={key}
              copyLabel="Copy key"
              testId="api-key"
            />
          )}
        </CardBody>
        <CardFooter>
          <SubmitButton pendingText="Creating…">Create key</SubmitButton>
        </CardFooter>
      </form>
    </Card>
  );
}

/** Ticked apps travel as one comma-separated field, the schema's shape. */
function AppChoices({ apps }: { apps: { id: number; name: string }[] }) {
  return (
    <div className="mt-2 grid gap-1.5 sm:grid-cols-2">
      <input type="hidden" name="appIds" value="" id="api-key-app-ids" />
      {apps.map((a) => (
        <label key={a.id} className="flex items-center gap-2 text-sm text-slate-700">
          <input
            type="checkbox"
            value={a.id}
            className="size-4 rounded border-slate-300 text-indigo-600"
            onChange={(e) => {
              const box = e.currentTarget.form?.querySelectorAll<HTMLInputElement>('input[type="checkbox"]:checked');
              const hidden = e.currentTarget.form?.querySelector<HTMLInputElement>("#api-key-app-ids");
              if (hidden) hidden.value = [...(box ?? [])].map((b) => b.value).join(",");
            }}
          />
          {a.name}
        </label>
      ))}
    </div>
  );
}
