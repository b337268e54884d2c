// Which address the per-IP sign-in and sign-up limits count against (lib/auth/client-address.ts).
import { describe, expect, it } from "vitest";
import { clientAddress, limitedAddress, PEER_HEADER } from "@/lib/auth/client-address";

const from = (peer: string | null, forwardedFor?: string) => {
  const h = new Headers();
  if (peer !== null) h.set(PEER_HEADER, peer);
  if (forwardedFor !== undefined) h.set("x-forwarded-for", forwardedFor);
  return h;
};

describe("client address", () => {
  it("with no trusted proxy, is the connection's address whatever X-Forwarded-For says", () => {
    expect(clientAddress(from("203.0.113.5", "198.51.100.1"), 0)).toBe("203.0.113.5");
    expect(clientAddress(from("::ffff:127.0.0.1", "1.2.3.4, 5.6.7.8"), 0)).toBe("127.0.0.1");
  });

  it("behind one proxy, is the hop that proxy appended, not what the client wrote before it", () => {
    expect(clientAddress(from("10.0.0.2", "198.51.100.7"), 1)).toBe("198.51.100.7");
    expect(clientAddress(from("10.0.0.2", "6.6.6.6, 198.51.100.7"), 1)).toBe("198.51.100.7");
  });

  it("behind two proxies (a CDN, then a load balancer), counts two hops from the right", () => {
    expect(clientAddress(from("10.0.0.2", "6.6.6.6, 198.51.100.7, 172.16.0.9"), 2)).toBe("198.51.100.7");
  });

  it("takes the leftmost hop of a chain shorter than the proxies, and the peer when that names no address", () => {
    expect(clientAddress(from("10.0.0.2"), 1)).toBe("10.0.0.2");
    expect(clientAddress(from("10.0.0.2", "198.51.100.7"), 3)).toBe("198.51.100.7");
    expect(clientAddress(from("10.0.0.2", "unknown"), 1)).toBe("10.0.0.2");
    expect(clientAddress(from("10.0.0.2", "[2001:db8::1]:443"), 1)).toBe("2001:db8:0:0::/64");
  });

  it("is unknown without the front's peer address", () => {
    expect(clientAddress(from(null, "198.51.100.7"), 0)).toBeNull();
    expect(clientAddress(from(null, "198.51.100.7"), 1)).toBeNull();
  });
});

describe("the key an address is limited under", () => {
  it("keeps IPv4 as it is, IPv4-mapped IPv6 included", () => {
    expect(limitedAddress("198.51.100.7")).toBe("198.51.100.7");
    expect(clientAddress(from("::ffff:198.51.100.7"), 0)).toBe("198.51.100.7");
    expect(clientAddress(from("10.0.0.2", "[0:0:0:0:0:ffff:198.51.100.7]:80"), 1)).toBe("198.51.100.7");
  });

  it("keys IPv6 by its /64, whatever the spelling", () => {
    const key = "2001:db8:aa:1::/64";
    for (const spelling of [
      "2001:db8:aa:1::1",
      "2001:db8:aa:1:ffff:1:2:3",
      "2001:0db8:00aa:0001:0000:0000:0000:0009",
      "2001:db8:aa:1:0::",
      "2001:db8:aa:1::5.6.7.8",
    ])
      expect(limitedAddress(spelling), spelling).toBe(key);
    expect(clientAddress(from("10.0.0.2", "[2001:DB8:AA:1::1%eth0]:443"), 1)).toBe(key);
    expect(clientAddress(from("2001:db8:aa:1:dead:beef::1"), 0)).toBe(key);
  });

  it("writes zero groups of the prefix out, so compression does not split one prefix into two keys", () => {
    expect(limitedAddress("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(limitedAddress("2001:db8:0:0:1::")).toBe("2001:db8:0:0::/64");
    expect(limitedAddress("::1")).toBe("0:0:0:0::/64");
    expect(limitedAddress("1::")).toBe("1:0:0:0::/64");
  });

  it("tells /64s apart", () => {
    expect(limitedAddress("2001:db8:aa:1::1")).not.toBe(limitedAddress("2001:db8:aa:2::1"));
    expect(limitedAddress("2001:db8:aa::1")).not.toBe(limitedAddress("2001:db8:aa:1::1"));
  });
});
