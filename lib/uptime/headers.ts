// Health check headers often carry a token, so their values are never shown back: the form
// gets each saved value as a mask, and a line left with the mask keeps the saved value.
export type HeaderList = [string, string][];

export const HEADER_MASK = "••••••••";

export function parseStoredHeaders(json: string | null): HeaderList {
  if (!json) return [];
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v)
      ? v.filter((h): h is [string, string] => Array.isArray(h) && typeof h[0] === "string" && typeof h[1] === "string")
      : [];
  } catch {
    return [];
  }
}

/** The text the form shows: one "Name: ••••••••" line per saved header. */
export function maskedHeaderText(headers: HeaderList): string {
  return headers.map(([name]) => `${name}: ${HEADER_MASK}`).join("\n");
}

/**
 * The headers to save: typed values as they are, masked ones from the saved headers of the same name. Returns the
 * names whose mask has no saved value to keep (a new header needs its value typed).
 */
export function keepMaskedValues(input: HeaderList, saved: HeaderList): { headers: HeaderList; missing: string[] } {
  const savedByName = new Map(saved.map(([n, v]) => [n.toLowerCase(), v]));
  const missing: string[] = [];
  const headers = input.map(([name, value]): [string, string] => {
    if (value !== HEADER_MASK) return [name, value];
    const kept = savedByName.get(name.toLowerCase());
    if (kept === undefined) missing.push(name);
    return [name, kept ?? ""];
  });
  return { headers, missing };
}
