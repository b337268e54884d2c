// CPU and memory (RSS) of an app's instances over time, from the samples their syncs carry: per bucket, each
// instance's samples are averaged first (an instance syncing every 10 s weighs as much as one syncing every
// minute), then the average, lowest and highest of those across instances, and how many instances reported.
import { BUCKET_MINUTES, type Bucket } from "@/lib/buckets";
import { sql } from "@/lib/db";
import type { Filters } from "@/lib/filters";
import { fillSeries, type Filled, type SeriesPoint } from "@/lib/stats/series";
import { and, bucketSql, envIs } from "./where";

export interface ResourceValues {
  cpuAvg: number | null;
  cpuMin: number | null;
  cpuMax: number | null;
  /** Bytes. */
  rssAvg: number | null;
  rssMin: number | null;
  rssMax: number | null;
  instances: number | null;
}
export type ResourcePoint = SeriesPoint & Filled<ResourceValues>;

export interface ResourceUsage {
  bucket: Bucket;
  bucketMinutes: number;
  points: ResourcePoint[];
  /** Whether any instance sent a sample in the window. */
  hasSamples: boolean;
}

// A bucket without samples is "no data", never 0 % or 0 bytes.
const empty = (): ResourceValues => ({
  cpuAvg: null,
  cpuMin: null,
  cpuMax: null,
  rssAvg: null,
  rssMin: null,
  rssMax: null,
  instances: null,
});

export async function getResourceUsage(appId: number, f: Filters): Promise<ResourceUsage> {
  const { bucket } = f.window;
  const where = and(
    { text: `"ResourceSample"."appId" = ?`, params: [appId] },
    {
      text: `"ResourceSample"."ts" >= ? AND "ResourceSample"."ts" < ?`,
      params: [f.window.from * 60, f.window.to * 60],
    },
    f.env ? envIs(appId, `"Instance"."envId"`, f.env) : null,
  );
  const rows = await sql().all<{ bucket: number; cpu: number; rss: number }>(
    `SELECT ${bucketSql(`("ResourceSample"."ts" / 60)`, bucket)} AS "bucket", "ResourceSample"."instanceUuid",
       AVG("ResourceSample"."cpuPercent") AS "cpu", AVG("ResourceSample"."memoryRss") AS "rss"
     FROM "ResourceSample"
       JOIN "Instance" ON "Instance"."appId" = "ResourceSample"."appId"
         AND "Instance"."uuid" = "ResourceSample"."instanceUuid"
     WHERE ${where.text}
     GROUP BY 1, 2`,
    where.params,
  );
  const perBucket = new Map<number, { cpu: number[]; rss: number[] }>();
  for (const r of rows) {
    const b = Number(r.bucket);
    const acc = perBucket.get(b) ?? { cpu: [], rss: [] };
    acc.cpu.push(Number(r.cpu));
    acc.rss.push(Number(r.rss));
    perBucket.set(b, acc);
  }
  const values = new Map<number, ResourceValues>();
  for (const [b, { cpu, rss }] of perBucket) {
    values.set(b, {
      cpuAvg: mean(cpu),
      cpuMin: Math.min(...cpu),
      cpuMax: Math.max(...cpu),
      rssAvg: mean(rss),
      rssMin: Math.min(...rss),
      rssMax: Math.max(...rss),
      instances: cpu.length,
    });
  }
  return {
    bucket,
    bucketMinutes: BUCKET_MINUTES[bucket],
    points: fillSeries(f.window, values, empty),
    hasSamples: rows.length > 0,
  };
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
