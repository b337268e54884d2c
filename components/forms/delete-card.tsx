"use client";

// The red card that deletes something for good: the button wakes up once the person typed the thing's name (or,
// for an account, their password).
import { useActionState, useState } from "react";
import { Card, CardBody, CardFooter, CardHeader } from "@/components/ui/card";
import { Field, FormMessage } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { HiddenFields } from "./hidden-fields";
import type { HiddenFields as Fields, FormAction } from "./types";

export function DeleteCard({
  action,
  hidden = {},
  title,
  description,
  button,
  confirmName,
}: {
  action: FormAction;
  hidden?: Fields;
  title: string;
  description: string;
  button: string;
  /** Type this to confirm; without it, the current password confirms (field currentPassword). */
  confirmName?: string;
}) {
  const [state, formAction] = useActionState(action, {});
  const [typed, setTyped] = useState("");
  const field = confirmName === undefined ? "currentPassword" : "confirmation";
  return (
    <Card tone="danger">
      <form action={formAction} noValidate>
        <CardHeader title={<span className="text-red-700">{title}</span>} description={description} />
        <CardBody className="space-y-3">
          <HiddenFields fields={hidden} />
          <Field
            name={field}
            type={confirmName === undefined ? "password" : "text"}
            label={
              confirmName === undefined ? (
                "Your password"
              ) : (
                <>
                  Type <strong className="font-semibold text-slate-900">{confirmName}</strong> to confirm
                </>
              )
            }
            autoComplete={confirmName === undefined ? "current-password" : "off"}
            spellCheck={false}
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
            errors={state.fieldErrors?.[field]}
          />
          <FormMessage message={state.message} />
        </CardBody>
        <CardFooter>
          <SubmitButton
            variant="danger"
            disabled={confirmName === undefined ? !typed : typed.trim() !== confirmName}
            pendingText="Deleting…"
          >
            {button}
          </SubmitButton>
        </CardFooter>
      </form>
    </Card>
  );
}
