// `npm run bench` — Tallyhub's figures on SQLite and PostgreSQL (issue 5): ingest over HTTP
// beside the raw insert rate of the same rows, OTLP exports (/v1/metrics, /v1/traces) beside
// the hub's 500-row sync on the same server, the read models on demo data with and
// without the coarse rollups, the Traffic page in Chromium, and the servers' peak memory.
// It reports figures, ratios and how they compare with the goals; nothing passes or fails.
// Prints a table on stdout (progress on stderr) and writes bench-results/bench-<time>.json
// and bench-results/latest.json.
//
//   npm run bench -- [options]
//   --kinds sqlite,postgres      databases (default both)
//   --only ingest,otlp,reads,page,alerts,logs,signin,stall,search  sections (default all; peak memory comes with ingest, otlp and page)
//   --rules N                    alert rules evaluated in one tick (default 1000)
//   --log-rows N                 request logs in the logs section's own databases (default 1,000,000; reseeded
//                                when it changes; --reseed rebuilds them too)
//   --runs N                     repeated runs, each figure is their median (default 5, --quick 3)
//   --quick                      short runs for a smoke test (2 s load windows, 8 syncs per size and OTLP kind)
//   --duration S                 seconds per sustained-ingest and raw-insert window (default 10)
//   --demo-days N                days of demo data (default 30; the demo databases are
//   --consumers N --endpoints N --rows-per-minute N --seed N     reseeded when the scale changes)
//   --reseed                     rebuild the demo databases even when they match
//   --minute-runs N              runs of the per-minute-only read comparison (default = --runs)
//   --build                      run `next build` first (it runs anyway when .next/BUILD_ID is missing)
//   --gzip                       gzip the /sync bodies (the official clients send plain JSON)
//   --flood-seconds S            length of the sign-in flood at least (default 20, --quick 5)
//   --flooders N                 sign-in requests in flight during it (default 16: as many as the password threads and
//                                their default queue take, so none is answered "busy"; more shows the busy answers)
//   --stall-rows N --stall-syncs N   the stall section's syncs: request rows each (default 30,000) and how many (5)
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { DEFAULT_DEMO } from "../../lib/demo/traffic";
import type { AlertsOutput } from "./alerts";
import { finishCleanly, startWatchdog, track } from "./cleanup";
import { ensureDemo, type DemoDb, type DemoScale } from "./demo";
import { benchIngest, type IngestResult, type Kind } from "./ingest";
import type { LogsOutput } from "./logs";
import { ensureLogsDb, logsSidecarPath, logsUrl } from "./logs-db";
import { loadAverage, machineFacts, type Machine } from "./machine";
import type { TreePeak } from "./memory";
import { benchOtlp, type OtlpResult } from "./otlp";
import { benchPage, CHROMIUM, type PageResult } from "./page";
import type { ReadsOutput } from "./reads";
import { benchSearch, type SearchResult } from "./search";
import { benchSignIn, signInReport, type SignInResult } from "./signin";
import { benchStall, type StallResult } from "./stall";
import { bytes, goalAtLeast, goalAtMost, int, median, ms, pct, rounded, table, times, type Goal } from "./stats";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
process.chdir(ROOT);
try {
  process.loadEnvFile();
} catch {
  /* no .env */
}
// The read models' tier switch is set per child process below, never inherited.
delete process.env.TALLYHUB_ROLLUP_TIER;
process.env.CHECKPOINT_DISABLE ??= "1";
process.env.NEXT_TELEMETRY_DISABLED ??= "1";

const KINDS = ["sqlite", "postgres"] as const;
const SECTIONS = ["ingest", "otlp", "reads", "page", "alerts", "logs", "signin", "stall", "search"] as const;

const GOALS = {
  sync500P95Ms: 20,
  sustainedVsRaw: 0.5,
  read30dP95Ms: 100,
  trafficChartMs: 1500,
  otlpVsHub: 1,
  alertTickMs: 5000,
  logListP95Ms: 300,
  logBodySearchP95Ms: 2000,
  logFileStoreP95Ms: 100,
};

const { values: args } = parseArgs({
  options: {
    kinds: { type: "string", default: KINDS.join(",") },
    only: { type: "string", default: SECTIONS.join(",") },
    runs: { type: "string" },
    quick: { type: "boolean", default: false },
    "demo-days": { type: "string", default: "30" },
    consumers: { type: "string", default: String(DEFAULT_DEMO.consumers) },
    endpoints: { type: "string", default: String(DEFAULT_DEMO.endpoints) },
    "rows-per-minute": { type: "string", default: String(DEFAULT_DEMO.rowsPerMinute) },
    seed: { type: "string", default: String(DEFAULT_DEMO.seed) },
    reseed: { type: "boolean", default: false },
    build: { type: "boolean", default: false },
    duration: { type: "string" },
    "minute-runs": { type: "string" },
    gzip: { type: "boolean", default: false },
    rules: { type: "string", default: "1000" },
    "log-rows": { type: "string", default: "1000000" },
    "flood-seconds": { type: "string" },
    flooders: { type: "string", default: "16" },
    "stall-rows": { type: "string", default: "30000" },
    "stall-syncs": { type: "string", default: "5" },
    help: { type: "boolean", short: "h", default: false },
  },
});

