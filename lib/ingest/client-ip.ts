// The client's IP address from a logged request's forwarding headers, when the app sits behind
// proxies that set them (the hub clients log headers, not the peer address).
//
// Each proxy appends the address it saw, so only the right end of a chain is written by the
// app's own proxies; anything to the left may be made up by the client. Tallyhub cannot know
// which proxies are the app's, so it counts every non-public address (private, loopback,
// link-local, CGNAT, unique-local) as the app's infrastructure: walking from the right, the first
// public address is the first hop nobody trusted, the client. When every address is internal,
// the request came from inside the network, and the leftmost one is where it started.
import { isPublicIp, parseIpAddress } from "../net/ip-address";

/** At most this many entries of a chain are read, from its right end (where the app's proxies write). */
const MAX_HOPS = 64;

function firstUntrustedHop(entries: string[]): string | null {
  const hops = entries
    .slice(-MAX_HOPS)
    .map(parseIpAddress)
    .filter((ip) => ip !== null);
  return hops.findLast(isPublicIp) ?? hops[0] ?? null;
}

/** The `for=` values of every element of Forwarded (RFC 7239), in order, unquoted. */
function forwardedFor(value: string): string[] {
  const out: string[] = [];
  // Every `name=value` pair; matching quoted values whole keeps a comma or `for=` inside them from counting.
  for (const m of value.matchAll(/([\w!#$%&'*+.^`|~-]+)\s*=\s*("(?:[^"\\]|\\.)*"|[^\s;,"]*)/g)) {
    if (m[1].toLowerCase() === "for") out.push(m[2].replace(/\\(.)/g, "$1"));
  }
  return out;
}

/** X-Forwarded-For, else Forwarded, else X-Real-IP: the first that names an address decides. */
export function clientIpFromHeaders(headers: [string, string][]): string | null {
  // A header sent several times is one list, in order (RFC 9110 §5.3).
  const all = (name: string) =>
    headers
      .filter(([h]) => h.toLowerCase() === name)
      .map(([, v]) => v)
      .join(",");
  return (
    firstUntrustedHop(all("x-forwarded-for").split(",")) ??
    firstUntrustedHop(forwardedFor(all("forwarded"))) ??
    firstUntrustedHop(all("x-real-ip").split(","))
  );
}
