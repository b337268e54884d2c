// Secrets Tallyhub hands out once and keeps only as a hash (invitation links, API keys): 32 random bytes, so a
// plain SHA-256 is enough to make the stored value useless to whoever reads the database.
import { createHash, randomBytes } from "node:crypto";

/** A new secret: the prefix (says what it is, e.g. "thk_") and 43 base64url characters. */
export function newSecret(prefix = ""): string {
  return prefix + randomBytes(32).toString("base64url");
}

export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex");
}
