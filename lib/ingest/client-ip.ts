// The client's IP address from a logged request's forwarding headers, when the app sits
// behind a proxy that sets them (the hub clients log headers, not the peer address): the
// first address of X-Forwarded-For (the originating client, as the proxies recorded it),
// else X-Real-IP, else the first `for=` of Forwarded (RFC 7239).
import { isIP } from "node:net";

function forwardedFor(value: string): string | null {
  const first = value.split(",")[0];
  const m = /(?:^|;)\s*for="?([^";]+)"?/i.exec(first);
  if (!m) return null;
  // "[2001:db8::1]:4711" → 2001:db8::1; "192.0.2.60:8080" → 192.0.2.60
  const v = m[1].trim();
  const bracketed = /^\[([^\]]+)\]/.exec(v);
  if (bracketed) return bracketed[1];
  return isIP(v) ? v : v.replace(/:\d+$/, "");
}

export function clientIpFromHeaders(headers: [string, string][]): string | null {
  const get = (name: string) => headers.find(([h]) => h.toLowerCase() === name)?.[1];
  const forwarded = get("forwarded");
  const candidates = [get("x-forwarded-for")?.split(",")[0], get("x-real-ip"), forwarded && forwardedFor(forwarded)];
  for (const c of candidates) {
    const ip = c?.trim();
    if (ip && isIP(ip)) return ip;
  }
  return null;
}