if (args.help) {
  const source = readFileSync(fileURLToPath(import.meta.url), "utf8").split("\n");
  console.log(
    source
      .slice(
        0,
        source.findIndex((l) => !l.startsWith("//")),
      )
      .map((l) => l.replace(/^\/\/ ?/, ""))
      .join("\n"),
  );
  process.exit(0);
}

function list<T extends string>(raw: string, allowed: readonly T[], name: string): T[] {
  const items = raw
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const bad = items.filter((s) => !allowed.includes(s as T));
  if (bad.length || items.length === 0)
    throw new Error(`--${name} takes a comma-separated list of ${allowed.join(", ")} (got ${raw})`);
  return allowed.filter((a) => items.includes(a));
}

function positive(raw: string | undefined, name: string): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name} must be a positive number`);
  return n;
}

const kinds = list(args.kinds!, KINDS, "kinds");
const only = list(args.only!, SECTIONS, "only");
const quick = args.quick!;
const runs = Math.round(positive(args.runs, "runs") ?? (quick ? 3 : 5));
const scale: DemoScale = {
  days: positive(args["demo-days"], "demo-days")!,
  consumers: positive(args.consumers, "consumers")!,
  endpoints: positive(args.endpoints, "endpoints")!,
  rowsPerMinute: positive(args["rows-per-minute"], "rows-per-minute")!,
  seed: positive(args.seed, "seed")!,
};
const defaultScale =
  scale.days === 30 &&
  scale.consumers === DEFAULT_DEMO.consumers &&
  scale.endpoints === DEFAULT_DEMO.endpoints &&
  scale.rowsPerMinute === DEFAULT_DEMO.rowsPerMinute;
const plan = {
  runs,
  ingest: {
    warmup: quick ? 2 : 10,
    syncsPerRun: quick ? 8 : 30,
    durationMs: (positive(args.duration, "duration") ?? (quick ? 2 : 10)) * 1000,
    sizes: [10, 100, 500, 1000],
    clients: [1, 8, 32],
  },
  // Per run: warm-up then timed requests of each kind (hub sync, metrics export, trace export).
  otlp: { warmup: quick ? 2 : 10, requestsPerRun: quick ? 8 : 30, series: 500, spans: 512 },
  reads: { warmup: 1, runs, minuteRuns: Math.round(positive(args["minute-runs"], "minute-runs") ?? runs) },
  page: { warmPerRun: quick ? 3 : 5 },
  alerts: { rules: Math.round(positive(args.rules, "rules")!) },
  logs: { rows: Math.round(positive(args["log-rows"], "log-rows")!), runs: quick ? 3 : 10, files: quick ? 5 : 20 },
  signin: {
    floodMs: (positive(args["flood-seconds"], "flood-seconds") ?? (quick ? 5 : 20)) * 1000,
    flooders: Math.round(positive(args.flooders, "flooders")!),
    samples: quick ? 10 : 40,
  },
};

const log = (s: string) => process.stderr.write(`${s}\n`);

// --- The production build the servers run ------------------------------------------------
async function ensureBuild(): Promise<{ id: string | null; at: Date | null }> {
  const buildId = path.resolve(".next/BUILD_ID");
  const needsServer =
    only.includes("ingest") || only.includes("otlp") || only.includes("page") || only.includes("signin");
  if (needsServer && (args.build || !existsSync(buildId))) {
    log(
      args.build
        ? "building (--build): npx next build"
        : "no production build (.next/BUILD_ID missing): running npx next build first",
    );
    await new Promise<void>((resolve, reject) => {
      const child = spawn(process.execPath, ["node_modules/next/dist/bin/next", "build"], {
        stdio: ["ignore", "inherit", "inherit"],
      });
      child.on("error", reject);
      child.on("exit", (code) =>
        code === 0
          ? resolve()
          : reject(new Error(`next build failed (exit ${code}); run \`npx next build\` and retry`)),
      );
    });
  }
  if (!existsSync(buildId)) return { id: null, at: null };
  return { id: readFileSync(buildId, "utf8").trim(), at: statSync(buildId).mtime };
}

// --- Read models and alert rules: one child process per database (and tier) ------------------
/** Runs a bench script on the demo database in its own process; its last stdout line is its JSON result. */
function runChild<T>(label: string, script: string, childArgs: string[], env: NodeJS.ProcessEnv): Promise<T> {
  // react-server: lib/db is marked server-only, which outside Next.js only this condition allows.
  return new Promise((resolve, reject) => {
    const child = spawn(path.resolve("node_modules/.bin/tsx"), ["--conditions=react-server", script, ...childArgs], {
      env,
      stdio: ["ignore", "pipe", "inherit"],
    });
    const untrack = child.pid ? track({ pid: child.pid, group: false }) : () => undefined;
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.on("error", reject);
    child.on("exit", (code) => {
      untrack();
      if (code !== 0) return reject(new Error(`${label} exited ${code}`));
      try {
        resolve(JSON.parse(out.trim().split("\n").pop()!) as T);
      } catch (e) {
        reject(new Error(`${label} printed no JSON: ${(e as Error).message}`));
      }
    });
  });
}

function runReads(demo: DemoDb, tier: "auto" | "minute", withSize: boolean): Promise<ReadsOutput> {
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: demo.url };
  if (tier === "minute") env.TALLYHUB_ROLLUP_TIER = "minute";
  const childRuns = tier === "minute" ? plan.reads.minuteRuns : plan.reads.runs;
  // The per-minute baseline takes seconds per question at 30 days: no warm-up run for it.
  const childArgs = ["--runs", String(childRuns), "--warmup", String(tier === "minute" ? 0 : plan.reads.warmup)];
  if (withSize) childArgs.push("--size");
  return runChild(`read bench (${demo.kind}, tier ${tier})`, "scripts/bench/reads.ts", childArgs, env);
}

