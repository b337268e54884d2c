import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // Hub clients post bodies up to a few MB; route handlers enforce their own limits.
  experimental: { serverActions: { bodySizeLimit: "1mb" } },
};

export default nextConfig;
