// Turns sparse per-bucket SQL rows into a chart series with one point per bucket.
// Past buckets without rows had no requests: they become zeros. The bucket holding the
// current minute is marked partial (more syncs will land in it) and, while it has no rows
// yet, carries nulls: "no data yet" must not be drawn as a drop to zero.
import { bucketStarts, isPartialBucket, type TimeWindow } from "@/lib/buckets";

export interface SeriesPoint {
  /** Bucket start, epoch seconds. */
  t: number;
  partial: boolean;
}

export type Filled<V> = { [K in keyof V]: V[K] | null };

export function fillSeries<V extends object>(
  window: TimeWindow,
  byBucket: Map<number, V>,
  zero: () => V,
): (SeriesPoint & Filled<V>)[] {
  return bucketStarts(window).map((start) => {
    const partial = isPartialBucket(start, window);
    const values = byBucket.get(start) ?? (partial ? nulls(zero()) : zero());
    return { t: start * 60, partial, ...values };
  });
}

function nulls<V extends object>(v: V): Filled<V> {
  return Object.fromEntries(Object.keys(v).map((k) => [k, null])) as Filled<V>;
}

/** Groups rows by their `bucket` column into objects built by `add`. */
export function groupByBucket<R extends { bucket: number }, V>(
  rows: R[],
  zero: () => V,
  add: (acc: V, row: R) => void,
): Map<number, V> {
  const out = new Map<number, V>();
  for (const row of rows) {
    const key = Number(row.bucket);
    const acc = out.get(key) ?? zero();
    add(acc, row);
    out.set(key, acc);
  }
  return out;
}
