// Security headers on every answer, pages and hub routes alike, against `next start`: a Content-Security-Policy that
// allows only the app's own resources and no framing, no MIME sniffing, a referrer policy; HSTS only over https.
import { describe, expect, inject, it } from "vitest";

const base = inject("baseUrl");
const fetchHead = (path: string, headers: Record<string, string> = {}) =>
  fetch(`${base}${path}`, { headers, redirect: "manual" });

describe("security headers", () => {
  for (const path of ["/signin", "/apps", "/api/health", "/v2/00000000-0000-4000-8000-000000000000/prod/sync"]) {
    it(`${path} carries them`, async () => {
      const r = await fetchHead(path);
      const csp = r.headers.get("content-security-policy") ?? "";
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(csp).not.toMatch(/https?:/); // nothing from elsewhere
      expect(r.headers.get("x-content-type-options")).toBe("nosniff");
      expect(r.headers.get("x-frame-options")).toBe("DENY");
      expect(r.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
      expect(r.headers.get("strict-transport-security")).toBeNull();
      expect(r.headers.get("x-powered-by")).toBeNull();
    });
  }

  it("HSTS when a TLS proxy says the request came over https", async () => {
    const r = await fetchHead("/signin", { "x-forwarded-proto": "https" });
    expect(r.headers.get("strict-transport-security")).toBe("max-age=31536000; includeSubDomains");
  });
});
