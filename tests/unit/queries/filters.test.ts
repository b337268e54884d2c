import { describe, expect, it } from "vitest";
import { presetWindow } from "@/lib/buckets";
import { filtersToSearchParams, parseFilters, pickFilterParams } from "@/lib/filters";
import { likePattern } from "@/lib/queries/where";

const NOW = Date.UTC(2026, 2, 10, 14, 37, 20);
const parse = (q: string) => parseFilters(new URLSearchParams(q), NOW);

describe("parseFilters", () => {
  it("defaults to all environments over the last 24 hours", () => {
    const { filters, issues } = parse("");
    expect(issues).toEqual([]);
    expect(filters).toMatchObject({
      env: null,
      period: "24h",
      consumer: null,
      group: null,
      endpoint: null,
      method: null,
      status: null,
    });
    expect(filters.window).toEqual(presetWindow("24h", NOW));
  });

  it("parses every filter", () => {
    const { filters, issues } = parse(
      "env=prod&period=7d&consumer=12&group=3&endpoint=get%20/items/*&method=post&status=4XX",
    );
    expect(issues).toEqual([]);
    expect(filters).toMatchObject({
      env: "prod",
      period: "7d",
      consumer: 12,
      group: 3,
      endpoint: { text: "get /items/*", method: "GET", pattern: "/items/*" },
      method: "POST",
      status: { text: "4xx", min: 400, max: 500 },
    });
    expect(filters.window.bucket).toBe("hour");
  });

  it("reads an endpoint id, a bare path search and a single status code", () => {
    expect(parse("endpoint=42").filters.endpoint).toEqual({ id: 42 });
    expect(parse("endpoint=/users").filters.endpoint).toEqual({ text: "/users", method: null, pattern: "/users" });
    expect(parse("status=404").filters.status).toEqual({ text: "404", min: 404, max: 405 });
    expect(parse("env=all").filters.env).toBeNull();
  });

  it("parses a custom range (ISO or epoch seconds) and infers period=custom from from+to", () => {
    const iso = parse("period=custom&from=2026-03-09T10:00Z&to=2026-03-09T12:00Z").filters;
    expect(iso.period).toBe("custom");
    expect(iso.window).toMatchObject({
      from: Date.UTC(2026, 2, 9, 10) / 60_000,
      to: Date.UTC(2026, 2, 9, 12) / 60_000,
      bucket: "minute",
    });
    const epoch = parse(`from=${Date.UTC(2026, 2, 1) / 1000}&to=${Date.UTC(2026, 2, 5) / 1000}`).filters;
    expect(epoch).toMatchObject({ period: "custom", window: { bucket: "hour" } });
  });

  it("falls back per parameter and reports what it ignored", () => {
    const { filters, issues } = parse(
      "period=1y&consumer=abc&status=4x&method=GE+T&endpoint=" + "x".repeat(301) + "&env=prod",
    );
    expect(filters).toMatchObject({
      period: "24h",
      consumer: null,
      status: null,
      method: null,
      endpoint: null,
      env: "prod",
    });
    expect(issues.map((i) => i.param).sort()).toEqual(["consumer", "endpoint", "method", "period", "status"]);
    expect(issues.find((i) => i.param === "status")!.message).toMatch(/4xx/);
  });

  it("rejects an empty or reversed custom range and an out-of-range id", () => {
    expect(parse("period=custom").filters.period).toBe("24h");
    expect(parse("period=custom&from=2026-03-09T12:00Z&to=2026-03-09T10:00Z").issues[0].param).toBe("period");
    expect(parse("from=garbage&to=2026-03-09T10:00Z").issues.map((i) => i.param)).toEqual(["from"]);
    expect(parse("consumer=99999999999").filters.consumer).toBeNull();
    expect(parse("consumer=-1").filters.consumer).toBeNull();
  });

  it("accepts Next's searchParams objects (arrays take the first value)", () => {
    expect(parseFilters({ env: ["dev", "prod"], period: "1h" }, NOW).filters).toMatchObject({
      env: "dev",
      period: "1h",
    });
  });
});

describe("filtersToSearchParams", () => {
  it("round-trips and leaves defaults out", () => {
    const q =
      "env=prod&period=custom&from=2026-03-09T10:00Z&to=2026-03-09T12:00Z&consumer=12&endpoint=GET+%2Fitems%2F*&status=5xx";
    const p = filtersToSearchParams(parse(q).filters);
    expect([...p]).toEqual([...new URLSearchParams(q)]);
    expect(filtersToSearchParams(parse("period=24h&env=all").filters).toString()).toBe("");
  });

  it("keeps only filter params", () => {
    expect(pickFilterParams(new URLSearchParams("env=prod&tab=x&status=")).toString()).toBe("env=prod");
  });
});

describe("endpoint search patterns", () => {
  it("treats * as the wildcard, everything else literally, and a plain text as contains", () => {
    expect(likePattern("/items/*")).toBe("/items/%");
    expect(likePattern("/a_b%")).toBe("%/a\\_b\\%%");
    expect(likePattern("items")).toBe("%items%");
  });
});
