"use client";

import { useActionState } from "react";
import { Card, CardBody, CardFooter, CardHeader } from "@/components/ui/card";
import { CheckboxField } from "@/components/ui/checkbox";
import { Field, FormMessage } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { HEARTBEAT_LIMITS } from "@/lib/validations/uptime";
import { setHeartbeatAction } from "./actions";

export function HeartbeatForm({
  appId,
  env,
}: {
  appId: number;
  env: { id: number; name: string; heartbeatEnabled: boolean; heartbeatSeconds: number };
}) {
  const [state, action] = useActionState(setHeartbeatAction, {});
  const enabled = state.values ? state.values.heartbeatEnabled === "on" : env.heartbeatEnabled;
  return (
    <Card>
      <form action={action} noValidate>
        <CardHeader
          title="Heartbeat"
          description={`Clients sync every 10 s in their first hour, then every minute. ${env.name} is down when no instance has synced for longer than this.`}
        />
        <CardBody className="space-y-4">
          <input type="hidden" name="appId" value={appId} />
          <input type="hidden" name="envId" value={env.id} />
          <CheckboxField
            name="heartbeatEnabled"
            defaultChecked={enabled}
            label="Monitor the heartbeat"
            hint="Turn it off for environments that are not always running, such as a developer's laptop."
          />
          <Field
            name="heartbeatSeconds"
            label="Down after (seconds without data)"
            inputMode="numeric"
            className="max-w-72"
            defaultValue={state.values?.heartbeatSeconds ?? env.heartbeatSeconds}
            hint={`${HEARTBEAT_LIMITS.min}–${HEARTBEAT_LIMITS.max} s; 180 s is three missed syncs.`}
            errors={state.fieldErrors?.heartbeatSeconds}
          />
          <FormMessage message={state.message} tone={state.ok ? "success" : "error"} />
        </CardBody>
        <CardFooter>
          <SubmitButton pendingText="Saving…">Save heartbeat</SubmitButton>
        </CardFooter>
      </form>
    </Card>
  );
}
