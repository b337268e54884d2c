"use client";

import { useActionState } from "react";
import { Card, CardBody, CardFooter, CardHeader } from "@/components/ui/card";
import { Field, FormMessage } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { renameAppAction } from "../../actions";

export function RenameForm({ appId, name }: { appId: number; name: string }) {
  const [state, action] = useActionState(renameAppAction, {});
  return (
    <Card>
      <form action={action} noValidate>
        <CardHeader title="App name" description="Shown in the apps list and at the top of every page of this app." />
        <CardBody className="space-y-3">
          <input type="hidden" name="appId" value={appId} />
          <Field
            name="name"
            label="Name"
            maxLength={64}
            required
            defaultValue={state.values?.name ?? name}
            errors={state.fieldErrors?.name}
          />
          <FormMessage message={state.ok ? state.message : undefined} tone="success" />
        </CardBody>
        <CardFooter>
          <SubmitButton pendingText="Saving…">Save</SubmitButton>
        </CardFooter>
      </form>
    </Card>
  );
}
