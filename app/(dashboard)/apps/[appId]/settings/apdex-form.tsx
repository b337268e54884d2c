"use client";

import { useActionState } from "react";
import { ApdexField } from "@/components/ui/apdex-field";
import { Card, CardBody, CardFooter, CardHeader } from "@/components/ui/card";
import { FormMessage } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
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
          <ApdexField
            label="T (milliseconds)"
            className="max-w-48"
            defaultValue={state.values?.apdexTMs ?? apdexTMs}
            errors={state.fieldErrors?.apdexTMs}
          />
          <FormMessage message={state.ok ? state.message : undefined} tone="success" />
        </CardBody>
        <CardFooter>
          <SubmitButton pendingText="Saving…">Save threshold</SubmitButton>
        </CardFooter>
      </form>
    </Card>
  );
}
