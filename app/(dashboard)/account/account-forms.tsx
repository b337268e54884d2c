"use client";

import { useActionState } from "react";
import { Card, CardBody, CardFooter, CardHeader } from "@/components/ui/card";
import { Field, FormMessage } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { changePasswordAction, signOutEverywhereAction } from "./actions";

export function PasswordForm({ changed }: { changed: boolean }) {
  const [state, action] = useActionState(changePasswordAction, {});
  return (
    <Card>
      <form action={action} noValidate>
        <CardHeader title="Password" description="Changing it signs you out on every other device." />
        <CardBody className="space-y-3">
          <Field
            name="currentPassword"
            type="password"
            label="Current password"
            autoComplete="current-password"
            errors={state.fieldErrors?.currentPassword}
          />
          <Field
            name="newPassword"
            type="password"
            label="New password"
            autoComplete="new-password"
            hint="At least 8 characters."
            errors={state.fieldErrors?.newPassword}
          />
          <FormMessage message={state.message} />
          {changed && !state.fieldErrors && (
            <FormMessage tone="success" message="Password changed. Other sessions were signed out." />
          )}
        </CardBody>
        <CardFooter>
          <SubmitButton pendingText="Changing…">Change password</SubmitButton>
        </CardFooter>
      </form>
    </Card>
  );
}

export function SignOutEverywhereForm() {
  const [, action] = useActionState(signOutEverywhereAction, {});
  return (
    <Card>
      <form action={action}>
        <CardHeader
          title="Sessions"
          description="Signs you out on every browser and device, this one included, for example after losing a laptop."
        />
        <CardFooter>
          <SubmitButton variant="secondary" pendingText="Signing out…">
            Sign out everywhere
          </SubmitButton>
        </CardFooter>
      </form>
    </Card>
  );
}
