"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { acceptInvitationAction } from "./actions";

export function AcceptInvitationForm({ token, teamName }: { token: string; teamName: string }) {
  const [state, action] = useActionState(acceptInvitationAction, {});
  return (
    <form action={action} className="space-y-4">
      <FormMessage message={state.message} />
      <input type="hidden" name="token" value={token} />
      <SubmitButton size="lg" className="w-full" pendingText="Joining…">
        Join {teamName}
      </SubmitButton>
    </form>
  );
}
