"use client";

// Rename a consumer, put it in a group (existing or new) or hide it, via the Consumers
// page's server actions. What is set here sticks: later client syncs do not overwrite it.
import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState, useTransition } from "react";
import {
  renameConsumerAction,
  setConsumerGroupAction,
  setConsumerHiddenAction,
} from "@/app/(dashboard)/apps/[appId]/consumers/actions";
import { viewQueryKey } from "@/components/hooks/use-view";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Field, FormMessage } from "@/components/ui/input";
import type { ConsumerRow } from "@/lib/queries/consumers-table";
import type { FieldErrors } from "@/lib/validations/result";

export function ConsumerEditor({
  appId,
  consumer,
  groups,
  onClose,
}: {
  appId: number;
  consumer: ConsumerRow;
  groups: string[];
  onClose: () => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const headingId = useId();
  const queryClient = useQueryClient();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string>();

  useEffect(() => {
    dialog.current?.showModal();
  }, []);

  const done = async () => {
    await queryClient.invalidateQueries({ queryKey: viewQueryKey(appId) });
    router.refresh();
    onClose();
  };

  const save = (form: FormData) =>
    startTransition(async () => {
      const name = String(form.get("name") ?? "");
      const group = String(form.get("group") ?? "");
      setErrors({});
      setMessage(undefined);
      // Only what changed is sent, so an untouched name stays the client's to update.
      if (name.trim() !== (consumer.name ?? "")) {
        const r = await renameConsumerAction(appId, { consumerId: consumer.id, name });
        if (!r.ok) return void (setErrors(r.fieldErrors), setMessage(r.message));
      }
      if (group.trim() !== (consumer.groupName ?? "")) {
        const r = await setConsumerGroupAction(appId, { consumerId: consumer.id, group });
        if (!r.ok) return void (setErrors({ group: r.fieldErrors.group }), setMessage(r.message));
      }
      await done();
    });

  const hide = () =>
    startTransition(async () => {
      const r = await setConsumerHiddenAction(appId, { consumerId: consumer.id, hidden: true });
      if (!r.ok) return setMessage(r.message ?? "The consumer could not be hidden.");
      await done();
    });

  return (
    <dialog
      ref={dialog}
      aria-labelledby={headingId}
      onClose={onClose}
      className={cn(
        "m-auto w-[min(28rem,calc(100vw-2rem))] rounded-xl bg-white p-0 shadow-xl ring-1 ring-slate-200",
        "backdrop:bg-slate-900/30",
      )}
    >
      <form action={save} className="space-y-4 p-5">
        <div>
          <h2 id={headingId} className="text-base font-semibold text-slate-900">
            Edit consumer
          </h2>
          <p className="mt-0.5 font-mono text-[12.5px] break-all text-slate-500">{consumer.identifier}</p>
        </div>
        <Field
          name="name"
          label="Name"
          defaultValue={consumer.name ?? ""}
          placeholder={consumer.identifier}
          maxLength={64}
          errors={errors.name}
          hint="Shown instead of the identifier. Leave empty to show the identifier."
          autoFocus
        />
        <Field
          name="group"
          label="Group"
          defaultValue={consumer.groupName ?? ""}
          list="consumer-groups"
          maxLength={64}
          errors={errors.group}
          hint="Pick a group or type a new name. Leave empty for no group."
        />
        <datalist id="consumer-groups">
          {groups.map((g) => (
            <option key={g} value={g} />
          ))}
        </datalist>
        <p className="text-[12.5px] text-slate-500">
          Names and groups set here are kept when the client later sends its own.
        </p>
        <FormMessage message={message} />
        <div className="flex flex-wrap items-center justify-between gap-2 border-t border-slate-100 pt-4">
          <button
            type="button"
            onClick={hide}
            disabled={pending}
            title="It comes back when it sends new requests"
            className={cn(
              "h-9 rounded-lg px-3 text-sm font-medium text-red-600",
              "hover:bg-red-50 hover:text-red-700 disabled:opacity-50",
            )}
          >
            Hide consumer
          </button>
          <div className="flex gap-2">
            <Button variant="secondary" onClick={onClose} disabled={pending}>
              Cancel
            </Button>
            <Button type="submit" disabled={pending}>
              {pending ? "Saving…" : "Save"}
            </Button>
          </div>
        </div>
      </form>
    </dialog>
  );
}
