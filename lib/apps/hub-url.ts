// The base URL Apitally clients must use to reach this server (APITALLY_HUB_BASE_URL).
// Clients join it to "/v2/..." by plain concatenation, so it never ends with a slash.
import { settings } from "../settings";

const HOST_PATTERN = /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(:\d{1,5})?$/i;

export function hubBaseUrl(headers: Headers, configured = settings().TALLYHUB_PUBLIC_URL): string {
  if (configured?.trim()) return configured.trim().replace(/\/+$/, "");
  const first = (v: string | null) => v?.split(",")[0].trim() || null;
  const host = first(headers.get("x-forwarded-host")) ?? headers.get("host") ?? "";
  const proto = first(headers.get("x-forwarded-proto")) === "https" ? "https" : "http";
  // The Host header is client-controlled: only a plain host[:port] goes into a snippet.
  return `${proto}://${HOST_PATTERN.test(host) ? host : "localhost:3000"}`;
}
