"use client";

import { useActionState, useState } from "react";
import { ChannelKindMark } from "@/components/alerts/channel-kind-mark";
import { OneTimeSecret } from "@/components/forms/one-time-secret";
import { Card, CardBody, CardFooter, CardHeader } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { Field, FormMessage } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { CHANNEL_KINDS, CHANNEL_LABELS, type ChannelKind } from "@/lib/alerts/channels/types";
import { createChannelAction } from "./actions";

const URL_HINTS: Record<Exclude<ChannelKind, "email">, { placeholder: string; hint: string }> = {
  slack: {
    placeholder: "https://hooks.slack.com/services/…",
    hint: "A Slack app's incoming webhook (Mattermost's incoming webhooks work too).",
  },
  teams: {
    placeholder: "https://….logic.azure.com/workflows/…",
    hint: 'In Teams: Workflows → "Post to a channel when a webhook request is received", then copy its URL.',
  },
  webhook: {
    placeholder: "https://example.com/hooks/tallyhub",
    hint: "Receives a signed JSON POST; Tallyhub makes the signing secret and shows it once.",
  },
};

export function AddChannelForm({ appId, mailConfigured }: { appId: number; mailConfigured: boolean }) {
  const [state, action] = useActionState(createChannelAction, {});
  const [kind, setKind] = useState<ChannelKind>("slack");
  const secret = state.ok ? state.values?.secret : undefined;
  return (
    <Card>
      <form action={action} noValidate>
        <CardHeader
          title="Add a channel"
          description="Where this app's alerts are sent. Rules choose their channels."
        />
        <CardBody className="space-y-4">
          <input type="hidden" name="appId" value={appId} />
          <fieldset>
            <legend className="text-sm font-medium text-slate-800">Kind</legend>
            <div className="mt-1.5 grid grid-cols-2 gap-2">
              {CHANNEL_KINDS.map((k) => (
                <label
                  key={k}
                  className={cn(
                    "flex cursor-pointer items-center gap-2 rounded-lg px-2.5 py-2 text-sm ring-1 ring-inset",
                    "has-focus-visible:outline-2 has-focus-visible:outline-indigo-600",
                    k === kind
                      ? "bg-indigo-50 font-medium text-indigo-800 ring-indigo-300"
                      : "text-slate-700 ring-slate-200",
                  )}
                >
                  <input
                    type="radio"
                    name="kind"
                    value={k}
                    checked={k === kind}
                    onChange={() => setKind(k)}
                    className="sr-only"
                  />
                  <ChannelKindMark kind={k} />
                  {CHANNEL_LABELS[k]}
                </label>
              ))}
            </div>
            <FormMessage message={state.fieldErrors?.kind?.[0]} />
          </fieldset>
          <Field
            name="name"
            label="Name"
            maxLength={80}
            placeholder={kind === "email" ? "e.g. On-call team" : "e.g. #ops-alerts"}
            defaultValue={state.values?.name}
            errors={state.fieldErrors?.name}
          />
          {kind === "email" ? (
            <>
              <Field
                name="recipients"
                label="Recipients"
                placeholder="ops@example.com, lead@example.com"
                defaultValue={state.values?.recipients}
                hint="Up to 20 addresses, separated by commas."
                errors={state.fieldErrors?.recipients}
              />
              {!mailConfigured && (
                <p className="rounded-lg bg-amber-50 px-3 py-2 text-[13px] text-amber-800 ring-1 ring-amber-200 ring-inset">
                  No mail server is configured: set <code className="font-mono">SMTP_URL</code> on the server. Until
                  then email deliveries fail and are logged as such.
                </p>
              )}
            </>
          ) : (
            <Field
              name="url"
              label="Webhook URL"
              type="url"
              inputMode="url"
              spellCheck={false}
              autoComplete="off"
              placeholder={URL_HINTS[kind].placeholder}
              defaultValue={state.values?.url}
              hint={URL_HINTS[kind].hint}
              errors={state.fieldErrors?.url}
            />
          )}
          <FormMessage message={state.ok ? undefined : state.message} />
          {state.ok && !secret && <FormMessage message={state.message} tone="success" />}
          {secret && (
            <OneTimeSecret
              message={state.message ?? ""}
              value={secret}
              copyLabel="Copy secret"
              testId="webhook-secret"
            />
          )}
        </CardBody>
        <CardFooter>
          <SubmitButton pendingText="Adding…">Add channel</SubmitButton>
        </CardFooter>
      </form>
    </Card>
  );
}