function runAlerts(demo: DemoDb): Promise<AlertsOutput> {
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: demo.url };
  const childArgs = ["--rules", String(plan.alerts.rules), "--runs", String(runs)];
  return runChild(`alerts bench (${demo.kind})`, "scripts/bench/alerts.ts", childArgs, env);
}

async function runLogs(kind: Kind): Promise<LogsOutput> {
  const { seeded, car } = await ensureLogsDb(kind, { rows: plan.logs.rows, seed: 42, reseed: args.reseed! });
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: logsUrl(kind) };
  const childArgs = ["--rows", String(plan.logs.rows), "--runs", String(plan.logs.runs)];
  childArgs.push("--files", String(plan.logs.files));
  if (seeded) env.LOGS_SIDECAR = JSON.stringify(car);
  else {
    log(`[${kind}] logs: seeding ${int(plan.logs.rows)} request logs (a new database; later runs reuse it)`);
    childArgs.push("--seed", logsSidecarPath(kind));
  }
  return runChild(`logs bench (${kind})`, "scripts/bench/logs.ts", childArgs, env);
}

interface ReadsResult {
  kind: Kind;
  demo: DemoDb;
  auto: ReadsOutput;
  minute: ReadsOutput;
}

// --- Run ------------------------------------------------------------------------------------
const startedAt = new Date();
const build = await ensureBuild();
startWatchdog();
const machine: Machine = machineFacts(build);
if (only.includes("page") && !existsSync(CHROMIUM)) {
  throw new Error(`${CHROMIUM} is missing: run scripts/ensure-test-services.sh (as root) or set CHROMIUM_PATH`);
}

const results: {
  ingest: Partial<Record<Kind, IngestResult>>;
  otlp: Partial<Record<Kind, OtlpResult>>;
  reads: Partial<Record<Kind, ReadsResult>>;
  page: Partial<Record<Kind, PageResult>>;
  alerts: Partial<Record<Kind, AlertsOutput>>;
  logs: Partial<Record<Kind, LogsOutput>>;
  signin: Partial<Record<Kind, SignInResult>>;
  stall: Partial<Record<Kind, StallResult>>;
  search: Partial<Record<Kind, SearchResult>>;
} = {
  ingest: {},
  otlp: {},
  reads: {},
  page: {},
  alerts: {},
  logs: {},
  signin: {},
  stall: {},
  search: {},
};
for (const kind of kinds) {
  if (only.includes("ingest")) {
    results.ingest[kind] = await benchIngest(kind, { ...plan.ingest, runs, gzip: args.gzip!, log });
  }
  if (only.includes("otlp")) {
    results.otlp[kind] = await benchOtlp(kind, { ...plan.otlp, runs, gzip: args.gzip!, log });
  }
  let demo: DemoDb | null = null;
  if (only.includes("reads") || only.includes("page") || only.includes("alerts"))
    demo = await ensureDemo(kind, scale, { reseed: args.reseed!, log });
  if (demo && only.includes("reads")) {
    log(
      `[${kind}] reads: ${plan.reads.runs} timed runs per question after ${plan.reads.warmup} warm-up, rollups as ` +
        `the app picks them`,
    );
    const auto = await runReads(demo, "auto", true);
    log(`[${kind}] reads: the same with TALLYHUB_ROLLUP_TIER=minute`);
    const minute = await runReads(demo, "minute", false);
    results.reads[kind] = { kind, demo, auto, minute };
  }
  if (demo && only.includes("page")) {
    results.page[kind] = await benchPage(kind, demo, { runs, warmPerRun: plan.page.warmPerRun, log });
  }
  if (demo && only.includes("alerts")) {
    log(`[${kind}] alerts: ${plan.alerts.rules} rules over the demo app, ${runs} ticks`);
    results.alerts[kind] = await runAlerts(demo);
  }
  if (only.includes("logs")) results.logs[kind] = await runLogs(kind);
  if (only.includes("signin")) results.signin[kind] = await benchSignIn(kind, { ...plan.signin, log });
  if (only.includes("stall")) {
    const rows = Math.round(positive(args["stall-rows"], "stall-rows")!);
    const syncs = Math.round(positive(args["stall-syncs"], "stall-syncs")!);
    log(
      `[${kind}] stall: the Traffic view polled every 20 ms, idle and while ${syncs} syncs of ${int(rows)} rows are stored`,
    );
    results.stall[kind] = await benchStall(kind, { rows, syncs, idleMs: quick ? 2000 : 5000, log });
  }
  if (only.includes("search")) results.search[kind] = await benchSearch(kind, { runs: quick ? 5 : 20, log });
}
machine.loadAverageEnd = loadAverage();
finishCleanly();
const finishedAt = new Date();

// --- Report ---------------------------------------------------------------------------------
interface GoalRecord extends Goal {
  goal: string;
  kind: Kind;
  subject: string;
  value: number;
  limit: number;
}
const goals: GoalRecord[] = [];
const record = (kind: Kind, goal: string, subject: string, value: number, limit: number, g: Goal) => {
  goals.push({ goal, kind, subject, value, limit, ...g });
  return g.text;
};

