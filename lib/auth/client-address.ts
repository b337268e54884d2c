// The address the per-IP sign-in and sign-up limits count against. X-Forwarded-For is written by whoever sends the
// request, so on its own it lets one client pose as any number of addresses; only the hops our own proxies appended
// (the right end of the header, TALLYHUB_TRUSTED_PROXY_HOPS of them) are believed. The connection's own address
// comes from scripts/server.mjs in PEER_HEADER, which it sets on every request, replacing whatever a client sent.
// An IPv6 client is counted by its /64: providers hand each subscriber (at least) a whole /64 and hosts pick
// addresses in it at will (privacy addresses rotate by themselves), so counting single addresses would let one
// client buy a fresh allowance per address.
import { parseIpAddress } from "@/lib/net/ip-address";
import { settings } from "@/lib/settings";

/** Spelled the same in scripts/server.mjs. */
export const PEER_HEADER = "x-tallyhub-peer";

/**
 * The key an address is limited under: an IPv4 address as it is (parseIpAddress has already turned an IPv4-mapped
 * IPv6 address into one), an IPv6 address as its first four groups in hex without leading zeros and without
 * zero-compression, then "::/64", so every spelling of one prefix is one key ("2001:db8:0:0::/64").
 */
export function limitedAddress(ip: string): string {
  if (!ip.includes(":")) return ip;
  const [head, tail] = ip.split("::");
  // A dotted IPv4 tail ("::1.2.3.4") fills the last two groups; only the count matters for the prefix.
  const groups = (part: string | undefined) =>
    (part ? part.split(":") : []).flatMap((g) => (g.includes(".") ? [0, 0] : [parseInt(g, 16)]));
  const front = groups(head);
  const back = groups(tail);
  const all = tail === undefined ? front : [...front, ...Array(8 - front.length - back.length).fill(0), ...back];
  return `${all
    .slice(0, 4)
    .map((g) => g.toString(16))
    .join(":")}::/64`;
}

/**
 * With n trusted hops the chain is [… client, proxy 1, …, proxy n−1] in the header, then proxy n at the socket:
 * the client is the entry n places left of the socket. A shorter chain (a request that bypassed the proxies)
 * gives its leftmost entry. Null without a peer address (a server other than scripts/server.mjs). IPv6 comes back as
 * its /64 (limitedAddress).
 */
export function clientAddress(headers: Headers, trustedHops = settings().TALLYHUB_TRUSTED_PROXY_HOPS): string | null {
  const peer = parseIpAddress(headers.get(PEER_HEADER) ?? "");
  if (!peer) return null;
  if (trustedHops === 0) return limitedAddress(peer);
  const forwarded = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const chain = [...forwarded, peer];
  // An entry our own proxy wrote that names no address: the proxy is misconfigured, the peer is all we know.
  return limitedAddress(parseIpAddress(chain[Math.max(0, chain.length - 1 - trustedHops)]) ?? peer);
}
