"use client";

// The card that edits one name (an app's, a team's, a person's): one field, saved with a message.
import { useActionState } from "react";
import { Card, CardBody, CardFooter, CardHeader } from "@/components/ui/card";
import { Field, FormMessage } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { HiddenFields } from "./hidden-fields";
import type { HiddenFields as Fields, FormAction } from "./types";

export function NameCard({
  action,
  hidden = {},
  title,
  description,
  value,
  autoComplete,
}: {
  action: FormAction;
  hidden?: Fields;
  title: string;
  description: string;
  value: string;
  autoComplete?: string;
}) {
  const [state, formAction] = useActionState(action, {});
  return (
    <Card>
      <form action={formAction} noValidate>
        <CardHeader title={title} description={description} />
        <CardBody className="space-y-3">
          <HiddenFields fields={hidden} />
          <Field
            name="name"
            label="Name"
            maxLength={64}
            autoComplete={autoComplete}
            defaultValue={state.values?.name ?? value}
            errors={state.fieldErrors?.name}
          />
          <FormMessage message={state.message} tone={state.ok ? "success" : "error"} />
        </CardBody>
        <CardFooter>
          <SubmitButton pendingText="Saving…">Save</SubmitButton>
        </CardFooter>
      </form>
    </Card>
  );
}
