import { describe, expect, it } from "vitest";
import { clientIpFromHeaders } from "@/lib/ingest/client-ip";
import { isPublicIp, parseIpAddress } from "@/lib/net/ip-address";

const xff = (value: string) => clientIpFromHeaders([["X-Forwarded-For", value]]);
const forwarded = (...values: string[]) => clientIpFromHeaders(values.map((v): [string, string] => ["Forwarded", v]));

describe("parseIpAddress", () => {
  it.each([
    ["203.0.113.7", "203.0.113.7"],
    ["  8.8.8.8  ", "8.8.8.8"],
    ["8.8.8.8:443", "8.8.8.8"],
    ['"8.8.8.8:443"', "8.8.8.8"],
    ["[2001:4860:4860::8888]", "2001:4860:4860::8888"],
    ["[2001:4860:4860::8888]:4711", "2001:4860:4860::8888"],
    ['"[2001:DB8::2]:4711"', "2001:db8::2"],
    ["2001:4860:4860::8888", "2001:4860:4860::8888"],
    ["fe80::1%eth0", "fe80::1"],
    ["::ffff:8.8.4.4", "8.8.4.4"],
    ["0:0:0:0:0:ffff:1.1.1.1", "1.1.1.1"],
  ])("%j → %s", (entry, ip) => expect(parseIpAddress(entry)).toBe(ip));

  it.each([
    "",
    "unknown",
    "_hidden",
    "_SEVKISEK",
    "example.com",
    "999.1.1.1",
    "1.2.3",
    "8.8.8.8:99999",
    "[8.8.8.8",
    "2001:db8::1:80:",
    "8.8.8.8, 1.1.1.1",
    `${"1".repeat(100)}`,
    "\u0000",
  ])("%j → null", (entry) => expect(parseIpAddress(entry)).toBeNull());
});

describe("isPublicIp", () => {
  it.each([
    "8.8.8.8",
    "1.1.1.1",
    "100.63.255.255",
    "100.128.0.0",
    "172.32.0.1",
    "2001:4860:4860::8888",
    "2a00:1450::1",
  ])("%s is public", (ip) => expect(isPublicIp(ip)).toBe(true));
  it.each([
    "10.1.2.3",
    "172.16.0.1",
    "172.31.255.255",
    "192.168.1.1",
    "127.0.0.1",
    "169.254.169.254",
    "100.64.0.1",
    "100.127.255.255",
    "0.0.0.0",
    "203.0.113.9",
    "224.0.0.1",
    "255.255.255.255",
    "::1",
    "::",
    "fc00::1",
    "fd12:3456::1",
    "fe80::1",
    "2001:db8::1",
    "ff02::1",
    "not an ip",
  ])("%s is not public", (ip) => expect(isPublicIp(ip)).toBe(false));
});

describe("clientIpFromHeaders", () => {
  it("walks X-Forwarded-For from the right to the first public address", () => {
    expect(xff("8.8.8.8, 10.0.0.2")).toBe("8.8.8.8");
    expect(xff("8.8.8.8, 10.0.0.2, 172.16.5.4, 100.64.0.9")).toBe("8.8.8.8");
    expect(xff("8.8.8.8, [fd00::1]:80, fe80::1%eth0, 127.0.0.1")).toBe("8.8.8.8");
  });

  it("ignores what the client wrote left of a public hop", () => {
    // The client sent "X-Forwarded-For: 1.2.3.4, 10.9.9.9"; the app's proxy appended the address it saw.
    expect(xff("1.2.3.4, 10.9.9.9, 8.8.8.8")).toBe("8.8.8.8");
    expect(xff("1.2.3.4, 8.8.8.8, 10.0.0.2")).toBe("8.8.8.8");
    expect(xff("2001:4860:4860::8888, 9.9.9.9")).toBe("9.9.9.9");
  });

  it("takes the leftmost address when every hop is internal", () => {
    expect(xff("10.0.0.5, 10.0.0.2")).toBe("10.0.0.5");
    expect(xff("garbage, 192.168.0.7, 10.0.0.2")).toBe("192.168.0.7");
    expect(xff("127.0.0.1")).toBe("127.0.0.1");
  });

  it("skips entries that name no address", () => {
    expect(xff("8.8.8.8, unknown, 10.0.0.2")).toBe("8.8.8.8");
    expect(xff(" , ,8.8.8.8,,")).toBe("8.8.8.8");
    expect(xff("8.8.8.8:5000, 10.0.0.2:80")).toBe("8.8.8.8");
    expect(xff("unknown")).toBeNull();
    expect(xff("")).toBeNull();
  });

  it("reads a header sent several times as one list, in order", () => {
    expect(
      clientIpFromHeaders([
        ["x-forwarded-for", "1.2.3.4"],
        ["X-Forwarded-For", "8.8.8.8, 10.0.0.1"],
      ]),
    ).toBe("8.8.8.8");
  });

  it("reads every for= of Forwarded the same way", () => {
    expect(forwarded('for="[2001:4860:4860::8888]:4711";proto=https, for=10.0.0.1')).toBe("2001:4860:4860::8888");
    expect(forwarded("for=192.0.2.60:8080")).toBe("192.0.2.60");
    expect(forwarded("for=1.2.3.4, for=8.8.8.8;by=10.0.0.1, for=10.0.0.2")).toBe("8.8.8.8");
    expect(forwarded("for=1.2.3.4", 'For="8.8.8.8";proto=http', "for=_hidden")).toBe("8.8.8.8");
    expect(forwarded("proto=https;for=unknown;by=_proxy, FOR = 9.9.9.9")).toBe("9.9.9.9");
    // A quoted value of another parameter holding "for=" or a comma is one value.
    expect(forwarded('by="x, for=1.2.3.4";for=8.8.8.8')).toBe("8.8.8.8");
    expect(forwarded("for=10.0.0.9, for=10.0.0.1")).toBe("10.0.0.9");
    expect(forwarded("host=example.com")).toBeNull();
  });

  it("falls back from X-Forwarded-For to Forwarded to X-Real-IP", () => {
    expect(
      clientIpFromHeaders([
        ["x-real-ip", "9.9.9.9"],
        ["forwarded", "for=1.1.1.1"],
        ["x-forwarded-for", "8.8.8.8"],
      ]),
    ).toBe("8.8.8.8");
    expect(
      clientIpFromHeaders([
        ["x-forwarded-for", "unknown"],
        ["forwarded", "for=1.1.1.1"],
        ["x-real-ip", "9.9.9.9"],
      ]),
    ).toBe("1.1.1.1");
    expect(clientIpFromHeaders([["X-Real-IP", "2001:4860:4860::8888"]])).toBe("2001:4860:4860::8888");
    expect(clientIpFromHeaders([["x-real-ip", "[::ffff:8.8.8.8]:1234"]])).toBe("8.8.8.8");
    expect(clientIpFromHeaders([["host", "8.8.8.8"]])).toBeNull();
    expect(clientIpFromHeaders([])).toBeNull();
  });

  it("never throws on garbage", () => {
    const garbage = ['for="unterminated', "for=[::1", '"""', "\\", "for=;;;,,,=", "a".repeat(8192), "%%%", "[]:"];
    for (const g of garbage) {
      expect(() => clientIpFromHeaders([["x-forwarded-for", g]])).not.toThrow();
      expect(() => clientIpFromHeaders([["forwarded", g]])).not.toThrow();
      expect(() => clientIpFromHeaders([["x-real-ip", g]])).not.toThrow();
    }
    expect(forwarded('for="unterminated, for=8.8.8.8')).toBe("8.8.8.8");
  });
});
