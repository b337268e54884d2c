// Every environment variable the server reads, parsed once (zod) in this one module.
// Nothing else in app/, components/ or lib/ reads process.env (tests/unit/settings.test.ts
// checks that), and nothing writes to it. `settings()` parses on first use and caches;
// lib/server/boot.ts calls it first thing at server start, so a bad value stops the start
// with a message naming the variable instead of surfacing on some later request.
//
// Each entry carries its default and its meaning exactly as the README's Configuration
// table shows them; the same test fails when the two drift apart.
//
// Read elsewhere, on purpose:
// - NEXT_RUNTIME in instrumentation.ts: Next.js replaces it at build time per runtime, so it
//   must stay a literal `process.env.NEXT_RUNTIME` there. NODE_ENV and NEXT_* are Next's own.
// - next-auth reads its own optional AUTH_URL / NEXTAUTH_URL / AUTH_TRUST_HOST; it gets the
//   secret from us (lib/auth/config.ts), so its AUTH_SECRET lookup never decides anything.
// - PORT and HOST are used by `npm start` (scripts/start.mjs) and `next start`; they are
//   listed and checked here so the README table and the boot check cover them too.
// - Scripts (scripts/*, prisma/*.config.ts) and tests read their own variables.
import { z } from "zod";

type Env = Record<string, string | undefined>;

interface Entry {
  /** Value used when the variable is unset or empty, spelled as in the environment. */
  default?: string;
  /** Shown after the default in the README, in parentheses. */
  defaultNote?: string;
  /** README "Default" column for a variable without a default value. */
  whenUnset?: string;
  /** README "Meaning" column. */
  meaning: string;
  /** Parses the raw string (never empty: empty counts as unset). */
  schema: z.ZodType;
  /** What a valid value looks like, for the error message. */
  expected: string;
  /** How a bad value is quoted in the error message (secrets are not). */
  quote?: (raw: string) => string;
}

const wholeNumber = (min: number, max: number) => z.coerce.number().int().min(min).max(max);
const days = { schema: wholeNumber(1, 3650), expected: "a whole number of days from 1 to 3650" };
const cap = { schema: wholeNumber(1, 10_000_000), expected: "a whole number from 1 to 10000000" };

export const DEFAULT_DATABASE_URL = "file:./data/tallyhub.db";

