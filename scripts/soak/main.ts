// `npm run soak` — many simulated Apitally instances syncing against one real server for a long while (issue 14):
// whether anything is lost or counted twice (a conservation check against the database, tests/helpers/conservation.ts),
// and whether ingest latency and the server's memory stay flat over the run. It prints figures; nothing passes or fails.
//
//   npm run soak -- [options]
//   --db sqlite|postgres   the database of the server it starts (default sqlite; postgres: a scratch database on
//                          TALLYHUB_PG_ADMIN_URL's server, dropped afterwards)
//   --url URL              soak a server that is already running instead; DATABASE_URL must name its database (the
//                          app is created there and the check reads it), --pid its process for the memory samples
//   --instances N          simulated instances (default 200), each syncing a captured payload shape with its own
//                          endpoints and consumers, resending a failed sync every second (10 tries) like the clients
//   --interval S           seconds between one instance's syncs (default 10)
//   --minutes M            length of the run (default 10; fractions allowed)
//   --synchronous N        instead of soaking: N syncs stored one after another on a SQLite file with
//                          synchronous=NORMAL and with FULL, the cost of an fsync per commit (scripts/soak/synchronous.ts)
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { openPrisma, openSql } from "../../lib/db/connect";
import { conserve } from "../../tests/helpers/conservation";
import { createApp } from "../../tests/helpers/factory";
import { startTestStack } from "../../tests/helpers/stack";
import { driveInstances, type Attempt } from "../../tests/helpers/sync-traffic";
import { finishCleanly, pgDatabaseOf, startWatchdog, track } from "../bench/cleanup";
import { loadAverage } from "../bench/machine";
import { groupPeak } from "../bench/memory";
import { bytes, int, ms, percentile, table } from "../bench/stats";
import { measureSynchronous } from "./synchronous";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
process.chdir(ROOT);
process.env.NEXT_TELEMETRY_DISABLED ??= "1";

const { values: args } = parseArgs({
  options: {
    db: { type: "string", default: "sqlite" },
    url: { type: "string" },
    pid: { type: "string" },
    instances: { type: "string", default: "200" },
    interval: { type: "string", default: "10" },
    minutes: { type: "string", default: "10" },
    synchronous: { type: "string" },
  },
});

const positive = (name: string, v: string | undefined) => {
  const n = Number(v);
  if (!(n > 0)) throw new Error(`--${name} must be a positive number, got ${v}`);
  return n;
};

if (args.synchronous) {
  console.log(await measureSynchronous(positive("synchronous", args.synchronous)));
  process.exit(0);
}

const kind = args.db;
if (kind !== "sqlite" && kind !== "postgres") throw new Error(`--db must be sqlite or postgres, got ${kind}`);
const instances = positive("instances", args.instances);
const intervalMs = positive("interval", args.interval) * 1000;
const durationMs = positive("minutes", args.minutes) * 60_000;
const SAMPLE_MS = 10_000;

startWatchdog();
const target = await openTarget();
const prisma = openPrisma(target.databaseUrl);
const db = openSql(target.databaseUrl);
try {
  const app = await createApp({ name: "Soak", envs: ["prod"] }, prisma);
  const loadStart = loadAverage();
  const attempts: Attempt[] = [];
  const rss: { at: number; bytes: number }[] = [];
  const sampleRss = () => {
    if (target.pid) rss.push({ at: Date.now(), bytes: sumRss(target.pid) });
  };
  const t0 = Date.now();
  sampleRss();
  const sampler = setInterval(sampleRss, SAMPLE_MS);
  progress(
    `soaking ${target.baseUrl} (${kind}): ${instances} instances, a sync each every ${intervalMs / 1000} s, ` +
      `${durationMs / 60_000} min`,
  );
  const ticker = setInterval(
    () => progress(`  ${Math.round((Date.now() - t0) / 1000)} s, ${attempts.length} requests`),
    60_000,
  );
  const ledger = await driveInstances({
    url: `${target.baseUrl}/v2/${app.clientId}/prod/sync`,
    instances,
    intervalMs,
    done: () => Date.now() - t0 >= durationMs,
    delivery: { attempts: 10, retryMs: 1000, onAttempt: (a) => attempts.push(a) },
  });
  clearInterval(sampler);
  clearInterval(ticker);
  sampleRss();
  const check = await conserve(db, app.id, ledger);
  console.log(report({ t0, attempts, rss, check, loadStart, loadEnd: loadAverage() }));
} finally {
  await prisma.$disconnect();
  await db.close();
  await target.stop();
  finishCleanly();
}

function progress(line: string) {
  process.stderr.write(`${line}\n`);
}

