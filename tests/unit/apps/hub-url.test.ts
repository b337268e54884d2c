import { describe, expect, it } from "vitest";
import { hubBaseUrl } from "@/lib/apps/hub-url";

const h = (init: Record<string, string>) => new Headers(init);

describe("hub base URL", () => {
  it("uses TALLYHUB_PUBLIC_URL without its trailing slashes (clients append /v2/… as is)", () => {
    expect(hubBaseUrl(h({ host: "ignored:3000" }), "https://tally.example.com/")).toBe("https://tally.example.com");
    expect(hubBaseUrl(h({}), " https://example.com/tally// ")).toBe("https://example.com/tally");
  });

  it("otherwise follows the request, honouring a proxy's forwarded host and scheme", () => {
    expect(hubBaseUrl(h({ host: "localhost:3000" }), "")).toBe("http://localhost:3000");
    expect(
      hubBaseUrl(
        h({ host: "10.0.0.5:3000", "x-forwarded-host": "tally.example.com", "x-forwarded-proto": "https" }),
        undefined,
      ),
    ).toBe("https://tally.example.com");
    expect(hubBaseUrl(h({ host: "[::1]:3000" }), undefined)).toBe("http://[::1]:3000");
  });

  it("never puts a malformed Host header into a snippet", () => {
    expect(hubBaseUrl(h({ host: 'evil.com"); import os; #' }), undefined)).toBe("http://localhost:3000");
  });
});
