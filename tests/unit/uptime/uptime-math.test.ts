import { describe, expect, it } from "vitest";
import { envState } from "@/lib/uptime/env-state";
import { dayBars, downSeconds, uptimeRatio } from "@/lib/uptime/uptime-math";

const DAY = 86_400;
const NOW = 100 * DAY + 12 * 3600; // noon UTC of day 100

describe("uptime from incidents", () => {
  it("counts overlapping incidents once", () => {
    const incidents = [
      { startedAt: 1000, endedAt: 2000 },
      { startedAt: 1500, endedAt: 2500 },
      { startedAt: 1600, endedAt: 1700 },
      { startedAt: 4000, endedAt: 4100 },
    ];
    expect(downSeconds(incidents, 0, 10_000, NOW)).toBe(1500 + 100);
    expect(uptimeRatio(incidents, 0, 10_000, 0, 10_000)).toBeCloseTo(1 - 1600 / 10_000);
  });

  it("clips incidents to the window, and the window to when monitoring could know", () => {
    const incidents = [{ startedAt: NOW - 2 * DAY, endedAt: NOW - DAY + 3600 }];
    // Only the last hour of the incident lies in the last 24 h.
    expect(uptimeRatio(incidents, NOW - DAY, NOW, 0, NOW)).toBeCloseTo(1 - 3600 / DAY);
    // Monitoring knew only the last 2 hours: one of them down.
    expect(uptimeRatio(incidents, NOW - DAY, NOW, NOW - DAY + 1800, NOW)).toBeCloseTo(1 - 1800 / (DAY - 1800));
    // Nothing known: no number at all, rather than 100 %.
    expect(uptimeRatio(incidents, NOW - DAY, NOW, null, NOW)).toBeNull();
    expect(uptimeRatio([], NOW - DAY, NOW, NOW + 10, NOW)).toBeNull();
  });

  it("lets an ongoing incident last until now", () => {
    const incidents = [{ startedAt: NOW - 600, endedAt: null }];
    expect(downSeconds(incidents, NOW - DAY, NOW, NOW)).toBe(600);
    expect(uptimeRatio(incidents, NOW - 3600, NOW, 0, NOW)).toBeCloseTo(5 / 6);
  });
});

describe("day bars", () => {
  it("has one bar per UTC day, today last, grey before data, coloured by downtime", () => {
    const incidents = [
      { startedAt: NOW - DAY - 300, endedAt: NOW - DAY }, // yesterday, 5 min: amber
      { startedAt: NOW - 3 * DAY, endedAt: NOW - 3 * DAY + 7200 }, // 3 days ago, 2 h: red
      { startedAt: NOW - 60, endedAt: null }, // ongoing today
    ];
    const bars = dayBars(incidents, NOW, NOW - 10 * DAY, 90);
    expect(bars).toHaveLength(90);
    expect(bars.at(-1)!.day).toBe(100 * DAY);
    expect(bars[0].day).toBe(11 * DAY);
    // Day 90 (10 days ago) is known from noon on; before it, no data.
    expect(bars.at(-11)).toMatchObject({ tone: "up", uptime: 1 });
    expect(bars.at(-12)).toMatchObject({ tone: "none", uptime: null, incidents: 0 });
    expect(bars.at(-2)).toMatchObject({ tone: "degraded", incidents: 1, downSeconds: 300 });
    expect(bars.at(-4)).toMatchObject({ tone: "down", incidents: 1, downSeconds: 7200 });
    expect(bars.at(-4)!.uptime).toBeCloseTo(1 - 7200 / DAY);
    // Today counts up to now only: 60 s down of 12 h.
    expect(bars.at(-1)).toMatchObject({ tone: "degraded", incidents: 1, downSeconds: 60 });
    expect(bars.at(-1)!.uptime).toBeCloseTo(1 - 60 / (12 * 3600));
  });

  it("counts an incident across midnight on both days", () => {
    const incidents = [{ startedAt: 98 * DAY - 600, endedAt: 98 * DAY + 600 }];
    const bars = dayBars(incidents, NOW, 0, 5);
    expect(bars.find((b) => b.day === 97 * DAY)).toMatchObject({ incidents: 1, downSeconds: 600 });
    expect(bars.find((b) => b.day === 98 * DAY)).toMatchObject({ incidents: 1, downSeconds: 600 });
  });
});

describe("environment state", () => {
  const base = { heartbeatEnabled: true, heartbeatDownSince: null, lastSeen: NOW - 10, check: null };
  it("is down while either monitor has an open incident, since the earlier", () => {
    expect(envState({ ...base, heartbeatDownSince: 500 })).toEqual({ tone: "down", label: "Down", since: 500 });
    expect(
      envState({ ...base, heartbeatDownSince: 500, check: { enabled: true, downSince: 400, lastRunAt: 1 } }).since,
    ).toBe(400);
  });
  it("is no data before anything arrived, and off when nothing watches", () => {
    expect(envState(base).tone).toBe("up");
    expect(envState({ ...base, lastSeen: null }).tone).toBe("none");
    expect(envState({ ...base, heartbeatEnabled: false }).tone).toBe("off");
    expect(
      envState({ ...base, heartbeatEnabled: false, check: { enabled: true, downSince: null, lastRunAt: 5 } }).tone,
    ).toBe("up");
  });
});
