"use client";

import { useActionState } from "react";
import { Field, FormMessage } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { signUpAction } from "@/lib/auth/actions";
import { SignInForm } from "../signin/sign-in-form";

/**
 * With an invitation, the address is the invited one and cannot be changed here. An open sign-up ends in the sign-in
 * form, whether the address was new or already had an account: the page looks the same either way.
 */
export function SignUpForm({ invite }: { invite?: { token: string; email: string } }) {
  const [state, action] = useActionState(signUpAction, {});
  if (state.ok)
    return (
      <div className="space-y-4">
        <FormMessage tone="success" message={state.message} />
        <SignInForm callbackUrl="/apps" email={state.values?.email} />
      </div>
    );
  return (
    <form action={action} noValidate className="space-y-4">
      <FormMessage message={state.message} />
      {invite && <input type="hidden" name="invite" value={invite.token} />}
      <Field
        name="name"
        label="Name"
        autoComplete="name"
        placeholder="Optional"
        defaultValue={state.values?.name}
        errors={state.fieldErrors?.name}
      />
      <Field
        name="email"
        type="email"
        label="Email"
        autoComplete="email"
        required
        readOnly={Boolean(invite)}
        defaultValue={invite?.email ?? state.values?.email}
        errors={state.fieldErrors?.email}
      />
      <Field
        name="password"
        type="password"
        label="Password"
        autoComplete="new-password"
        required
        minLength={8}
        hint="At least 8 characters."
        errors={state.fieldErrors?.password}
      />
      <SubmitButton size="lg" className="w-full" pendingText="Creating account…">
        Create account
      </SubmitButton>
    </form>
  );
}