/** The server to soak: one started here on a fresh database, or the one --url names. */
async function openTarget(): Promise<{ baseUrl: string; databaseUrl: string; pid?: number; stop(): Promise<void> }> {
  if (args.url) {
    const databaseUrl = process.env.DATABASE_URL;
    if (!databaseUrl) throw new Error("--url needs DATABASE_URL: the database of that server");
    return {
      baseUrl: args.url.replace(/\/$/, ""),
      databaseUrl,
      pid: args.pid ? Number(args.pid) : undefined,
      stop: async () => {},
    };
  }
  progress(`starting a server on a fresh ${kind} database`);
  const stack = await startTestStack(kind as "sqlite" | "postgres", { server: true });
  const pgDatabase = pgDatabaseOf(stack.databaseUrl);
  const untrack = [
    track({ pid: stack.pid!, group: true }),
    track({ dir: stack.dataDir }),
    ...(pgDatabase ? [track({ pgDatabase })] : []),
  ];
  return {
    ...stack,
    async stop() {
      await stack.stop();
      untrack.forEach((u) => u());
    },
  };
}

/** Resident memory of the server's process group (the server and anything it forked). */
function sumRss(pid: number): number {
  return groupPeak(pid).processes.reduce((n, p) => n + p.vmRssBytes, 0);
}

interface Run {
  t0: number;
  attempts: Attempt[];
  rss: { at: number; bytes: number }[];
  check: Awaited<ReturnType<typeof conserve>>;
  loadStart: number[];
  loadEnd: number[];
}

function report({ t0, attempts, rss, check, loadStart, loadEnd }: Run): string {
  // The run's last resends and the last memory sample may fall just after its last whole minute: they count in it.
  const minutes = Math.max(1, Math.ceil(durationMs / 60_000));
  const minuteOf = (at: number) => Math.min(minutes - 1, Math.floor((at - t0) / 60_000));
  const rows = Array.from({ length: minutes }, (_, m) => {
    const inMinute = attempts.filter((a) => minuteOf(a.at) === m);
    const latencies = inMinute.filter((a) => a.status === 202).map((a) => a.ms);
    const lastRss = rss.filter((s) => minuteOf(s.at) <= m).at(-1);
    return [
      String(m + 1),
      int(inMinute.length),
      int(inMinute.filter((a) => a.status !== 202).length),
      ms(percentile(latencies, 50)),
      ms(percentile(latencies, 99)),
      lastRss ? bytes(lastRss.bytes) : "—",
    ];
  });
  const ok = attempts.filter((a) => a.status === 202);
  const ratio = (a: number, b: number) => (Number.isFinite(b / a) ? `${(b / a).toFixed(2)}×` : "—");
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  /** Last third of the run against its first third, the run counted from `skipMs` in (to leave out a warm-up). */
  const flatness = (skipMs: number) => {
    const third = (t: number) => Math.min(2, Math.floor((3 * (t - t0 - skipMs)) / (durationMs - skipMs)));
    const p99 = (k: number) =>
      percentile(
        ok.filter((a) => a.at - t0 >= skipMs && third(a.at) === k).map((a) => a.ms),
        99,
      );
    const memory = (k: number) => mean(rss.filter((r) => r.at - t0 >= skipMs && third(r.at) === k).map((r) => r.bytes));
    return (
      `p99 ingest latency ${ratio(p99(0), p99(2))} (${ms(p99(0))} → ${ms(p99(2))}), ` +
      `server RSS ${ratio(memory(0), memory(2))} (${bytes(memory(0))} → ${bytes(memory(2))})`
    );
  };
  const failures = new Map<number, number>();
  for (const a of attempts) if (a.status !== 202) failures.set(a.status, (failures.get(a.status) ?? 0) + 1);
  const failureText =
    [...failures]
      .map(([status, n]) => `${status === 0 ? "no answer (30 s timeout or connection failed)" : status} ×${n}`)
      .join(", ") || "none";
  return [
    `Load average (1, 5, 15 min): ${loadStart.join(", ")} at the start, ${loadEnd.join(", ")} at the end`,
    "",
    table(["minute", "requests", "not 202", "p50", "p99", "server RSS"], rows, [0, 1, 2, 3, 4, 5]),
    "",
    `sent ${int(check.sent)} syncs, acknowledged ${int(check.acknowledged)}, stored ${int(check.stored)}`,
    `lost ${int(check.lost)} (after a 202: ${int(check.lostAfterAck)}), doubled ${int(check.requestsDoubled)} ` +
      `requests (${int(check.requestsStored)} in the rollups, ${int(check.requestsExpected)} sent in stored syncs; ` +
      `daily rollup ${int(check.requestsStoredDaily)}), receipts nobody sent ${int(check.extra)}`,
    `answers other than 202 (each resent): ${failureText}`,
    `flatness, last third ÷ first third: ${flatness(0)}`,
    ...(durationMs > 3 * 60_000 ? [`  the same after the first minute (warm-up): ${flatness(60_000)}`] : []),
  ].join("\n");
}
