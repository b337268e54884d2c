// Normalisation shared by the startup, sync and log parsers, matching what the clients
// themselves do (so data from different clients lines up) plus what our databases need.
import { STRING_MAX } from "./limits";

// A lone surrogate becomes U+FFFD on its way into either database, so a key read back
// would no longer equal the one sent: replace it here, before anything is keyed on it.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const LONE_SURROGATES = new RegExp(LONE_SURROGATE.source, "g");

/**
 * Drops NUL (PostgreSQL text cannot hold it), mends lone surrogates and cuts to max UTF-16 units without splitting a
 * pair.
 */
export function cleanText(s: string, max: number): string {
  if (s.includes("\u0000")) s = s.replaceAll("\u0000", "");
  if (LONE_SURROGATE.test(s)) s = s.replace(LONE_SURROGATES, "\ufffd");
  if (s.length <= max) return s;
  const code = s.charCodeAt(max - 1);
  return s.slice(0, code >= 0xd800 && code <= 0xdbff ? max - 1 : max);
}

/** Cuts to at most maxBytes of UTF-8, on a character boundary. */
export function cutUtf8(s: string, maxBytes: number): string {
  if (s.length * 3 <= maxBytes) return s;
  let bytes = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const pair = c >= 0xd800 && c <= 0xdbff && i + 1 < s.length;
    const size = c < 0x80 ? 1 : c < 0x800 ? 2 : pair ? 4 : 3;
    if (bytes + size > maxBytes) return s.slice(0, i);
    bytes += size;
    if (pair) i++;
  }
  return s;
}

/** Like the clients: str()-ed, trimmed, cut to 128; empty means no consumer. */
export function consumerIdentifier(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  const s = cleanText(String(v).trim(), STRING_MAX.consumerIdentifier);
  return s === "" ? null : s;
}

/** Consumer name or group: trimmed, cut to 64; empty means not given. */
export function consumerLabel(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  const s = cleanText(String(v).trim(), STRING_MAX.consumerName);
  return s === "" ? null : s;
}

// An HTTP method is an RFC 9110 token; FastAPI's startup sends them lowercase.
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Z-]+$/;

export function httpMethod(v: string): string | null {
  const m = v.trim().toUpperCase();
  return m.length > 0 && m.length <= STRING_MAX.method && TOKEN.test(m) ? m : null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function uuid(v: string): string | null {
  const u = v.trim().toLowerCase();
  return UUID.test(u) ? u : null;
}

/** js sends an all-zero trace ID when no tracer is set up: that means none. */
export function traceId(v: unknown): string | null {
  if (typeof v !== "string") return null;
  const t = cleanText(v.trim(), STRING_MAX.traceId);
  return t === "" || /^0+$/.test(t) ? null : t;
}
