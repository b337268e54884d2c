// Fills an app with demo traffic through the hub's own parse + store code (the same path
// as a real /sync), one sync per minute of the period.
import { parseStartup, parseSync } from "../ingest/parse";
import { storeStartup } from "../store/startup";
import { storeSync } from "../store/sync";
import { DemoTraffic, type DemoOptions } from "./traffic";

export interface SeedProgress {
  done: number;
  total: number;
  rows: number;
}

export async function seedDemoTraffic(
  appId: number,
  env: string,
  opts: DemoOptions & { days: number; until?: number },
  onProgress?: (p: SeedProgress) => void,
): Promise<{ syncs: number; rows: number }> {
  const traffic = new DemoTraffic(opts);
  const until = Math.floor((opts.until ?? Date.now() / 1000) / 60) * 60;
  const from = until - opts.days * 86_400;
  const encode = (o: object) => Buffer.from(JSON.stringify(o));
  await storeStartup(appId, env, parseStartup(encode(traffic.startup())), { now: from });
  const total = (until - from) / 60;
  let rows = 0;
  for (let i = 0, t = from; t < until; i++, t += 60) {
    const payload = traffic.syncFor(t);
    rows += payload.requests.length;
    await storeSync(appId, env, parseSync(encode(payload)), { now: t + 30 });
    if (onProgress && (i % 200 === 0 || t + 60 >= until)) onProgress({ done: i + 1, total, rows });
  }
  return { syncs: total, rows };
}
