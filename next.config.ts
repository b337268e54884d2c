import type { NextConfig } from "next";

// Only what the app itself loads: its own scripts, styles, fonts and images, requests to itself. Inline scripts and
// styles stay allowed: Next.js streams the page's data in inline <script> tags and the charts set inline styles
// (a per-request nonce would work for the scripts, at the cost of the proxy running on every page).
const CSP = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-inline'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

const SECURITY_HEADERS = [
  { key: "Content-Security-Policy", value: CSP },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
];

const nextConfig: NextConfig = {
  poweredByHeader: false,
  async headers() {
    return [
      { source: "/:path*", headers: SECURITY_HEADERS },
      // HSTS only when the request came over https (a TLS proxy in front says so); over plain http it would be
      // ignored at best, and it must never pin a site that is not served over https.
      {
        source: "/:path*",
        has: [{ type: "header", key: "x-forwarded-proto", value: "https" }],
        headers: [{ key: "Strict-Transport-Security", value: "max-age=31536000; includeSubDomains" }],
      },
    ];
  },
  // Hub clients post bodies up to a few MB; route handlers enforce their own limits.
  // authInterrupts: forbidden() answers 403 with app/forbidden.tsx when a role is too small for a page.
  experimental: { serverActions: { bodySizeLimit: "1mb" }, authInterrupts: true },
};

export default nextConfig;
