"use client";

// What an admin can do to one channel from its row: send a test (the outcome shows beside it), switch it off or
// on, rotate a webhook's signing secret (shown once), delete it (after a second click).
import { useActionState, useState } from "react";
import { HiddenFields } from "@/components/forms/hidden-fields";
import { OneTimeSecret } from "@/components/forms/one-time-secret";
import { RowAction } from "@/components/forms/row-action";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ChannelListItem } from "@/lib/queries/alert-channels";
import { deleteChannelAction, rotateWebhookSecretAction, setChannelEnabledAction, testChannelAction } from "./actions";

export function ChannelActions({ appId, channel }: { appId: number; channel: ChannelListItem }) {
  const ids = { appId, channelId: channel.id };
  const [test, testAction] = useActionState(testChannelAction, {});
  const [rotated, rotateAction] = useActionState(rotateWebhookSecretAction, {});
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-1">
        {channel.enabled && (
          <form action={testAction}>
            <HiddenFields fields={ids} />
            <SubmitButton size="sm" variant="secondary" pendingText="Sending…">
              Send test
            </SubmitButton>
          </form>
        )}
        <RowAction
          action={setChannelEnabledAction}
          hidden={{ ...ids, enabled: String(!channel.enabled) }}
          label={channel.enabled ? "Switch off" : "Switch on"}
          pendingText="Saving…"
        />
        {channel.kind === "webhook" && (
          <form action={rotateAction}>
            <HiddenFields fields={ids} />
            <SubmitButton size="sm" variant="ghost" pendingText="Rotating…">
              Rotate secret
            </SubmitButton>
          </form>
        )}
        <DeleteButton appId={appId} channel={channel} />
      </div>
      {test.message && (
        <p
          role="status"
          data-testid="test-outcome"
          className={cn("text-[13px]", test.ok ? "text-emerald-700" : "text-red-700")}
        >
          {test.message}
        </p>
      )}
      {rotated.ok && rotated.values?.secret ? (
        <OneTimeSecret
          message={rotated.message ?? ""}
          value={rotated.values.secret}
          copyLabel="Copy secret"
          testId="webhook-secret"
        />
      ) : (
        rotated.message && <p className="text-[13px] text-red-700">{rotated.message}</p>
      )}
    </div>
  );
}

// Rules that name the channel stop sending to it, so deleting takes a second click.
function DeleteButton({ appId, channel }: { appId: number; channel: ChannelListItem }) {
  const [asking, setAsking] = useState(false);
  if (!asking)
    return (
      <Button variant="ghost" size="sm" onClick={() => setAsking(true)} aria-label={`Delete ${channel.name}`}>
        Delete
      </Button>
    );
  return (
    <span className="flex items-center gap-1">
      <Button variant="ghost" size="sm" onClick={() => setAsking(false)}>
        Cancel
      </Button>
      <RowAction
        action={deleteChannelAction}
        hidden={{ appId, channelId: channel.id }}
        label="Delete"
        pendingText="Deleting…"
        variant="danger"
      />
    </span>
  );
}
