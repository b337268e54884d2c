// The client ID in the path is the only credential. py and go accept any form Python's
// uuid.UUID() / Go's uuid.Parse() can read and put it into the URL as the user wrote it,
// so read those forms too and look up the canonical lowercase UUID.

const HEX32 = /^[0-9a-f]{32}$/;

export function normaliseClientId(segment: string): string | null {
  if (segment.length > 64) return null;
  // Same steps as Python's uuid.UUID(hex): drop "urn:", "uuid:", surrounding braces, hyphens.
  const hex = segment
    .toLowerCase()
    .replaceAll("urn:", "")
    .replaceAll("uuid:", "")
    .replace(/^\{+|\}+$/g, "")
    .replaceAll("-", "");
  if (!HEX32.test(hex)) return null;
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