const out: string[] = [];
const say = (s = "") => out.push(s);
const gib = (b: number) => `${(b / 1024 ** 3).toFixed(1)} GiB`;

say(
  `Tallyhub benchmark, ${startedAt.toISOString()} (took ` +
    `${((finishedAt.getTime() - startedAt.getTime()) / 60_000).toFixed(1)} min)`,
);
say(
  `machine: ${machine.cpuModel}, ${machine.cores} cores, ${gib(machine.ramBytes)} RAM, node ${machine.node}, ` +
    `${machine.platform}`,
);
say(
  `code:    ${machine.gitBranch} @ ` +
    `${machine.gitCommit.slice(0, 12)}${machine.gitDirty ? " (uncommitted changes)" : ""}; next build ` +
    `${machine.nextBuildId ?? "none"}${machine.nextBuiltAt ? ` from ${machine.nextBuiltAt}` : ""}`,
);
say(
  `load average (1/5/15 min): ${machine.loadAverageStart.join(" ")} at start, ${machine.loadAverageEnd.join(" ")} ` +
    `at the end`,
);
const quickNote = quick ? " (--quick: short runs, a smoke test, not figures to quote)" : "";
say(
  `runs:    ${runs} run${runs === 1 ? "" : "s"}${quickNote}: ingest and page figures are the median over the runs, ` +
    `ratios are taken`,
);
say(
  `         within each run and then the median; read-model p50/p95 are over ${runs} timed ` +
    `run${runs === 1 ? "" : "s"} of each question`,
);
say(`         no figure passes or fails: the goal column says met, or missed by how much`);

if (Object.keys(results.ingest).length) {
  const i0 = Object.values(results.ingest)[0]!;
  const p500 = i0.payloads.find((p) => p.requestRows === 500)!;
  say();
  say(
    `1. INGEST over HTTP (POST /v2/<clientId>/prod/sync → 202, ` +
      `${args.gzip ? "gzip JSON" : "plain JSON like the captured clients"}, a fresh database and next start per kind)`,
  );
  say(
    `   a 500-row sync is ${bytes(p500.sentBytes)} and becomes ${int(i0.sample.tableRows)} table rows ` +
      `(${i0.sample.tables.map((t) => `${t.name} ${int(t.rows)}`).join(", ")})`,
  );
  say(
    `   latency: sequential syncs, ${plan.ingest.warmup} warm-up then ${plan.ingest.syncsPerRun} timed per size and ` +
      `run (p50/p95 within a run, median over runs)`,
  );
  say(
    `   sustained: ${plan.ingest.clients.join(" / ")} concurrent clients (each its own app), 500-row syncs, ` +
      `${plan.ingest.durationMs / 1000} s each; the load generator shares the machine`,
  );
  say(
    `   raw insert = the physical limit: the same rows into the same tables, direct driver, prepared multi-row ` +
      `INSERTs, one transaction per 500-row batch;`,
  );
  say(
    `   SQLite with its one writer, PostgreSQL with 1 / 8 / 32 connections (the best counts); rows/s count request ` +
      `rows (500 per sync or batch)`,
  );
  const rows: string[][] = [];
  for (const kind of kinds) {
    const r = results.ingest[kind];
    if (!r) continue;
    for (const size of plan.ingest.sizes) {
      const l = r.median.latency[size];
      const goal =
        size === 500
          ? record(
              kind,
              "500-row sync ≤ 20 ms p95",
              "HTTP POST 500 rows p95",
              l.p95,
              GOALS.sync500P95Ms,
              goalAtMost(l.p95, GOALS.sync500P95Ms, ms, "≤ 20 ms p95"),
            )
          : "";
      rows.push([`sync of ${size} rows over HTTP`, kind, `p50 ${ms(l.p50)}`, `p95 ${ms(l.p95)}`, "", goal]);
    }
    const s = r.median.storeSync500;
    rows.push([
      "storeSync 500 rows, no HTTP",
      kind,
      `p50 ${ms(s.p50)}`,
      `p95 ${ms(s.p95)}`,
      "",
      record(
        kind,
        "500-row sync ≤ 20 ms p95",
        "storeSync 500 rows p95",
        s.p95,
        GOALS.sync500P95Ms,
        goalAtMost(s.p95, GOALS.sync500P95Ms, ms, "≤ 20 ms p95"),
      ),
    ]);
    const cpu = r.median.storeSync500Cpu;
    rows.push([
      `  … its CPU time${kind === "postgres" ? " (client side)" : ""}`,
      kind,
      `p50 ${ms(cpu.p50)}`,
      `p95 ${ms(cpu.p95)}`,
      "",
      "",
    ]);
    const parse = r.median.parse500;
    rows.push(["parseSync 500 rows (before storing)", kind, `p50 ${ms(parse.p50)}`, `p95 ${ms(parse.p95)}`, "", ""]);
    for (const x of r.median.sustained) {
      rows.push([
        `sustained, ${x.clients} client${x.clients > 1 ? "s" : ""}`,
        kind,
        `${int(x.requestRowsPerSec)} rows/s`,
        x.failed ? `${x.failed} not 202` : "",
        `${pct(x.ratioToRaw)} of raw`,
        record(
          kind,
          "sustained ingest ≥ 50 % of raw",
          `${x.clients} client(s)`,
          x.ratioToRaw,
          GOALS.sustainedVsRaw,
          goalAtLeast(x.ratioToRaw * 100, GOALS.sustainedVsRaw * 100, (d) => `${d.toFixed(0)} points`, "≥ 50 % of raw"),
        ),
      ]);
    }
    for (const x of r.median.raw)
      rows.push([
        `raw insert, ${x.concurrency} connection${x.concurrency > 1 ? "s" : ""}`,
        kind,
        `${int(x.requestRowsPerSec)} rows/s`,
        "",
        "",
        "",
      ]);
    rows.push(["limit: best raw rate of each run", kind, `${int(r.median.rawBest)} rows/s`, "", "100 %", ""]);
  }
  say();
  say(table(["measure", "db", "value", "", "vs raw", "goal"], rows, [2, 3, 4]));
}

