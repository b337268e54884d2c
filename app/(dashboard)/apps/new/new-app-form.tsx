"use client";

import Link from "next/link";
import { useActionState } from "react";
import { EnvironmentsInput } from "@/components/apps/environments-input";
import { FrameworkPicker } from "@/components/apps/framework-picker";
import { buttonClass } from "@/components/ui/button";
import { Card, CardBody, CardFooter } from "@/components/ui/card";
import { Field, FieldError, FormMessage, Label } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { splitEnvironments } from "@/lib/validations/app";
import { createAppAction } from "../actions";

const DEFAULT_ENVIRONMENTS = ["prod", "dev"];

export function NewAppForm({ teamId }: { teamId: string }) {
  const [state, action] = useActionState(createAppAction, {});
  const errors = state.fieldErrors ?? {};
  return (
    <form action={action} noValidate>
      <input type="hidden" name="teamId" value={teamId} />
      <Card>
        <CardBody className="space-y-7 py-6">
          <FormMessage message={state.message} />
          <Field
            name="name"
            label="App name"
            placeholder="e.g. Payments API"
            maxLength={64}
            autoFocus
            required
            defaultValue={state.values?.name}
            errors={errors.name}
          />
          <div>
            <p className="text-sm font-medium text-slate-800" id="framework-label">
              Framework
            </p>
            <p className="mt-0.5 mb-3 text-[13px] text-slate-500">
              Picks the setup snippet; the same client works for any app in that language.
            </p>
            <div role="radiogroup" aria-labelledby="framework-label">
              <FrameworkPicker
                name="framework"
                defaultValue={state.values?.framework || "fastapi"}
                describedBy={errors.framework ? "framework-error" : undefined}
              />
            </div>
            <FieldError id="framework-error" errors={errors.framework} />
          </div>
          <div>
            <Label htmlFor="environments">Environments</Label>
            <p id="environments-hint" className="mt-0.5 mb-2 text-[13px] text-slate-500">
              The <code className="font-mono text-[12px]">env</code> your app reports. Letters, digits,{" "}
              <code className="font-mono">-</code> and <code className="font-mono">_</code>, up to 32 characters;
              lower-case names like <code className="font-mono">prod</code> or{" "}
              <code className="font-mono">staging</code> work with every client.
            </p>
            <EnvironmentsInput
              id="environments"
              name="environments"
              defaultValue={
                state.values?.environments !== undefined
                  ? splitEnvironments(state.values.environments)
                  : DEFAULT_ENVIRONMENTS
              }
              invalid={!!errors.environments}
              describedBy={errors.environments ? "environments-hint environments-error" : "environments-hint"}
            />
            <FieldError id="environments-error" errors={errors.environments} />
          </div>
        </CardBody>
        <CardFooter>
          <Link href="/apps" className={buttonClass({ variant: "ghost" })}>
            Cancel
          </Link>
          <SubmitButton pendingText="Creating…">Create app</SubmitButton>
        </CardFooter>
      </Card>
    </form>
  );
}