/** The variables, in the order of the README's table. */
export const SETTINGS = {
  PORT: {
    default: "3000",
    meaning: "HTTP port",
    schema: wholeNumber(0, 65_535),
    expected: "a port number from 0 to 65535",
  },
  HOST: {
    default: "0.0.0.0",
    meaning: "Interface to listen on",
    schema: z.string(),
    expected: "a host name or IP address",
  },
  DATABASE_URL: {
    default: DEFAULT_DATABASE_URL,
    meaning:
      "`file:<path>` → embedded SQLite (relative to the working directory); " +
      "`postgresql://user:pass@host:5432/db` → PostgreSQL",
    schema: z.string().refine((url) => url.startsWith("file:") || /^postgres(ql)?:\/\//i.test(url)),
    expected: "a URL starting with file: or postgresql://",
    quote: (raw) => `${raw.split(":")[0]}:…`, // never the password
  },
  TALLYHUB_PUBLIC_URL: {
    whenUnset: "derived from the request",
    meaning:
      "The URL your apps reach Tallyhub at, shown in the setup snippets and linked from alert notifications " +
      "(no trailing slash), " +
      "e.g. `https://tallyhub.example.com`",
    // Trimmed and without trailing slashes: clients append "/v2/…" by plain concatenation.
    schema: z
      .string()
      .transform((s) => s.trim().replace(/\/+$/, ""))
      .refine((s) => s === "" || (/^https?:\/\/[^/]/i.test(s) && URL.canParse(s)))
      .transform((s) => s || undefined),
    expected: "an http:// or https:// URL, e.g. https://tallyhub.example.com",
  },
  AUTH_SECRET: {
    whenUnset: "generated once into `data/auth-secret`",
    meaning: "Secret that signs sessions. Set it when running several instances",
    schema: z.string(),
    expected: "a secret string",
    quote: () => "(hidden)",
  },
  TALLYHUB_DATA_DIR: {
    default: "./data",
    meaning: "Where the generated auth secret is kept",
    schema: z.string(),
    expected: "a directory path",
  },
  TALLYHUB_SIGNUP: {
    default: "invite",
    meaning:
      "Who may create an account once the first one (the instance admin) exists: `invite` only through an invitation link, `open` anyone, `closed` nobody",
    schema: z.enum(["invite", "open", "closed"]),
    expected: "invite, open or closed",
  },
  TALLYHUB_TRUSTED_PROXY_HOPS: {
    default: "0",
    meaning:
      "How many reverse proxies (a load balancer, a CDN) stand in front of Tallyhub and append to " +
      "`X-Forwarded-For`: the sign-in and sign-up limits count per client address, taken that many hops from the " +
      "right of that header. `0` uses the connection's own address and ignores the header, which any client can write",
    schema: wholeNumber(0, 10),
    expected: "a whole number from 0 to 10",
  },
  TALLYHUB_SIGNUPS_PER_HOUR: {
    default: "10",
    meaning:
      "With `TALLYHUB_SIGNUP=open`, how many sign-ups one client address may make in an hour " +
      "(the first account and invitation links are not counted)",
    schema: wholeNumber(1, 100_000),
    expected: "a whole number from 1 to 100000",
  },
  TALLYHUB_PASSWORD_WORKERS: {
    whenUnset: "one less than the CPU cores, at least 1",
    meaning:
      "Threads that hash and check passwords (bcrypt), beside the one serving requests, so sign-ins cannot " +
      "hold up ingest and the dashboards",
    schema: wholeNumber(1, 64),
    expected: "a whole number from 1 to 64",
  },
  TALLYHUB_PASSWORD_QUEUE: {
    default: "16",
    meaning:
      "How many password checks may wait for a free thread; past that a sign-in or sign-up is told the server is " +
      "busy and to try again",
    schema: wholeNumber(0, 10_000),
    expected: "a whole number from 0 to 10000",
  },
  TALLYHUB_INVITATION_DAYS: {
    default: "7",
    meaning: "How long an invitation link stays valid",
    schema: wholeNumber(1, 90),
    expected: "a whole number of days from 1 to 90",
  },
  TALLYHUB_ROTATION_GRACE_HOURS: {
    default: "24",
    meaning:
      "After a client ID or write token is rotated, how long the previous one keeps working (so apps can be redeployed without losing data)",
    schema: wholeNumber(0, 720),
    expected: "a whole number of hours from 0 to 720",
  },
  SMTP_URL: {
    whenUnset: "no email",
    meaning:
      "Mail server for invitation and alert emails, e.g. `smtp://user:pass@mail.example.com:587` (`smtps://` for TLS on connect). Without it, invitation links are only shown to copy",
    schema: z.string().refine((u) => /^smtps?:\/\/[^/]/i.test(u) && URL.canParse(u)),
    expected: "an smtp:// or smtps:// URL",
    quote: (raw) => `${raw.split(":")[0]}:…`, // never the password
  },
  SMTP_FROM: {
    default: "Tallyhub <tallyhub@localhost>",
    meaning: "The From address of Tallyhub's emails",
    schema: z.string().min(3),
    expected: "an address such as Tallyhub <tallyhub@example.com>",
  },
  TALLYHUB_RETENTION_MINUTE_DAYS: {
    default: "32",
    meaning: "Per-minute rollups younger than this keep minute resolution; older ones are folded into hours",
    ...days,
  },
  TALLYHUB_RETENTION_DAYS: {
    default: "396",
    defaultNote: "13 months",
    meaning: "All traffic and error rollups older than this are deleted",
    ...days,
  },
  TALLYHUB_RETENTION_LOG_DAYS: {
    default: "15",
    meaning: "Request logs older than this are deleted",
    ...days,
  },
  TALLYHUB_RETENTION_INTERVAL_MINUTES: {
    default: "60",
    meaning:
      "How often the server runs the retention pass (first pass a minute after start); `0` turns the schedule off",
    schema: wholeNumber(0, 10_080),
    expected: "a whole number of minutes from 0 to 10080",
  },
  TALLYHUB_MONITOR_INTERVAL_SECONDS: {
    default: "15",
    meaning:
      "How often the server checks uptime, evaluates due alert rules and sends notifications " +
      "(each rule and health check still runs at its own interval); `0` turns monitoring off on this server",
    schema: wholeNumber(0, 300),
    expected: "a whole number of seconds from 0 to 300",
  },
  TALLYHUB_ROLLUP_TIER: {
    default: "auto",
    meaning:
      "`minute` answers every dashboard question from the per-minute rows alone, skipping the hourly and daily " +
      "rollups: slower, for benchmarks (`npm run bench`) and for checking the rollups",
    schema: z.enum(["auto", "minute"]),
    expected: "auto or minute",
  },
  // Per-app caps (lib/store/caps.ts): past one, new keys of that kind are counted under the app's "(other)" row.
  TALLYHUB_MAX_ENVIRONMENTS: {
    default: "20",
    meaning:
      "Environments per app (each keeps at most one OpenAPI document); data for a new one past the cap is counted " +
      'under the environment "(other)"',
    ...cap,
  },
  TALLYHUB_MAX_ENDPOINTS: {
    default: "5000",
    meaning: 'Endpoints per app; a new one past the cap (e.g. a client reporting raw paths) is counted under "(other)"',
    ...cap,
  },
  TALLYHUB_MAX_CONSUMERS: {
    default: "100000",
    meaning: 'Consumers per app; a new one past the cap is counted under the consumer "(other)"',
    ...cap,
  },
  TALLYHUB_MAX_CONSUMER_GROUPS: {
    default: "1000",
    meaning: 'Consumer groups per app; a new one past the cap becomes the group "(other)"',
    ...cap,
  },
  TALLYHUB_MAX_ERRORS: {
    default: "10000",
    meaning: 'Validation and server error fingerprints per app; a new one past the cap is counted under "(other)"',
    ...cap,
  },
  TALLYHUB_MAX_INSTANCES: {
    default: "1000",
    meaning:
      "Client instances per app (an instance is forgotten `TALLYHUB_RETENTION_MINUTE_DAYS` after its last sync); " +
      'a new one past the cap is recorded as the instance "(other)"',
    ...cap,
  },
  TALLYHUB_INGEST_CONCURRENCY: {
    default: "auto",
    meaning:
      "Ingest requests (hub and OTLP) this server works on at once; more wait in a short queue, then get 503 with " +
      "`Retry-After`. `auto` is 4 on SQLite (one writer at a time) and 16 on PostgreSQL",
    schema: z.union([z.literal("auto"), wholeNumber(1, 1000)]),
    expected: "auto or a whole number from 1 to 1000",
  },
  TALLYHUB_INGEST_QUEUE: {
    default: "64",
    meaning: "Ingest requests that may wait (at most 5 s) for one of those slots; `0` refuses at once",
    schema: wholeNumber(0, 10_000),
    expected: "a whole number from 0 to 10000",
  },
  TALLYHUB_INGEST_RATE: {
    default: "50",
    meaning:
      "Hub requests (startup, sync, log) per second each client ID may send, on average: past it and the burst, " +
      "429 with `Retry-After`. Counted per server: with several servers each has its own bucket",
    schema: z.coerce.number().min(0.001).max(100_000),
    expected: "a number of requests per second from 0.001 to 100000",
  },
  TALLYHUB_INGEST_BURST: {
    default: "500",
    meaning: "Hub requests a client ID may send at once after a quiet spell (its token bucket's size)",
    schema: wholeNumber(1, 1_000_000),
    expected: "a whole number from 1 to 1000000",
  },
} as const satisfies Record<string, Entry>;

export type SettingName = keyof typeof SETTINGS;

type ValueOf<E extends Entry> = E extends { default: string }
  ? z.output<E["schema"]>
  : z.output<E["schema"]> | undefined;

export type Settings = { readonly [K in SettingName]: ValueOf<(typeof SETTINGS)[K]> };

/** A bad value; the message names every offending variable. */
export class SettingsError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid environment variable${problems.length > 1 ? "s" : ""}: ${problems.join("; ")}`);
    this.name = "SettingsError";
  }
}

/** Parses the given variables (unset or empty ones take their defaults); throws a SettingsError. */
export function parseSettings(env: Env): Settings {
  const out: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const [name, entry] of Object.entries(SETTINGS) as [SettingName, Entry][]) {
    const raw = env[name] || undefined;
    const input = raw ?? entry.default;
    if (input === undefined) continue;
    const parsed = entry.schema.safeParse(input);
    if (parsed.success) out[name] = parsed.data;
    else {
      const shown = raw === undefined ? JSON.stringify(input) : (entry.quote?.(raw) ?? JSON.stringify(raw));
      problems.push(`${name}=${shown} is not ${entry.expected}`);
    }
  }
  const s = out as Settings;
  if (!problems.length && s.TALLYHUB_RETENTION_DAYS < s.TALLYHUB_RETENTION_MINUTE_DAYS) {
    const { TALLYHUB_RETENTION_DAYS: days, TALLYHUB_RETENTION_MINUTE_DAYS: minuteDays } = s;
    problems.push(`TALLYHUB_RETENTION_DAYS (${days}) must be at least TALLYHUB_RETENTION_MINUTE_DAYS (${minuteDays})`);
  }
  if (problems.length) throw new SettingsError(problems);
  return Object.freeze(s);
}

let cached: Settings | undefined;

/** The server's settings from process.env, parsed on first use and cached for the process. */
export const settings = (): Settings => (cached ??= parseSettings(process.env));

/** The README's Configuration table rows: variable, default, meaning (markdown cells). */
export function settingsTable(): [name: string, shownDefault: string, meaning: string][] {
  return (Object.entries(SETTINGS) as [SettingName, Entry][]).map(([name, e]) => [
    `\`${name}\``,
    e.default !== undefined ? `\`${e.default}\`${e.defaultNote ? ` (${e.defaultNote})` : ""}` : (e.whenUnset ?? ""),
    e.meaning,
  ]);
}
