// Page cursors are opaque to clients: base64url of a small JSON value. One codec for every list, in both runtimes
// (the Requests view encodes cursors in the browser too, so btoa/atob rather than Buffer).
import type { z } from "zod";

export function encodeOpaque(value: unknown): string {
  const bytes = new TextEncoder().encode(JSON.stringify(value));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, "-")
    .replace(/\//g, "_")
    .replace(/=+$/, "");
}

/** The value a token stands for when it decodes and matches the schema, else null. */
export function decodeOpaque<S extends z.ZodType>(token: string, schema: S): z.output<S> | null {
  try {
    const binary = atob(token.replace(/-/g, "+").replace(/_/g, "/"));
    const json = new TextDecoder("utf-8", { fatal: true }).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
    const parsed = schema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
