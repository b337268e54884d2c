"use client";

import { useActionState } from "react";
import { Card, CardBody, CardFooter, CardHeader } from "@/components/ui/card";
import { Field, FormMessage } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { APDEX_T_LIMITS } from "@/lib/validations/apdex";
import { setAppApdexAction } from "./actions";

export function ApdexForm({ appId, apdexTMs }: { appId: number; apdexTMs: number }) {
  const [state, action] = useActionState(setAppApdexAction, {});
  return (
    <Card>
      <form action={action} noValidate>
        <CardHeader
          title="Apdex threshold"
          description="Requests answered within T count as satisfied, within 4 × T as tolerating. Endpoints can override it on their own page."
        />
        <CardBody className="space-y-3">
          <input type="hidden" name="appId" value={appId} />
          <Field
            name="apdexTMs"
            label="T (milliseconds)"
            type="number"
            inputMode="numeric"
            min={APDEX_T_LIMITS.min}
            max={APDEX_T_LIMITS.max}
            step={10}
            className="max-w-48"
            defaultValue={state.values?.apdexTMs ?? apdexTMs}
            errors={state.fieldErrors?.apdexTMs}
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
