"use client";

import { useActionState } from "react";
import { Card, CardBody, CardFooter } from "@/components/ui/card";
import { Field, FormMessage } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { createTeamAction } from "../actions";

export function NewTeamForm() {
  const [state, action] = useActionState(createTeamAction, {});
  return (
    <Card>
      <form action={action} noValidate>
        <CardBody className="space-y-3">
          <Field
            name="name"
            label="Team name"
            maxLength={64}
            required
            defaultValue={state.values?.name}
            errors={state.fieldErrors?.name}
          />
          <FormMessage message={state.message} />
        </CardBody>
        <CardFooter>
          <SubmitButton pendingText="Creating…">Create team</SubmitButton>
        </CardFooter>
      </form>
    </Card>
  );
}
