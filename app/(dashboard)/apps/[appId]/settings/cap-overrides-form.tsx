"use client";

import { useActionState } from "react";
import { CardBody, CardFooter } from "@/components/ui/card";
import { Field, FormMessage } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { formatCount } from "@/lib/format";
import type { CapUsage } from "@/lib/queries/cap-usage";
import { setCapOverridesAction } from "./actions";

/** The instance admin's caps for this app, one field per kind; a blank field gives the kind the server's cap. */
export function CapOverridesForm({ appId, usage }: { appId: number; usage: CapUsage[] }) {
  const [state, action] = useActionState(setCapOverridesAction, {});
  return (
    <form action={action} noValidate className="border-t border-slate-100" aria-label="This app's limits">
      <CardBody className="space-y-3">
        <input type="hidden" name="appId" value={appId} />
        <p className="text-sm text-slate-600">
          As the instance admin you can give this app limits of its own. Leave a field blank for the server&rsquo;s.
        </p>
        <div className="grid gap-3 sm:grid-cols-2">
          {usage.map((u) => (
            <Field
              key={u.kind}
              name={u.kind}
              label={<span className="first-letter:uppercase">{u.label}</span>}
              inputMode="numeric"
              placeholder={formatCount(u.serverCap)}
              defaultValue={state.values?.[u.kind] ?? (u.overridden ? String(u.cap) : "")}
              errors={state.fieldErrors?.[u.kind]}
            />
          ))}
        </div>
        <FormMessage message={state.ok ? state.message : undefined} tone="success" />
        <FormMessage message={state.ok ? undefined : state.message} />
      </CardBody>
      <CardFooter>
        <SubmitButton pendingText="Saving…">Save limits</SubmitButton>
      </CardFooter>
    </form>
  );
}