if (Object.keys(results.otlp).length) {
  const o0 = Object.values(results.otlp)[0]!;
  const b = o0.bodies;
  const ratio = (x: number) => (Number.isFinite(x) ? `${x.toFixed(2)}×` : "—");
  say();
  say(
    `1b. OTLP INGEST over HTTP (POST /v1/metrics and /v1/traces → 200, protobuf + gzip as apitally-py 1.x sends ` +
      `them, Bearer write token;`,
  );
  say(
    `    a fresh database and next start per kind), beside the hub's ${plan.otlp.series}-row sync (POST ` +
      `/v2/<clientId>/prod/sync → 202, ${args.gzip ? "gzip JSON" : "plain JSON"}) on the same server`,
  );
  say(
    `   metrics export: ${plan.otlp.series} series (method, route, status, consumer), scope apitally, delta ` +
      `exponential histograms at scale 3 (duration, response size,`,
  );
  say(
    `   request size for methods with a body) with exemplars, plus process gauges: ${int(b.metrics.items)} data ` +
      `points, ${bytes(b.metrics.sentBytes)} gzip of ${bytes(b.metrics.rawBytes)} protobuf`,
  );
  say(
    `   trace export: ${plan.otlp.spans} SERVER spans (headers, JSON bodies, consumers, exception events on 500s) ` +
      `with 1–2 children each: ${int(b.traces.items)} spans,`,
  );
  say(
    `   ${bytes(b.traces.sentBytes)} gzip of ${bytes(b.traces.rawBytes)} protobuf; the hub sync is ` +
      `${bytes(b.hub.sentBytes)}${args.gzip ? ` (${bytes(b.hub.rawBytes)} JSON)` : ""}; every request is a fresh ` +
      `minute and a distinct body`,
  );
  say(
    `   latency: sequential, the three kinds in turn, ${plan.otlp.warmup} warm-up then ${plan.otlp.requestsPerRun} ` +
      `timed requests of each per run (p50/p95 within a run, median over runs);`,
  );
  say(
    `   vs hub = OTLP / hub sync of the same run, then the median. "…" rows: the receiver's steps on the same kind ` +
      `of body in the benchmark's`,
  );
  say(
    `   process, no HTTP (gunzip + body hash, protobuf decode, OTLP zod schema, mapping into hub payloads, the ` +
      `store transaction)`,
  );
  const rows: string[][] = [];
  const stageNames = {
    gunzip: "gunzip + body hash",
    decode: "protobuf decode",
    schema: "OTLP zod schema",
    map: "map to hub payloads",
    store: "store (one transaction)",
    total: "sum of the steps",
  };
  for (const kind of kinds) {
    const r = results.otlp[kind];
    if (!r) continue;
    const l = r.median.latency;
    rows.push([
      `hub sync of ${plan.otlp.series} rows over HTTP`,
      kind,
      `p50 ${ms(l.hub.p50)}`,
      `p95 ${ms(l.hub.p95)}`,
      bytes(r.bodies.hub.sentBytes),
      "",
      "",
      "",
    ]);
    const h = r.median.directHub;
    rows.push(["  … parseSync (JSON + zod)", kind, `p50 ${ms(h.parse.p50)}`, `p95 ${ms(h.parse.p95)}`, "", "", "", ""]);
    rows.push(["  … storeSync", kind, `p50 ${ms(h.store.p50)}`, `p95 ${ms(h.store.p95)}`, "", "", "", ""]);
    for (const c of ["metrics", "traces"] as const) {
      const x = r.median.ratio[c];
      const label =
        c === "metrics"
          ? `OTLP metrics, ${plan.otlp.series} series over HTTP`
          : `OTLP traces, ${plan.otlp.spans} SERVER spans over HTTP`;
      const worst = Math.max(x.p50, x.p95);
      rows.push([
        label,
        kind,
        `p50 ${ms(l[c].p50)}`,
        `p95 ${ms(l[c].p95)}`,
        bytes(r.bodies[c].sentBytes),
        ratio(x.p50),
        ratio(x.p95),
        record(
          kind,
          "OTLP export no slower per request than the hub path",
          `${c} vs 500-row sync (worse of p50, p95 ratios)`,
          worst,
          GOALS.otlpVsHub,
          goalAtMost(worst, GOALS.otlpVsHub, (d) => `${(d * 100).toFixed(0)} %`, "≤ hub p50 & p95"),
        ),
      ]);
      for (const [stage, name] of Object.entries(stageNames)) {
        const s = r.median.direct[c][stage as keyof typeof stageNames];
        rows.push([`  … ${name}`, kind, `p50 ${ms(s.p50)}`, `p95 ${ms(s.p95)}`, "", "", "", ""]);
      }
    }
  }
  say();
  say(table(["measure", "db", "p50", "p95", "body", "vs hub p50", "vs hub p95", "goal"], rows, [2, 3, 4, 5, 6]));
  const bad = kinds.filter((k) => results.otlp[k] && !results.otlp[k]!.sanityOk);
  say(
    bad.length
      ? `   WARNING: on ${bad.join(", ")} the database does not hold what was sent (see otlp.*.runs[].sanity in the ` +
          `JSON): these figures measured less than it seems`
      : `   checked after each run: every export has its receipt, the histograms' request counts are in ` +
          `RequestRollup, one request log per SERVER span`,
  );
}

