"use client";

// Sets (or clears) this endpoint's own Apdex threshold; the view reloads its numbers after.
import { useQueryClient } from "@tanstack/react-query";
import { useActionState, useEffect } from "react";
import { setEndpointApdexAction } from "@/app/(dashboard)/apps/[appId]/endpoints/[endpointId]/actions";
import { ApdexField } from "@/components/ui/apdex-field";
import { FormMessage } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";

export function EndpointApdexForm({
  appId,
  endpointId,
  ownTMs,
  appTMs,
}: {
  appId: number;
  endpointId: number;
  ownTMs: number | null;
  appTMs: number;
}) {
  const [state, action] = useActionState(setEndpointApdexAction, {});
  const queryClient = useQueryClient();
  useEffect(() => {
    if (state.ok) void queryClient.invalidateQueries();
  }, [state, queryClient]);
  return (
    <form action={action} noValidate className="flex flex-wrap items-end gap-3 px-4 py-4 sm:px-5">
      <input type="hidden" name="appId" value={appId} />
      <input type="hidden" name="endpointId" value={endpointId} />
      <ApdexField
        label="Apdex T for this endpoint (ms)"
        placeholder={`App default: ${appTMs}`}
        hint="Leave empty to use the app's threshold."
        className="w-64"
        defaultValue={state.values?.apdexTMs ?? ownTMs ?? ""}
        errors={state.fieldErrors?.apdexTMs}
      />
      <SubmitButton pendingText="Saving…">Save threshold</SubmitButton>
      <div className="basis-full">
        <FormMessage message={state.ok ? state.message : undefined} tone="success" />
      </div>
    </form>
  );
}
