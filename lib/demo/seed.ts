// Fills an app with demo traffic through the hub's own parse + store code (the same path
// as a real /sync), one sync per minute of the period.
import { parseStartup, parseSync } from "../ingest/parse";
import { storeSync } from "../ingest/store";
import { storeStartup } from "../store/startup";
import { DemoTraffic, type DemoOptions } from "./traffic";

export interface SeedProgress {
  done: number;
  total: number;
  rows: number;
}

export async function seedDemoTraffic(
  appId: number,
  env: string,
  opts: DemoOptions & { days: number; until?: number; concurrency?: number },
  onProgress?: (p: SeedProgress) => void,
): Promise<{ syncs: number; rows: number }> {
  const traffic = new DemoTraffic(opts);
  const until = Math.floor((opts.until ?? Date.now() / 1000) / 60) * 60;
  const from = until - opts.days * 86_400;
  const encode = (o: object) => Buffer.from(JSON.stringify(o));
  await storeStartup(appId, env, parseStartup(encode(traffic.startup())), { now: from });
  const total = (until - from) / 60;
  let rows = 0;
  // PostgreSQL stores several minutes at once (one connection each); SQLite has one writer.
  const parallel = Math.max(1, opts.concurrency ?? 1);
  for (let i = 0, t = from; t < until;) {
    const batch: Promise<unknown>[] = [];
    for (let k = 0; k < parallel && t < until; k++, i++, t += 60) {
      const payload = traffic.syncFor(t);
      rows += payload.requests.length;
      batch.push(storeSync(appId, env, parseSync(encode(payload)), { now: t + 30 }));
      if (onProgress && (i % 200 === 0 || t + 60 >= until)) onProgress({ done: i + 1, total, rows });
    }
    await Promise.all(batch);
  }
  return { syncs: total, rows };
}