if (Object.keys(results.reads).length) {
  say();
  say(
    `2. READ MODELS on the demo app (lib/queries/*, the windows end just after the newest data; ${plan.reads.runs} ` +
      `timed runs after ${plan.reads.warmup} warm-up, p95 of ${plan.reads.runs} runs is ` +
      `${plan.reads.runs <= 19 ? "the slowest" : "nearest-rank"})`,
  );
  say(
    `   "minute only" is the same question in a second process with TALLYHUB_ROLLUP_TIER=minute (per-minute rows ` +
      `only, no warm-up${plan.reads.minuteRuns !== plan.reads.runs ? `, ${plan.reads.minuteRuns} runs` : ""}); ` +
      `speed-up = minute p50 / auto p50`,
  );
  const sizeRows: string[][] = [];
  for (const kind of kinds) {
    const r = results.reads[kind];
    if (!r?.auto.size) continue;
    const days = (r.auto.nowMs - r.auto.dataFromMs) / 86_400_000;
    const roll = r.auto.size.tables;
    sizeRows.push([
      kind,
      `${days.toFixed(1)} days`,
      int(roll.find((t) => t.name === "RequestRollup")?.rows ?? NaN),
      roll
        .filter((t) => t.name !== "RequestRollup")
        .map((t) => `${t.name} ${int(t.rows)}`)
        .join(", "),
      bytes(r.auto.size.dbBytes),
      `${r.demo.scale.days} d × ${r.demo.scale.consumers} consumers × ${r.demo.scale.endpoints} endpoints × ` +
        `${r.demo.scale.rowsPerMinute} rows/min`,
      r.demo.seededAt.slice(0, 16).replace("T", " "),
    ]);
  }
  say();
  say(
    table(
      ["db", "data span", "RequestRollup rows", "other rollup tables (rows)", "db size", "demo scale", "seeded (UTC)"],
      sizeRows,
      [2, 4],
    ),
  );
  if (!defaultScale)
    say(
      `   (not the default scale of 30 days × 500 consumers × 100 endpoints: the 30 d goal below is only indicative)`,
    );
  const rows: string[][] = [];
  for (const kind of kinds) {
    const r = results.reads[kind];
    if (!r) continue;
    for (const a of r.auto.timings) {
      const m = r.minute.timings.find((t) => t.question === a.question && t.period === a.period)!;
      const goal =
        a.period === "30d"
          ? record(
              kind,
              "every read model ≤ 100 ms p95 over 30 d",
              a.question,
              a.p95,
              GOALS.read30dP95Ms,
              goalAtMost(a.p95, GOALS.read30dP95Ms, ms, "≤ 100 ms p95"),
            ) + (defaultScale ? "" : " (small data)")
          : "";
      rows.push([a.question, a.period, kind, ms(a.p50), ms(a.p95), ms(m.p50), ms(m.p95), times(m.p50 / a.p50), goal]);
    }
  }
  say();
  say(
    table(
      ["question", "period", "db", "p50", "p95", "minute only p50", "p95", "speed-up", "goal"],
      rows,
      [3, 4, 5, 6, 7],
    ),
  );
}

if (Object.keys(results.page).length) {
  say();
  say(
    `3. PAGE: Traffic view, 30 days, Chromium (${CHROMIUM}), time from navigation start until the chart's bars are ` +
      `drawn`,
  );
  say(
    `   cold = first visit on a freshly started server in a fresh browser context (signed in through the form ` +
      `beforehand); warm = ${plan.page.warmPerRun} more visits`,
  );
  const rows: string[][] = [];
  for (const kind of kinds) {
    const r = results.page[kind];
    if (!r) continue;
    rows.push([
      "cold",
      kind,
      ms(r.median.coldMs),
      record(
        kind,
        "Traffic chart drawn ≤ 1.5 s",
        "cold",
        r.median.coldMs,
        GOALS.trafficChartMs,
        goalAtMost(r.median.coldMs, GOALS.trafficChartMs, ms, "≤ 1.5 s"),
      ),
    ]);
    rows.push([
      "warm",
      kind,
      ms(r.median.warmMs),
      record(
        kind,
        "Traffic chart drawn ≤ 1.5 s",
        "warm",
        r.median.warmMs,
        GOALS.trafficChartMs,
        goalAtMost(r.median.warmMs, GOALS.trafficChartMs, ms, "≤ 1.5 s"),
      ),
    ]);
  }
  say();
  say(table(["visit", "db", "bars drawn", "goal"], rows, [2]));
  const seeded = Object.values(results.reads)[0]?.demo.seededAt ?? null;
  if (seeded)
    say(
      `   (the page's 30 days end now; the demo data ends when it was seeded, ` +
        `${seeded.slice(0, 16).replace("T", " ")} UTC)`,
    );
}

