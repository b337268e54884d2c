"use client";

import { useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PlusIcon } from "@/components/ui/icons";
import { FieldError, FormMessage, Input } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { isOtherRow } from "@/lib/model/other-row";
import { editEnvironmentsAction } from "../../actions";

type Env = { id: number; name: string };

/** `otherHint`: what the environment "(other)" holds, said in place of a Remove button it could not honour. */
export function EnvironmentsEditor({
  appId,
  environments,
  otherHint,
}: {
  appId: number;
  environments: Env[];
  otherHint: string;
}) {
  const [state, action] = useActionState(editEnvironmentsAction, {});
  const removable = environments.filter((env) => !isOtherRow(env)).length > 1;

  return (
    <Card>
      <CardHeader
        title="Environments"
        description="The env names your app's clients report. A client that sends an environment that isn't listed adds it automatically."
      />
      <CardBody className="space-y-4">
        <FormMessage message={state.fieldErrors?.environment?.[0]} />
        <FormMessage message={state.ok ? state.message : undefined} tone="success" />
        <ul className="divide-y divide-slate-100 rounded-lg ring-1 ring-slate-200">
          {environments.map((env) => (
            <li key={env.id} className="flex items-center justify-between gap-3 px-3 py-2">
              <span className="font-mono text-[13px] text-slate-900">{env.name}</span>
              {isOtherRow(env) ? (
                <span className="py-1.5 text-right text-[13px] text-slate-500">{otherHint}</span>
              ) : (
                removable && <RemoveButton appId={appId} env={env} action={action} />
              )}
            </li>
          ))}
        </ul>
        <form action={action} noValidate>
          <input type="hidden" name="appId" value={appId} />
          <input type="hidden" name="intent" value="add" />
          <label htmlFor="new-environment" className="text-sm font-medium text-slate-800">
            Add an environment
          </label>
          <div className="mt-1.5 flex gap-2">
            <Input
              id="new-environment"
              name="name"
              placeholder="e.g. staging"
              maxLength={32}
              className="font-mono"
              defaultValue={state.values?.name}
              aria-invalid={state.fieldErrors?.name ? true : undefined}
              aria-describedby="new-environment-hint new-environment-error"
            />
            <SubmitButton variant="secondary" pendingText="Adding…">
              <PlusIcon /> Add
            </SubmitButton>
          </div>
          <p id="new-environment-hint" className="mt-1.5 text-[13px] text-slate-500">
            Letters, digits, - and _, up to 32 characters. Lower-case is advised.
          </p>
          <FieldError id="new-environment-error" errors={state.fieldErrors?.name} />
        </form>
      </CardBody>
    </Card>
  );
}

// Removing takes two clicks: the first asks, the second submits.
function RemoveButton({ appId, env, action }: { appId: number; env: Env; action: (form: FormData) => void }) {
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <Button variant="ghost" size="sm" onClick={() => setAsking(true)} aria-label={`Remove ${env.name}`}>
        Remove
      </Button>
    );
  }
  return (
    <form action={action} className="flex items-center gap-1.5">
      <input type="hidden" name="appId" value={appId} />
      <input type="hidden" name="envId" value={env.id} />
      <input type="hidden" name="intent" value="remove" />
      <span className="hidden text-[13px] text-slate-500 sm:inline">Remove {env.name}?</span>
      <Button variant="ghost" size="sm" onClick={() => setAsking(false)}>
        Cancel
      </Button>
      <SubmitButton variant="danger" size="sm" pendingText="Removing…">
        Remove
      </SubmitButton>
    </form>
  );
}
