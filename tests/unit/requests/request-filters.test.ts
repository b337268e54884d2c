import { describe, expect, it } from "vitest";
import { encodeCursor, parseRequestFilters, requestFiltersToSearchParams } from "@/lib/request-filters";

const parse = (q: string) => parseRequestFilters(new URLSearchParams(q), Date.UTC(2026, 2, 10, 14, 0));

describe("parseRequestFilters", () => {
  it("reads every filter and writes them back canonically", () => {
    const { request, issues } = parse(
      "url=items&minMs=10&maxMs=250.5&reqBody=a&resBody=b&ip=10.0.0.1&country=de&exception=1",
    );
    expect(issues).toEqual([]);
    expect(request).toEqual({
      url: "items",
      minMs: 10,
      maxMs: 250.5,
      reqBody: "a",
      resBody: "b",
      ip: "10.0.0.1",
      country: "DE",
      exception: true,
      cursor: null,
    });
    expect(requestFiltersToSearchParams(request).toString()).toBe(
      "url=items&minMs=10&maxMs=250.5&reqBody=a&resBody=b&ip=10.0.0.1&country=DE&exception=1",
    );
  });

  it("round-trips the cursor", () => {
    const cursor = { ts: 1795897889.271, id: "ec4245c5-dd69-4b4d-9648-643bc294f217" };
    expect(parse(`cursor=${encodeCursor(cursor)}`).request.cursor).toEqual(cursor);
  });

  it("names every bad param with a reason, shared ones included", () => {
    const { issues, request } = parse(
      "minMs=abc&maxMs=-1&ip=999.1.1.1&country=USA&exception=maybe&cursor=zzz&status=7xx",
    );
    expect(issues.map((i) => i.param).sort()).toEqual([
      "country",
      "cursor",
      "exception",
      "ip",
      "maxMs",
      "minMs",
      "status",
    ]);
    expect(issues.find((i) => i.param === "ip")?.message).toBe("ip must be an IPv4 or IPv6 address");
    expect(issues.find((i) => i.param === "country")?.message).toBe(
      "country must be a two-letter country code (ISO 3166-1 alpha-2)",
    );
    expect(request).toMatchObject({ minMs: null, maxMs: null, ip: null, country: null, exception: null, cursor: null });
    for (const bad of ["1A", "u", "ü s", "U-", "usa"]) {
      expect(
        parse(`country=${encodeURIComponent(bad)}`).issues.map((i) => i.param),
        bad,
      ).toEqual(["country"]);
    }
  });

  it("rejects a range whose maximum is below its minimum", () => {
    const { issues, request } = parse("minMs=100&maxMs=10");
    expect(issues).toEqual([{ param: "maxMs", message: "maxMs must not be below minMs" }]);
    expect(request).toMatchObject({ minMs: 100, maxMs: null });
  });
});
