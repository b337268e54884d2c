"use client";

// A request or response body as the client kept it: pretty-printed, highlighted JSON, or
// text, with the text as sent a toggle away and a copy button; the clients' sentinels and
// bodies that are not text say what they are instead of showing broken characters.
import { useState } from "react";
import { CopyButton } from "@/components/ui/copy-button";
import { formatBytes } from "@/lib/format";
import type { BodyView } from "@/lib/requests/body";
import { JsonHighlight } from "./json-highlight";

const NOTES = {
  none: "No body.",
  masked: "Masked by the client: the body was not sent.",
  "too-large": "Body too large: the client did not keep it.",
} as const;

export function RequestBody({ body, label }: { body: BodyView; label: string }) {
  const [raw, setRaw] = useState(false);
  if (body.kind === "none" || body.kind === "masked" || body.kind === "too-large") {
    return (
      <p className="rounded-lg bg-slate-50 px-3 py-2.5 text-[13px] text-slate-500 ring-1 ring-slate-200 ring-inset">
        {body.kind !== "none" && (
          <span className="mr-2 rounded bg-slate-200 px-1.5 py-0.5 font-mono text-[11px] text-slate-700">
            {body.kind === "masked" ? "<masked>" : "<body too large>"}
          </span>
        )}
        {NOTES[body.kind]}
      </p>
    );
  }
  const shown = body.kind === "json" ? (raw ? body.text : body.pretty) : body.kind === "text" ? body.text : body.base64;
  return (
    <div className="overflow-hidden rounded-lg bg-slate-900 ring-1 ring-slate-800">
      <div className="flex items-center justify-between gap-2 border-b border-white/10 px-3 py-1.5">
        <span className="text-xs text-slate-400">
          {body.kind === "json"
            ? "JSON"
            : body.kind === "text"
              ? "Text"
              : `Binary, ${formatBytes(body.bytes)} (base64)`}
        </span>
        <span className="flex items-center gap-1">
          {body.kind === "json" && (
            <button
              type="button"
              aria-pressed={raw}
              onClick={() => setRaw((r) => !r)}
              className="inline-flex h-7 items-center rounded-md px-2 text-xs font-medium text-slate-300 hover:bg-white/10 hover:text-white"
            >
              {raw ? "Pretty" : "Raw"}
            </button>
          )}
          <CopyButton text={shown} label={`Copy ${label}`} />
        </span>
      </div>
      <pre
        aria-label={label}
        className="max-h-[28rem] overflow-auto p-3 font-mono text-[12.5px] leading-5 break-all whitespace-pre-wrap text-slate-100"
      >
        {body.kind === "json" && !raw ? <JsonHighlight json={body.pretty} /> : shown}
      </pre>
    </div>
  );
}
