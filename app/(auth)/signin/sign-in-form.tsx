"use client";

import { useActionState } from "react";
import { Field, FormMessage } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { signInAction } from "@/lib/auth/actions";

/** `email`: an address to start from (after a sign-up), so only the password is left to type. */
export function SignInForm({ callbackUrl, email }: { callbackUrl: string; email?: string }) {
  const [state, action] = useActionState(signInAction, {});
  return (
    <form action={action} noValidate className="space-y-4">
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <FormMessage message={state.message} />
      <Field
        name="email"
        type="email"
        label="Email"
        autoComplete="email"
        autoFocus={!email}
        required
        defaultValue={state.values?.email ?? email}
        errors={state.fieldErrors?.email}
      />
      <Field
        name="password"
        type="password"
        label="Password"
        autoComplete="current-password"
        autoFocus={Boolean(email)}
        required
        errors={state.fieldErrors?.password}
      />
      <SubmitButton size="lg" className="w-full" pendingText="Signing in…">
        Sign in
      </SubmitButton>
    </form>
  );
}
