// What scripts/server.mjs does to a request's path before Next.js sees it (kept apart so tests can import it).

/** The path with repeated slashes collapsed and no trailing slash; null when a percent-escape is malformed. */
export function cleanPath(url) {
  if (!url.startsWith("/")) return url; // absolute-form (a proxy request): not ours to rewrite
  const q = url.indexOf("?");
  const pathname = q === -1 ? url : url.slice(0, q);
  try {
    decodeURIComponent(pathname);
  } catch {
    return null;
  }
  const clean = pathname.replace(/\/{2,}/g, "/").replace(/(.)\/$/, "$1") || "/";
  return clean + (q === -1 ? "" : url.slice(q));
}
