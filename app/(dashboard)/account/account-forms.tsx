"use client";

import { useActionState, useState } from "react";
import { Card, CardBody, CardFooter, CardHeader } from "@/components/ui/card";
import { Field, FormMessage } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { changePasswordAction, deleteAccountAction, signOutEverywhereAction, updateNameAction } from "./actions";

export function NameForm({ name }: { name: string }) {
  const [state, action] = useActionState(updateNameAction, {});
  return (
    <Card>
      <form action={action} noValidate>
        <CardHeader title="Name" description="Shown to your teams instead of your email address." />
        <CardBody className="space-y-3">
          <Field
            name="name"
            label="Name"
            maxLength={64}
            autoComplete="name"
            defaultValue={state.values?.name ?? name}
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

export function DeleteAccountForm() {
  const [state, action] = useActionState(deleteAccountAction, {});
  const [typed, setTyped] = useState("");
  return (
    <Card tone="danger">
      <form action={action} noValidate>
        <CardHeader
          title={<span className="text-red-700">Delete account</span>}
          description="Removes you from every team. Teams where you are the only member and that have no apps are deleted with it."
        />
        <CardBody className="space-y-3">
          <Field
            name="currentPassword"
            type="password"
            label="Your password"
            autoComplete="current-password"
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
            errors={state.fieldErrors?.currentPassword}
          />
          <FormMessage message={state.message} />
        </CardBody>
        <CardFooter>
          <SubmitButton variant="danger" disabled={!typed} pendingText="Deleting…">
            Delete my account
          </SubmitButton>
        </CardFooter>
      </form>
    </Card>
  );
}
