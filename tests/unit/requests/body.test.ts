import { describe, expect, it } from "vitest";
import { base64Fragments, bodyContains, decodeBody } from "@/lib/requests/body";

const b64 = (s: string | Buffer) => Buffer.from(s).toString("base64");

describe("decodeBody", () => {
  it("pretty-prints JSON and keeps the text as sent", () => {
    expect(decodeBody(b64('{"a":1,"b":[true]}'))).toEqual({
      kind: "json",
      text: '{"a":1,"b":[true]}',
      pretty: '{\n  "a": 1,\n  "b": [\n    true\n  ]\n}',
    });
  });

  it("shows text, unparseable JSON as text, and binary as bytes", () => {
    expect(decodeBody(b64("hello"))).toEqual({ kind: "text", text: "hello" });
    expect(decodeBody(b64('{"cut'), "application/json")).toEqual({ kind: "text", text: '{"cut' });
    expect(decodeBody(b64(Buffer.from([0xff, 0xfe, 0x00])))).toMatchObject({ kind: "binary", bytes: 3 });
  });

  it("recognises the clients' sentinels and missing bodies", () => {
    expect(decodeBody(b64("<masked>"))).toEqual({ kind: "masked" });
    expect(decodeBody(b64("<body too large>"))).toEqual({ kind: "too-large" });
    expect(decodeBody(null)).toEqual({ kind: "none" });
    expect(decodeBody("")).toEqual({ kind: "none" });
  });
});

describe("base64Fragments", () => {
  // Every alignment of the needle inside some text: one of the fragments is in its base64.
  it.each(["x", "ab", "Widget", "naïve ✓", '"error":"boom"'])("finds %j at every offset", (needle) => {
    const fragments = base64Fragments(needle);
    for (let pad = 0; pad < 6; pad++) {
      for (const tail of ["", "z", "zz", "zzz"]) {
        const encoded = b64(`${"p".repeat(pad)}${needle}${tail}`);
        expect(fragments.some((f) => encoded.includes(f))).toBe(true);
      }
    }
  });

  it("gives fragments a text without the needle does not contain", () => {
    const encoded = b64("a long body with many words but not the one we look for");
    expect(base64Fragments("Widget").some((f) => encoded.includes(f))).toBe(false);
  });
});

describe("bodyContains", () => {
  it("matches exact bytes, case-sensitively", () => {
    expect(bodyContains(b64('{"name":"Widget"}'), "Widget")).toBe(true);
    expect(bodyContains(b64('{"name":"Widget"}'), "widget")).toBe(false);
    expect(bodyContains(null, "x")).toBe(false);
    expect(bodyContains(b64("<masked>"), "mask")).toBe(false);
  });
});
