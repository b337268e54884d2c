import { describe, expect, it } from "vitest";
import { countryOfIp } from "@/lib/geo/country";

describe("countryOfIp", () => {
  it("finds public addresses in the bundled database", () => {
    // Google's public DNS, registered and announced in the US since 2009.
    expect(countryOfIp("8.8.8.8")).toBe("US");
    expect(countryOfIp("2001:4860:4860::8888")).toBe("US");
    expect(countryOfIp("193.0.6.139")).toBe("NL"); // RIPE NCC, Amsterdam
  });

  it("answers null for private, reserved and missing addresses", () => {
    for (const ip of ["10.0.0.1", "192.168.1.1", "100.64.0.1", "127.0.0.1", "fd00::1", "203.0.113.9", "", null]) {
      expect(countryOfIp(ip), String(ip)).toBeNull();
    }
  });
});
