// IP addresses as forwarding headers write them, and whether one is on the public internet.
import { BlockList, isIP } from "node:net";

/**
 * Special-purpose ranges (IANA's registries): private networks, loopback, link-local, CGNAT
 * (100.64/10), unique-local IPv6 and the like are where an app's own proxies live; the rest
 * (documentation, benchmarking, multicast, reserved) never is a real client on the internet.
 */
const NOT_PUBLIC = new BlockList();
for (const [net, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.0.2.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 3], // multicast, reserved and broadcast
] as const) {
  NOT_PUBLIC.addSubnet(net, prefix, "ipv4");
}
for (const [net, prefix] of [
  ["::", 127], // unspecified and loopback
  ["64:ff9b:1::", 48],
  ["100::", 64],
  ["2001:db8::", 32],
  ["fc00::", 7],
  ["fe80::", 10],
  ["ff00::", 8],
] as const) {
  NOT_PUBLIC.addSubnet(net, prefix, "ipv6");
}

/** Longer than any address with brackets, port and zone: the rest is not looked at. */
const MAX_LENGTH = 64;

/**
 * The address in one forwarding-header entry, or null when it names none ("unknown", an
 * obfuscated `_hidden`, garbage). Strips quotes, brackets, a port and an IPv6 zone; an
 * IPv4-mapped IPv6 address becomes its IPv4 address, IPv6 is lower-cased.
 */
export function parseIpAddress(entry: string): string | null {
  let s = entry.trim();
  if (s.length > MAX_LENGTH) return null;
  if (s.length >= 2 && s.startsWith('"') && s.endsWith('"')) s = s.slice(1, -1).trim();
  const withPort = /^\[([^\]]*)\](?::(\d{1,5}))?$/.exec(s) ?? /^([\d.]+):(\d{1,5})$/.exec(s);
  if (withPort) {
    if (withPort[2] !== undefined && Number(withPort[2]) > 65535) return null;
    s = withPort[1];
  }
  s = s.replace(/%[\w.-]*$/, "");
  const kind = isIP(s);
  if (kind === 4) return s;
  if (kind !== 6) return null;
  const v6 = s.toLowerCase();
  const mapped = /^(?:::|(?:0{1,4}:){5})ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(v6);
  return mapped && isIP(mapped[1]) === 4 ? mapped[1] : v6;
}

/** A parsed address (parseIpAddress) that is routed on the public internet. */
export function isPublicIp(ip: string): boolean {
  const kind = isIP(ip);
  return kind !== 0 && !NOT_PUBLIC.check(ip, kind === 4 ? "ipv4" : "ipv6");
}
