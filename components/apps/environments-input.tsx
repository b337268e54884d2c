"use client";

import { useState } from "react";
import { cn } from "@/components/ui/cn";
import { XIcon } from "@/components/ui/icons";
import { ENV_NAME_PATTERN } from "@/lib/validations/app";

/**
 * Environment names as removable chips. Enter, comma or space adds the typed name; the list
 * goes to the server as one comma-separated field, where it is validated again.
 */
export function EnvironmentsInput({
  id,
  name,
  defaultValue,
  invalid,
  describedBy,
}: {
  id: string;
  name: string;
  defaultValue: string[];
  invalid?: boolean;
  describedBy?: string;
}) {
  const [envs, setEnvs] = useState(defaultValue);
  const [draft, setDraft] = useState("");
  const draftOk = draft === "" || ENV_NAME_PATTERN.test(draft);

  // An invalid name stays in the box, marked, rather than silently vanishing.
  function commit() {
    if (!draft || !draftOk) return;
    if (!envs.includes(draft)) setEnvs([...envs, draft]);
    setDraft("");
  }

  return (
    <div
      className={cn(
        "flex min-h-10 flex-wrap items-center gap-1.5 rounded-lg bg-white px-2 py-1.5 shadow-sm ring-1 ring-inset",
        "focus-within:ring-2",
        invalid || !draftOk ? "ring-red-400 focus-within:ring-red-500" : "ring-slate-300 focus-within:ring-indigo-600",
      )}
    >
      <input type="hidden" name={name} value={[...envs, draft].filter(Boolean).join(",")} />
      {envs.map((env) => (
        <span
          key={env}
          className={cn(
            "inline-flex items-center gap-1 rounded-md bg-slate-100 py-0.5 pr-1 pl-2 font-mono text-[12.5px]",
            "text-slate-800 ring-1 ring-slate-200 ring-inset",
          )}
        >
          {env}
          <button
            type="button"
            aria-label={`Remove ${env}`}
            onClick={() => setEnvs(envs.filter((e) => e !== env))}
            className="rounded p-0.5 text-slate-400 hover:bg-slate-200 hover:text-slate-700"
          >
            <XIcon className="size-3" />
          </button>
        </span>
      ))}
      <input
        id={id}
        aria-invalid={!draftOk || undefined}
        aria-describedby={describedBy}
        value={draft}
        placeholder={envs.length ? "Add another…" : "e.g. prod"}
        onChange={(e) => setDraft(e.target.value.replace(/[\s,]/g, ""))}
        onKeyDown={(e) => {
          if (e.key === "Enter" || e.key === "," || e.key === " ") {
            e.preventDefault();
            commit();
          } else if (e.key === "Backspace" && draft === "" && envs.length) {
            setEnvs(envs.slice(0, -1));
          }
        }}
        onBlur={commit}
        className={cn(
          "min-w-24 flex-1 border-0 bg-transparent px-1 py-0.5 font-mono text-[13px] text-slate-900",
          "placeholder:font-sans placeholder:text-slate-400 focus:outline-none",
        )}
      />
    </div>
  );
}
