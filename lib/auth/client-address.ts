// The address the per-IP sign-in and sign-up limits count against. X-Forwarded-For is written by whoever sends the
// request, so on its own it lets one client pose as any number of addresses; only the hops our own proxies appended
// (the right end of the header, TALLYHUB_TRUSTED_PROXY_HOPS of them) are believed. The connection's own address
// comes from scripts/server.mjs in PEER_HEADER, which it sets on every request, replacing whatever a client sent.
import { parseIpAddress } from "@/lib/net/ip-address";
import { settings } from "@/lib/settings";

/** Spelled the same in scripts/server.mjs. */
export const PEER_HEADER = "x-tallyhub-peer";

/**
 * With n trusted hops the chain is [… client, proxy 1, …, proxy n−1] in the header, then proxy n at the socket:
 * the client is the entry n places left of the socket. A shorter chain (a request that bypassed the proxies)
 * gives its leftmost entry. Null without a peer address (a server other than scripts/server.mjs).
 */
export function clientAddress(headers: Headers, trustedHops = settings().TALLYHUB_TRUSTED_PROXY_HOPS): string | null {
  const peer = parseIpAddress(headers.get(PEER_HEADER) ?? "");
  if (!peer || trustedHops === 0) return peer;
  const forwarded = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const chain = [...forwarded, peer];
  // An entry our own proxy wrote that names no address: the proxy is misconfigured, the peer is all we know.
  return parseIpAddress(chain[Math.max(0, chain.length - 1 - trustedHops)]) ?? peer;
}
