import { describe, expect, it } from "vitest";
import { toCsv } from "@/lib/csv";

describe("toCsv", () => {
  it("flattens nested objects into parent_child columns, in first-seen order, with CRLF lines", () => {
    expect(
      toCsv([
        { endpoint: { id: 1, method: "GET", path: "/items" }, requests: 3, rate: null },
        { endpoint: { id: 2, method: "POST", path: "/items" }, requests: 1, extra: true },
      ]),
    ).toBe(
      "endpoint_id,endpoint_method,endpoint_path,requests,rate,extra\r\n" +
        "1,GET,/items,3,,\r\n" +
        "2,POST,/items,1,,true\r\n",
    );
  });

  it("quotes separators, quotes and line breaks, and defuses spreadsheet formulas", () => {
    expect(toCsv([{ a: 'say "hi", ok', b: "two\nlines", c: "=HYPERLINK(1)", d: -5, e: ["body", "name"] }])).toBe(
      'a,b,c,d,e\r\n"say ""hi"", ok","two\nlines",\'=HYPERLINK(1),-5,body.name\r\n',
    );
  });
});
