// Request and response bodies are kept base64-encoded, as the clients send them. This file
// reads them back (text, JSON, the clients' sentinels) and lets SQL search inside them
// without decoding: a byte string has one base64 form per alignment (offset mod 3).

/** What the clients put in place of a body they do not send. */
export const BODY_SENTINELS = { "<masked>": "masked", "<body too large>": "too-large" } as const;

export type BodyView =
  | { kind: "none" }
  | { kind: "masked" }
  | { kind: "too-large" }
  | { kind: "binary"; bytes: number; base64: string }
  | { kind: "json"; text: string; pretty: string }
  | { kind: "text"; text: string };

const decoder = new TextDecoder("utf-8", { fatal: true });

export function decodeBody(base64: string | null, contentType: string | null = null): BodyView {
  if (!base64) return { kind: "none" };
  const bytes = Buffer.from(base64, "base64");
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    return { kind: "binary", bytes: bytes.length, base64 };
  }
  const sentinel = BODY_SENTINELS[text.trim() as keyof typeof BODY_SENTINELS];
  if (sentinel) return { kind: sentinel };
  const looksJson = /json/i.test(contentType ?? "") || /^\s*[[{]/.test(text);
  if (looksJson) {
    try {
      return { kind: "json", text, pretty: JSON.stringify(JSON.parse(text), null, 2) };
    } catch {
      // Declared JSON but not parseable (truncated, say): shown as the text it is.
    }
  }
  return { kind: "text", text };
}

/**
 * The base64 fragments that any base64 text containing `needle` (as bytes) must contain, one
 * per alignment of the needle in the decoded bytes: characters that also encode bits of the
 * unknown neighbouring bytes are dropped. A match is a candidate only (another alignment's
 * fragment can occur by chance): confirm with bodyContains.
 */
export function base64Fragments(needle: string): string[] {
  const bytes = Buffer.from(needle, "utf8");
  const out = new Set<string>();
  for (let shift = 0; shift < 3; shift++) {
    const padded = Buffer.concat([Buffer.alloc(shift), bytes]);
    const encoded = padded.toString("base64");
    // Characters wholly inside the needle: from the first that starts at or after its first
    // bit, to the last that ends at or before its last bit.
    const first = Math.ceil((shift * 8) / 6);
    const last = Math.floor((padded.length * 8) / 6);
    out.add(encoded.slice(first, last));
  }
  return [...out];
}

/** Whether a stored body contains the text (exact, case-sensitive bytes); a sentinel is no body. */
export function bodyContains(base64: string | null, needle: string): boolean {
  if (!base64) return false;
  const bytes = Buffer.from(base64, "base64");
  return bytes.toString("utf8").trim() in BODY_SENTINELS ? false : bytes.includes(Buffer.from(needle, "utf8"));
}
