import { describe, expect, it } from "vitest";
import {
  formatBytes,
  formatLogTime,
  formatMs,
  formatPercent,
  formatRate,
  relativeChange,
  timeLeft,
  urlPathAndQuery,
} from "@/lib/format";

describe("dashboard number formats", () => {
  it("formats durations, sizes, rates and percentages", () => {
    expect([formatMs(0), formatMs(0.4), formatMs(12.6), formatMs(1234), formatMs(null)]).toEqual([
      "0 ms",
      "<1 ms",
      "13 ms",
      "1.23 s",
      "—",
    ]);
    expect([formatBytes(999), formatBytes(1500), formatBytes(372_000_000)]).toEqual(["999 B", "1.5 KB", "372 MB"]);
    expect([formatPercent(0), formatPercent(0.0004), formatPercent(8 / 27), formatPercent(1)]).toEqual([
      "0%",
      "<0.1%",
      "29.6%",
      "100%",
    ]);
    expect([formatRate(27 / 60), formatRate(31.65)]).toEqual(["0.45", "31.6"]);
  });

  it("compares with the previous period only when there is one", () => {
    expect(relativeChange(150, 100)).toBe(0.5);
    expect(relativeChange(5, 0)).toBeNull();
    expect(relativeChange(0, 0)).toBe(0);
    expect(relativeChange(null, 3)).toBeNull();
  });
});

describe("timeLeft", () => {
  it("rounds up to the minute and never shows 60 minutes", () => {
    expect(timeLeft(86_400)).toBe("24 h");
    expect(timeLeft(86_399)).toBe("24 h");
    expect(timeLeft(86_340)).toBe("23 h 59 min");
    expect(timeLeft(3_601)).toBe("1 h 1 min");
    expect(timeLeft(61)).toBe("2 min");
    expect(timeLeft(1)).toBe("1 min");
  });
});

describe("request log formats", () => {
  it("gives a URL's path and query", () => {
    expect(urlPathAndQuery("https://api.example.com:8443/items/1?q=x#top")).toBe("/items/1?q=x#top");
    expect(urlPathAndQuery("http://127.0.0.1:3000")).toBe("/");
    expect(urlPathAndQuery("/already/relative")).toBe("/already/relative");
  });

  it("gives a request's time to the millisecond, with the day when it is not today", () => {
    const t = new Date(2026, 10, 28, 14, 3, 22, 71).getTime() / 1000; // local time
    expect(formatLogTime(t, { nowMs: t * 1000 + 60_000 })).toBe("14:03:22.071");
    expect(formatLogTime(t, { nowMs: t * 1000 + 86_400_000 })).toBe("Nov 28, 14:03:22.071");
    expect(formatLogTime(t, { day: true, nowMs: t * 1000 })).toBe("Nov 28, 14:03:22.071");
  });
});
