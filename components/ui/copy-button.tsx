"use client";

import { useEffect, useState } from "react";
import { cn } from "./cn";
import { CheckIcon, CopyIcon } from "./icons";

// navigator.clipboard exists only in secure contexts (https or localhost); a Tallyhub
// reached over plain http on a LAN still gets a working button through the old API.
async function writeClipboard(text: string): Promise<void> {
  if (navigator.clipboard?.writeText) return navigator.clipboard.writeText(text);
  const area = document.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.style.position = "fixed";
  area.style.opacity = "0";
  document.body.appendChild(area);
  area.select();
  const ok = document.execCommand("copy");
  area.remove();
  if (!ok) throw new Error("copy failed");
}

export function CopyButton({
  text,
  label,
  className,
  tone = "dark",
}: {
  text: string;
  label: string;
  className?: string;
  tone?: "dark" | "light";
}) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");

  useEffect(() => {
    if (state === "idle") return;
    const t = setTimeout(() => setState("idle"), 2000);
    return () => clearTimeout(t);
  }, [state]);

  return (
    <>
      <button
        type="button"
        aria-label={label}
        title={label}
        onClick={() =>
          writeClipboard(text).then(
            () => setState("copied"),
            () => setState("failed"),
          )
        }
        className={cn(
          "inline-flex h-7 items-center gap-1.5 rounded-md px-2 text-xs font-medium transition-colors",
          "focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-indigo-500",
          tone === "dark"
            ? "text-slate-300 hover:bg-white/10 hover:text-white"
            : "text-slate-600 ring-1 ring-slate-200 ring-inset hover:bg-slate-50 hover:text-slate-900",
          state === "copied" &&
            (tone === "dark" ? "text-emerald-300 hover:text-emerald-300" : "text-emerald-700 hover:text-emerald-700"),
          className,
        )}
      >
        {state === "copied" ? <CheckIcon className="size-3.5" /> : <CopyIcon className="size-3.5" />}
        <span>{state === "copied" ? "Copied" : state === "failed" ? "Press Ctrl+C" : "Copy"}</span>
      </button>
      <span aria-live="polite" className="sr-only">
        {state === "copied"
          ? "Copied to clipboard"
          : state === "failed"
            ? "Could not copy; select the text and copy it"
            : ""}
      </span>
    </>
  );
}
