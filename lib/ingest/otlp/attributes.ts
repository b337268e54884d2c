// Reading the attributes OpenTelemetry's HTTP semantic conventions define, stable names first
// and the older ones as fallbacks (instrumentations still emit either, or both).
import { isIP } from "node:net";
import { str } from "./resource";
import type { Attributes, AttrValue } from "./schema";

export const first = (a: Attributes, ...names: string[]): AttrValue | undefined => {
  for (const n of names) {
    const v = a.get(n);
    if (v !== undefined && v !== null && v !== "") return v;
  }
  return undefined;
};

export const firstStr = (a: Attributes, ...names: string[]) => str(first(a, ...names));

export function firstInt(a: Attributes, ...names: string[]): number | null {
  const v = first(a, ...names);
  const n = typeof v === "number" ? v : typeof v === "string" && /^\d{1,15}$/.test(v) ? Number(v) : NaN;
  return Number.isSafeInteger(n) ? n : null;
}

/** The four attributes Apitally aggregates requests by (its metrics and its spans alike). */
export function requestKey(a: Attributes) {
  const method = firstStr(a, "http.request.method", "http.method")?.toUpperCase() ?? null;
  const status = firstInt(a, "http.response.status_code", "http.status_code");
  return {
    method,
    route: firstStr(a, "http.route"),
    status: status !== null && status >= 100 && status <= 599 ? status : null,
    consumer: firstStr(a, "apitally.consumer.identifier", "user.id"),
  };
}

/** A key's route is countable: Apitally counts neither unmatched routes nor CORS preflights. */
export const countable = (
  k: ReturnType<typeof requestKey>,
): k is { method: string; route: string; status: number; consumer: string | null } =>
  k.method !== null && k.method !== "OPTIONS" && k.route !== null && k.status !== null;

export function consumerOf(a: Attributes) {
  return {
    identifier: firstStr(a, "apitally.consumer.identifier", "user.id"),
    name: firstStr(a, "apitally.consumer.name", "user.full_name", "user.name"),
    group: firstStr(a, "apitally.consumer.group"),
  };
}

export function clientIp(a: Attributes): string | null {
  const ip = firstStr(a, "client.address", "http.client_ip", "net.sock.peer.addr", "net.peer.ip");
  return ip && isIP(ip) ? ip : null;
}

/** {scheme}://{host}{path}?{query}, as the span's URL attributes give it. */
export function displayUrl(a: Attributes): string {
  const full = firstStr(a, "url.full", "http.url");
  if (full) return full;
  const scheme = firstStr(a, "url.scheme", "http.scheme") ?? "http";
  let host = firstStr(a, "server.address", "http.host", "net.host.name") ?? "";
  const port = firstInt(a, "server.port", "net.host.port");
  if (
    host &&
    port &&
    !host.includes(":") &&
    !((scheme === "http" && port === 80) || (scheme === "https" && port === 443))
  )
    host += `:${port}`;
  const target = firstStr(a, "http.target");
  const path = firstStr(a, "url.path") ?? target?.split("?")[0] ?? "";
  const query = firstStr(a, "url.query") ?? (target?.includes("?") ? target.slice(target.indexOf("?") + 1) : "");
  return `${host ? `${scheme}://${host}` : ""}${path}${query ? `?${query}` : ""}`;
}

const HEADER = /^http\.(request|response)\.header\.(.+)$/;

/** Captured headers (list-valued, one pair per element); the old underscore names fold into the dash form. */
export function headers(a: Attributes, side: "request" | "response"): [string, string][] {
  const out: [string, string][] = [];
  for (const [key, value] of a) {
    const m = HEADER.exec(key);
    if (!m || m[1] !== side) continue;
    const name = m[2].toLowerCase().replaceAll("_", "-");
    for (const v of Array.isArray(value) ? value : [value]) {
      const s = str(v);
      if (s !== null) out.push([name, s]);
    }
  }
  return out;
}

export const isHeaderAttribute = (key: string) => HEADER.test(key);