if (Object.keys(results.alerts).length) {
  say();
  say(
    `5. ALERT RULES: ${plan.alerts.rules} rules over the demo app (every metric, windows 1–60 min, a third ` +
      `filtered by consumer, group or endpoint), all due in one tick, evaluated as the server's monitor does`,
  );
  say(
    `   CPU = the evaluating process (on PostgreSQL the database server's own CPU is not in it); the goal: a tick ` +
      `≤ 5 s, i.e. under 10 % of one core at one tick a minute`,
  );
  const rows: string[][] = [];
  for (const kind of kinds) {
    const r = results.alerts[kind];
    if (!r) continue;
    rows.push([
      `${int(r.evaluated)} rules, one tick`,
      kind,
      `p50 ${ms(r.tickMs.p50)}`,
      `p95 ${ms(r.tickMs.p95)}`,
      `CPU p50 ${ms(r.cpuMs.p50)}`,
      `${pct(r.tickMs.p50 / 60_000)} of a minute`,
      record(
        kind,
        "1,000 rules per tick ≤ 5 s",
        "tick p95",
        r.tickMs.p95,
        GOALS.alertTickMs,
        goalAtMost(r.tickMs.p95, GOALS.alertTickMs, ms, "≤ 5 s"),
      ),
    ]);
  }
  say();
  say(table(["measure", "db", "tick", "", "", "duty", "goal"], rows, [2, 3, 4, 5]));
}

if (Object.keys(results.logs).length) {
  say();
  say(
    `8. REQUEST LOGS: the Requests list's first page (getRequestList, ${plan.logs.runs} timed runs after one ` +
      `warm-up, period 30 days) over each database's own logs; ${plan.logs.files - 1} 1,000-line log files through ` +
      `the /log route's code (after one warm-up) staged then expanded, and ${plan.logs.files} more arriving every ` +
      `250 ms while the expander works; the CSV export of env=staging streamed; one retention pass at 15 days, ` +
      `rolled back`,
  );
  const rows: string[][] = [];
  for (const kind of kinds) {
    const r = results.logs[kind];
    if (!r) continue;
    say(
      `   ${kind}: ${int(r.rows)} logs over ${r.days} days, ${r.seededNow ? "seeded now" : "seeded earlier"} in ` +
        `${int(r.seedSeconds)} s (${r.seedPath}); database ${r.sizeBytes ? bytes(r.sizeBytes) : "?"}` +
        (r.migrated.length ? `; applied ${r.migrated.join(", ")} to it in ${ms(r.migrateMs)}` : ""),
    );
    for (const q of r.queries) {
      const body = /body/.test(q.name);
      const limit = body ? GOALS.logBodySearchP95Ms : GOALS.logListP95Ms;
      const label = body ? "≤ 2 s p95" : "≤ 300 ms p95";
      rows.push([
        q.name,
        kind,
        `p50 ${ms(q.p50)}`,
        `p95 ${ms(q.p95)}`,
        `${q.found}${q.more ? "+" : ""}`,
        record(
          kind,
          body ? "log body search ≤ 2 s" : "log list filter ≤ 300 ms",
          q.name,
          q.p95,
          limit,
          goalAtMost(q.p95, limit, ms, label),
        ),
      ]);
    }
    const st = r.store;
    rows.push([
      "a 1,000-line log file stored (202)",
      kind,
      `p50 ${ms(st.stagedMs.p50)}`,
      `p95 ${ms(st.stagedMs.p95)}`,
      "",
      record(
        kind,
        "log file stored ≤ 100 ms",
        "gunzip + first line + staged",
        st.stagedMs.p95,
        GOALS.logFileStoreP95Ms,
        goalAtMost(st.stagedMs.p95, GOALS.logFileStoreP95Ms, ms, "≤ 100 ms p95"),
      ),
    ]);
    rows.push([
      "  … expanded (parse + insert)",
      kind,
      `p50 ${ms(st.expandMs.p50)}`,
      `p95 ${ms(st.expandMs.p95)}`,
      "",
      "",
    ]);
    rows.push(["  … visible in the list", kind, `p50 ${ms(st.visibleMs.p50)}`, `p95 ${ms(st.visibleMs.p95)}`, "", ""]);
    rows.push(["  … expander", kind, `${int(st.expandLinesPerSecond)} lines/s`, "", "", ""]);
    rows.push([
      `  … stored (202), a file every ${st.streamGapMs} ms`,
      kind,
      `p50 ${ms(st.streamStagedMs.p50)}`,
      `p95 ${ms(st.streamStagedMs.p95)}`,
      "",
      `all visible after ${ms(st.streamDrainMs)}`,
    ]);
    const ex = r.exportCsv;
    rows.push([
      "CSV export, env=staging",
      kind,
      ms(ex.ms),
      "",
      `${int(ex.rows)}`,
      `${int(ex.rowsPerSecond)} rows/s, RSS ${int(ex.rssBeforeMb)} → peak ${int(ex.rssPeakMb)} MB`,
    ]);
    rows.push([
      "retention pass, 15 days",
      kind,
      ms(r.retention.ms),
      "",
      `${int(r.retention.deleted)} of ${int(r.retention.before)} deleted`,
      "",
    ]);
  }
  say();
  say(table(["measure", "db", "p50", "p95", "rows", "goal"], rows, [2, 3, 4]));
}

