// POSTs JSON to a receiver and reports how it went, never throwing. The error names the status or the network
// failure, never the URL: incoming-webhook URLs carry their token in the path.
import type { SendContext, SendResult } from "./types";

export async function postJson(
  url: string,
  body: string,
  ctx: SendContext,
  headers: Record<string, string> = {},
): Promise<SendResult> {
  try {
    const res = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", "user-agent": "Tallyhub", ...headers },
      body,
      signal: ctx.signal,
      redirect: "manual",
    });
    // A receiver's answer says why it refused (Slack: "invalid_payload"); keep a short, single-line taste of it.
    const text = (await res.text().catch(() => "")).replace(/\s+/g, " ").trim().slice(0, 120);
    if (res.ok) return { ok: true, statusCode: res.status };
    return { ok: false, statusCode: res.status, error: `HTTP ${res.status}${text ? `: ${text}` : ""}` };
  } catch (e) {
    return { ok: false, error: networkError(e, ctx.signal) };
  }
}

function networkError(e: unknown, signal: AbortSignal): string {
  if (signal.aborted) return "timed out";
  const cause = (e as { cause?: { code?: string; message?: string } }).cause;
  if (cause?.code) return `could not connect (${cause.code})`;
  return `could not connect (${(cause?.message ?? (e as Error).message ?? String(e)).slice(0, 100)})`;
}
