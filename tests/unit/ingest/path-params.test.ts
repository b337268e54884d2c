import { describe, expect, it } from "vitest";
import { normaliseClientId } from "@/lib/ingest/client-id";
import { normaliseEnv } from "@/lib/ingest/env";

const canonical = "f8a2c3e4-1b5d-4c6e-9f7a-2b3c4d5e6f70";

describe("client id in the path", () => {
  it.each([
    canonical,
    canonical.toUpperCase(),
    canonical.replaceAll("-", ""),
    `{${canonical}}`,
    `urn:uuid:${canonical}`,
    `URN:UUID:${canonical.toUpperCase()}`,
  ])("reads %s as the canonical UUID (python uuid.UUID / go uuid.Parse forms)", (segment) => {
    expect(normaliseClientId(segment)).toBe(canonical);
  });

  it.each([
    "",
    "nope",
    canonical.slice(0, -1),
    `${canonical}0`,
    canonical.replace("f", "g"),
    "x".repeat(500),
    "../../etc/passwd",
  ])("refuses %s", (segment) => {
    expect(normaliseClientId(segment)).toBeNull();
  });
});

describe("env in the path", () => {
  it.each(["dev", "prod", "py-dev", "staging_2", "a".repeat(32), "prüfung", "本番", "ü".repeat(32)])(
    "accepts %s",
    (env) => {
      expect(normaliseEnv(env)).toBe(env);
    },
  );

  // Route params arrive percent-decoded; a "%" left in one was encoded twice.
  it.each(["", "a".repeat(33), "dev env", "dev.prod", "dev/x", "🙂", "a%20b", encodeURIComponent("prüfung"), "a%41"])(
    "refuses %s",
    (env) => {
      expect(normaliseEnv(env)).toBeNull();
    },
  );
});
