"use client";

// A small button on a row of a list (revoke an invitation or a key) posting the row's ids; a refusal shows under it.
import { useActionState } from "react";
import type { ButtonStyle } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { HiddenFields } from "./hidden-fields";
import type { HiddenFields as Fields, FormAction } from "./types";

export function RowAction({
  action,
  hidden,
  label,
  pendingText,
  variant = "ghost",
}: {
  action: FormAction;
  hidden: Fields;
  label: string;
  pendingText: string;
  variant?: ButtonStyle["variant"];
}) {
  const [state, formAction] = useActionState(action, {});
  return (
    <form action={formAction}>
      <HiddenFields fields={hidden} />
      <SubmitButton size="sm" variant={variant} pendingText={pendingText}>
        {label}
      </SubmitButton>
      <FormMessage message={state.ok ? undefined : state.message} />
    </form>
  );
}
