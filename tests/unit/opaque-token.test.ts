import { describe, expect, it } from "vitest";
import { z } from "zod";
import { decodeOpaque, encodeOpaque } from "@/lib/opaque-token";

const tuple = z.tuple([z.number(), z.string()]);

describe("opaque page tokens", () => {
  it("round-trips values, non-ASCII included, as URL-safe text", () => {
    for (const v of [
      [1795897898.25, "0b9c…-uuid"],
      [0, "é 漢字 😀"],
      [2 ** 40, "+/="],
    ] as const) {
      const token = encodeOpaque(v);
      expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
      expect(decodeOpaque(token, tuple)).toEqual(v);
    }
  });

  it("gives null for anything it did not hand out", () => {
    const bad = ["", "!!!", "bm90IGpzb24", encodeOpaque({ after: 3 }), encodeOpaque([1]), "%%%", "////"];
    for (const token of bad) expect(decodeOpaque(token, tuple), token).toBeNull();
    // Invalid UTF-8 inside valid base64 is refused rather than decoded to replacement characters.
    expect(decodeOpaque(btoa("\xff\xfe"), z.string())).toBeNull();
  });
});
