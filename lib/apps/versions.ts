// The versions an instance reports at startup (name → version: the client library, runtime, framework, the app).

/** Stored as the client sent it; anything but a flat name → version object is ignored. */
export function parseVersions(json: string | null): Record<string, string> {
  try {
    const v: unknown = JSON.parse(json ?? "{}");
    if (!v || typeof v !== "object" || Array.isArray(v)) return {};
    return Object.fromEntries(Object.entries(v).filter((e): e is [string, string] => typeof e[1] === "string"));
  } catch {
    return {};
  }
}

// The client's own version first, then the runtime and framework, then the rest.
const FIRST = ["apitally", "python", "nodejs", "go"];

export function orderedVersions(versions: Record<string, string>, max = 8): [string, string][] {
  const rank = (name: string) => (FIRST.includes(name) ? FIRST.indexOf(name) : FIRST.length);
  return Object.entries(versions)
    .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))
    .slice(0, max);
}
