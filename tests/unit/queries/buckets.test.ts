import { describe, expect, it } from "vitest";
import {
  bucketForSpan,
  bucketMinutesCovered,
  bucketStart,
  bucketStarts,
  customWindow,
  elapsedMinutes,
  isPartialBucket,
  presetWindow,
} from "@/lib/buckets";

// 2026-03-10T14:37:20Z
const NOW = Date.UTC(2026, 2, 10, 14, 37, 20);
const NOW_MIN = Math.floor(NOW / 60_000);
const HOUR = Math.floor(NOW_MIN / 60) * 60;
const DAY = Math.floor(NOW_MIN / 1440) * 1440;

describe("preset windows", () => {
  it("1h: the last 60 minutes including the current one, per minute", () => {
    const w = presetWindow("1h", NOW);
    expect(w).toMatchObject({ from: NOW_MIN - 59, to: NOW_MIN + 1, bucket: "minute", now: NOW_MIN });
    expect(w.previous).toEqual({ from: NOW_MIN - 119, to: NOW_MIN - 59 });
    expect(bucketStarts(w)).toHaveLength(60);
  });

  it("24h: 24 hourly buckets ending with the current hour", () => {
    const w = presetWindow("24h", NOW);
    expect(w).toMatchObject({ from: HOUR - 23 * 60, to: NOW_MIN + 1, bucket: "hour" });
    const starts = bucketStarts(w);
    expect(starts).toHaveLength(24);
    expect(starts[0]).toBe(HOUR - 23 * 60);
    expect(starts[23]).toBe(HOUR);
    // the previous window is as long as this one (23 h 38 min), right before it
    expect(w.previous).toEqual({ from: w.from - (23 * 60 + 38), to: w.from });
  });

  it("7d: hourly, 30d: daily buckets aligned to UTC midnight", () => {
    expect(bucketStarts(presetWindow("7d", NOW))).toHaveLength(168);
    const w = presetWindow("30d", NOW);
    expect(w).toMatchObject({ from: DAY - 29 * 1440, bucket: "day" });
    expect(bucketStarts(w)).toHaveLength(30);
    expect(new Date(bucketStarts(w)[0] * 60_000).toISOString()).toBe("2026-02-09T00:00:00.000Z");
  });

  it("marks only the bucket holding the current minute partial", () => {
    const w = presetWindow("24h", NOW);
    const starts = bucketStarts(w);
    expect(starts.filter((s) => isPartialBucket(s, w))).toEqual([HOUR]);
  });
});

describe("custom windows", () => {
  it("uses the whole minutes of the range and a bucket fitting its length", () => {
    const from = Date.UTC(2026, 2, 9, 10, 0, 30);
    const to = Date.UTC(2026, 2, 9, 12, 0, 0);
    const w = customWindow(from, to, NOW)!;
    expect(w).toMatchObject({ from: Math.floor(from / 60_000), to: to / 60_000, bucket: "minute" });
    expect(w.previous).toEqual({ from: w.from - 120, to: w.from });
    expect(bucketStarts(w).some((s) => isPartialBucket(s, w))).toBe(false);
  });

  it("cuts the range at the current minute and rejects empty ranges", () => {
    expect(customWindow(NOW - 3_600_000, NOW + 86_400_000, NOW)!.to).toBe(NOW_MIN + 1);
    expect(customWindow(NOW, NOW - 1, NOW)).toBeNull();
    expect(customWindow(NOW + 60_000 * 5, NOW + 60_000 * 10, NOW)).toBeNull();
  });

  it("picks minute up to 3 h, hour up to 8 days, then day", () => {
    expect(bucketForSpan(180)).toBe("minute");
    expect(bucketForSpan(181)).toBe("hour");
    expect(bucketForSpan(8 * 1440)).toBe("hour");
    expect(bucketForSpan(8 * 1440 + 1)).toBe("day");
  });

  it("lists buckets overlapping an unaligned range", () => {
    expect(bucketStarts({ from: 90, to: 200, bucket: "hour" })).toEqual([60, 120, 180]);
  });
});

describe("bucket math", () => {
  it("counts the minutes of a bucket inside the window that have begun", () => {
    const w = presetWindow("24h", NOW); // now 14:37
    expect(bucketMinutesCovered(HOUR, w)).toBe(38); // 14:00 … 14:37
    expect(bucketMinutesCovered(HOUR - 60, w)).toBe(60);
    expect(bucketMinutesCovered(90, { from: 100, to: 130, bucket: "hour", now: 500 })).toBe(30); // custom range cut on both sides
  });

  it("floors to the bucket", () => {
    expect(bucketStart(119, "hour")).toBe(60);
    expect(bucketStart(1440 * 3 + 5, "day")).toBe(1440 * 3);
    expect(bucketStart(77, "minute")).toBe(77);
  });

  it("counts elapsed minutes up to and including the current one", () => {
    expect(elapsedMinutes({ from: 100, to: 200 }, 149)).toBe(50);
    expect(elapsedMinutes({ from: 100, to: 200 }, 500)).toBe(100);
    expect(elapsedMinutes({ from: 100, to: 200 }, 50)).toBe(0);
  });
});
