import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // Hub clients post bodies up to a few MB; route handlers enforce their own limits.
  // authInterrupts: forbidden() answers 403 with app/forbidden.tsx when a role is too small for a page.
  experimental: { serverActions: { bodySizeLimit: "1mb" }, authInterrupts: true },
};

export default nextConfig;