if (Object.keys(results.signin).length) {
  say();
  for (const line of signInReport(Object.values(results.signin), plan.signin)) say(line);
}
if (Object.keys(results.stall).length) {
  say();
  say(
    "12. STALL: a signed-in Traffic view request (JSON, what the page polls) every 20 ms over HTTP, on an idle server " +
      "and while huge syncs are stored one after another",
  );
  const rows: string[][] = [];
  for (const kind of kinds) {
    const r = results.stall[kind];
    if (!r) continue;
    say(
      `   ${kind}: ${r.syncMs.length} syncs of ${int(r.rows)} request rows (${bytes(r.bodyBytes)} JSON), ` +
        `${int(r.dbRowsPerSync)} database rows each`,
    );
    rows.push(["dashboard, idle", kind, `p99 ${ms(r.idle.p99Ms)}`, `max ${ms(r.idle.maxMs)}`, int(r.idle.n)]);
    rows.push([
      "dashboard, during syncs",
      kind,
      `p99 ${ms(r.loaded.p99Ms)}`,
      `max ${ms(r.loaded.maxMs)}`,
      int(r.loaded.n),
    ]);
    rows.push([
      "one huge sync (POST → 202)",
      kind,
      `p50 ${ms(median(r.syncMs))}`,
      `max ${ms(Math.max(...r.syncMs))}`,
      "",
    ]);
  }
  say();
  say(table(["measure", "db", "", "", "requests"], rows, [2, 3, 4]));
}

if (Object.keys(results.search).length) {
  say();
  say(
    "13. OPTION SEARCH: the filter bar's search as you type (GET /api/apps/:id/options/:kind?q=…) on an app at its " +
      "endpoint and consumer caps, signed in, over HTTP",
  );
  const rows: string[][] = [];
  for (const kind of kinds) {
    const r = results.search[kind];
    if (!r) continue;
    say(`   ${kind}: ${int(r.endpoints)} endpoints, ${int(r.consumers)} consumers`);
    for (const t of r.timings) rows.push([t.kind, `"${t.q}"`, kind, int(t.matches), ms(t.p50), ms(t.p95), int(t.n)]);
  }
  say();
  say(table(["search", "text", "db", "matches", "p50", "p95", "runs"], rows, [3, 4, 5, 6]));
}

const peaks: [string, Kind, TreePeak | null][] = [];
for (const kind of kinds) {
  if (results.ingest[kind]) peaks.push(["after ingest", kind, results.ingest[kind]!.serverPeak]);
  if (results.otlp[kind]) peaks.push(["after OTLP ingest", kind, results.otlp[kind]!.serverPeak]);
  if (results.page[kind]) peaks.push(["after page (largest of the runs)", kind, results.page[kind]!.serverPeak]);
}
if (peaks.length) {
  say();
  say(
    `4. PEAK MEMORY of the server: VmHWM from /proc/<pid>/status over next start's process group (sum; largest ` +
      `single process)`,
  );
  say();
  say(
    table(
      ["server", "db", "VmHWM sum", "largest process", "processes"],
      peaks.map(([when, kind, p]) => [
        when,
        kind,
        p ? bytes(p.sumBytes) : "—",
        p ? bytes(p.maxBytes) : "—",
        p ? p.processes.map((x) => x.name).join("; ") : "",
      ]),
      [2, 3],
    ),
  );
}

const missed = goals.filter((g) => g.met === false);
say();
say(
  `goals: ${goals.length - missed.length} of ${goals.length} ` +
    `met${missed.length ? `; missed: ${[...new Set(missed.map((g) => `${g.goal} (${g.kind})`))].join("; ")}` : ""}`,
);

const report = out.join("\n");
console.log(report);

// --- JSON ---------------------------------------------------------------------------------
const stamp = startedAt.toISOString().replace(/[:.]/g, "-");
mkdirSync("bench-results", { recursive: true });
const json = rounded({
  startedAt: startedAt.toISOString(),
  finishedAt: finishedAt.toISOString(),
  options: { kinds, only, runs, quick, gzip: args.gzip, scale, defaultScale, plan },
  machine,
  goals,
  ingest: results.ingest,
  otlp: results.otlp,
  reads: Object.fromEntries(
    Object.entries(results.reads).map(([k, r]) => [
      k,
      {
        ...r,
        speedUp: r.auto.timings.map((a) => {
          const m = r.minute.timings.find((t) => t.question === a.question && t.period === a.period)!;
          return { question: a.question, period: a.period, autoP50: a.p50, minuteP50: m.p50, speedUp: m.p50 / a.p50 };
        }),
      },
    ]),
  ),
  page: results.page,
  alerts: results.alerts,
  logs: results.logs,
  signin: results.signin,
  stall: results.stall,
  search: results.search,
  memory: peaks.map(([when, kind, p]) => ({ when, kind, ...p })),
  medianOf: `median of ${runs} runs`,
  report,
});
const file = path.join("bench-results", `bench-${stamp}.json`);
writeFileSync(file, `${JSON.stringify(json, null, 2)}\n`);
writeFileSync(path.join("bench-results", "latest.json"), `${JSON.stringify(json, null, 2)}\n`);
log(`\nwrote ${file} and bench-results/latest.json`);
