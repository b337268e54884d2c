// lib/settings.ts: the one place the server reads its environment. Bad values fail with the
// variable's name, the README's Configuration table is exactly the module's list, and no
// other server module reads process.env.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { parseSettings, SETTINGS, SettingsError, settingsTable } from "@/lib/settings";

const root = path.resolve(import.meta.dirname, "../..");

describe("settings", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it("has the documented defaults when nothing is set", () => {
    expect(parseSettings({})).toEqual({
      PORT: 3000,
      HOST: "0.0.0.0",
      DATABASE_URL: "file:./data/tallyhub.db",
      TALLYHUB_DATA_DIR: "./data",
      SMTP_URL: undefined,
      SMTP_FROM: "Tallyhub <tallyhub@localhost>",
      TALLYHUB_SIGNUP: "invite",
      TALLYHUB_TRUSTED_PROXY_HOPS: 0,
      TALLYHUB_SIGNUPS_PER_HOUR: 10,
      TALLYHUB_PASSWORD_QUEUE: 16,
      TALLYHUB_INVITATION_DAYS: 7,
      TALLYHUB_ROTATION_GRACE_HOURS: 24,
      TALLYHUB_RETENTION_MINUTE_DAYS: 32,
      TALLYHUB_RETENTION_DAYS: 396,
      TALLYHUB_RETENTION_LOG_DAYS: 15,
      TALLYHUB_RETENTION_INTERVAL_MINUTES: 60,
      TALLYHUB_MONITOR_INTERVAL_SECONDS: 15,
      TALLYHUB_ROLLUP_TIER: "auto",
      TALLYHUB_MAX_ENVIRONMENTS: 20,
      TALLYHUB_MAX_ENDPOINTS: 5000,
      TALLYHUB_MAX_CONSUMERS: 100_000,
      TALLYHUB_MAX_CONSUMER_GROUPS: 1000,
      TALLYHUB_MAX_ERRORS: 10_000,
      TALLYHUB_MAX_INSTANCES: 1000,

      TALLYHUB_INGEST_CONCURRENCY: "auto",
      TALLYHUB_INGEST_QUEUE: 64,
      TALLYHUB_INGEST_RATE: 50,
      TALLYHUB_INGEST_BURST: 500,
    });
  });

  it("treats an empty variable as unset", () => {
    const empty = Object.fromEntries(Object.keys(SETTINGS).map((k) => [k, ""]));
    expect(parseSettings(empty)).toEqual(parseSettings({}));
    expect(parseSettings({ TALLYHUB_PUBLIC_URL: "   " }).TALLYHUB_PUBLIC_URL).toBeUndefined();
  });

  it("parses set values", () => {
    const s = parseSettings({
      PORT: "3211",
      HOST: "127.0.0.1",
      DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/tallyhub",
      TALLYHUB_PUBLIC_URL: " https://tally.example.com/hub// ",
      AUTH_SECRET: "s3cret",
      TALLYHUB_DATA_DIR: "/var/lib/tallyhub",
      TALLYHUB_SIGNUP: "open",
      TALLYHUB_TRUSTED_PROXY_HOPS: "2",
      TALLYHUB_SIGNUPS_PER_HOUR: "50",
      TALLYHUB_PASSWORD_WORKERS: "3",
      TALLYHUB_PASSWORD_QUEUE: "0",
      TALLYHUB_INVITATION_DAYS: "3",
      TALLYHUB_ROTATION_GRACE_HOURS: "0",
      SMTP_URL: "smtps://u:p@mail.example.com:465",
      SMTP_FROM: "Hub <hub@example.com>",
      TALLYHUB_RETENTION_MINUTE_DAYS: "7",
      TALLYHUB_RETENTION_DAYS: "30",
      TALLYHUB_RETENTION_LOG_DAYS: "3",
      TALLYHUB_RETENTION_INTERVAL_MINUTES: "0",
      TALLYHUB_MONITOR_INTERVAL_SECONDS: "2",
      TALLYHUB_ROLLUP_TIER: "minute",
      TALLYHUB_MAX_ENDPOINTS: "50",

      TALLYHUB_INGEST_CONCURRENCY: "2",
      TALLYHUB_INGEST_QUEUE: "0",
      TALLYHUB_INGEST_RATE: "0.5",
      TALLYHUB_INGEST_BURST: "3",
    });
    expect(s).toEqual({
      PORT: 3211,
      HOST: "127.0.0.1",
      DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/tallyhub",
      TALLYHUB_PUBLIC_URL: "https://tally.example.com/hub",
      AUTH_SECRET: "s3cret",
      TALLYHUB_DATA_DIR: "/var/lib/tallyhub",
      TALLYHUB_SIGNUP: "open",
      TALLYHUB_TRUSTED_PROXY_HOPS: 2,
      TALLYHUB_SIGNUPS_PER_HOUR: 50,
      TALLYHUB_PASSWORD_WORKERS: 3,
      TALLYHUB_PASSWORD_QUEUE: 0,
      TALLYHUB_INVITATION_DAYS: 3,
      TALLYHUB_ROTATION_GRACE_HOURS: 0,
      SMTP_URL: "smtps://u:p@mail.example.com:465",
      SMTP_FROM: "Hub <hub@example.com>",
      TALLYHUB_RETENTION_MINUTE_DAYS: 7,
      TALLYHUB_RETENTION_DAYS: 30,
      TALLYHUB_RETENTION_LOG_DAYS: 3,
      TALLYHUB_RETENTION_INTERVAL_MINUTES: 0,
      TALLYHUB_MONITOR_INTERVAL_SECONDS: 2,
      TALLYHUB_ROLLUP_TIER: "minute",
      TALLYHUB_MAX_ENVIRONMENTS: 20,
      TALLYHUB_MAX_ENDPOINTS: 50,
      TALLYHUB_MAX_CONSUMERS: 100_000,
      TALLYHUB_MAX_CONSUMER_GROUPS: 1000,
      TALLYHUB_MAX_ERRORS: 10_000,
      TALLYHUB_MAX_INSTANCES: 1000,

      TALLYHUB_INGEST_CONCURRENCY: 2,
      TALLYHUB_INGEST_QUEUE: 0,
      TALLYHUB_INGEST_RATE: 0.5,
      TALLYHUB_INGEST_BURST: 3,
    });
    expect(Object.isFrozen(s)).toBe(true);
    expect(parseSettings({ DATABASE_URL: "file:/tmp/x.db" }).DATABASE_URL).toBe("file:/tmp/x.db");
    expect(parseSettings({ DATABASE_URL: "postgres://db/x" }).DATABASE_URL).toBe("postgres://db/x");
  });

  it.each([
    ["TALLYHUB_MAX_CONSUMERS", "0"],
    ["TALLYHUB_MAX_ENDPOINTS", "lots"],
    ["PORT", "abc"],
    ["PORT", "70000"],
    ["DATABASE_URL", "mysql://root@localhost/tallyhub"],
    ["DATABASE_URL", "./data/tallyhub.db"],
    ["TALLYHUB_PUBLIC_URL", "tallyhub.example.com"],
    ["TALLYHUB_PUBLIC_URL", "ftp://tallyhub.example.com"],
    ["TALLYHUB_SIGNUP", "anyone"],
    ["SMTP_URL", "mail.example.com"],
    ["TALLYHUB_INVITATION_DAYS", "0"],
    ["TALLYHUB_ROTATION_GRACE_HOURS", "-1"],
    ["TALLYHUB_INGEST_CONCURRENCY", "0"],
    ["TALLYHUB_INGEST_RATE", "0"],
    ["TALLYHUB_INGEST_BURST", "1.5"],
    ["TALLYHUB_RETENTION_MINUTE_DAYS", "0"],
    ["TALLYHUB_RETENTION_DAYS", "abc"],
    ["TALLYHUB_RETENTION_DAYS", "1.5"],
    ["TALLYHUB_RETENTION_LOG_DAYS", "soon"],
    ["TALLYHUB_RETENTION_LOG_DAYS", "4000"],
    ["TALLYHUB_RETENTION_INTERVAL_MINUTES", "-1"],
    ["TALLYHUB_ROLLUP_TIER", "hour"],
  ])("rejects %s=%s with an error naming the variable", (name, value) => {
    expect(() => parseSettings({ [name]: value })).toThrow(SettingsError);
    expect(() => parseSettings({ [name]: value })).toThrow(new RegExp(`\\b${name}=`));
  });

  it("names every bad variable at once, and retention shorter than minute resolution", () => {
    expect(() => parseSettings({ PORT: "x", TALLYHUB_RETENTION_DAYS: "y" })).toThrow(/PORT=.*TALLYHUB_RETENTION_DAYS=/);
    expect(() => parseSettings({ TALLYHUB_RETENTION_DAYS: "10" })).toThrow(
      "TALLYHUB_RETENTION_DAYS (10) must be at least TALLYHUB_RETENTION_MINUTE_DAYS (32)",
    );
  });

  it("never repeats a password or a secret in the error", () => {
    let message = "";
    try {
      parseSettings({ DATABASE_URL: "mysql://root:hunter2@localhost/tallyhub" });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toContain("DATABASE_URL=mysql:…");
    expect(message).not.toContain("hunter2");
  });

  it("settings() reads process.env once, on first use", async () => {
    vi.resetModules();
    vi.stubEnv("TALLYHUB_RETENTION_LOG_DAYS", "9");
    const { settings } = await import("@/lib/settings");
    expect(settings().TALLYHUB_RETENTION_LOG_DAYS).toBe(9);
    vi.stubEnv("TALLYHUB_RETENTION_LOG_DAYS", "10");
    expect(settings().TALLYHUB_RETENTION_LOG_DAYS).toBe(9);
    expect(settings()).toBe(settings());
  });

  it("settings() fails naming the variable", async () => {
    vi.resetModules();
    vi.stubEnv("TALLYHUB_RETENTION_DAYS", "abc");
    const { settings } = await import("@/lib/settings");
    expect(() => settings()).toThrow(/TALLYHUB_RETENTION_DAYS="abc" is not a whole number of days/);
  });
});

describe("README configuration table", () => {
  it("lists exactly the variables of lib/settings.ts, with their defaults and meanings", () => {
    const readme = readFileSync(path.join(root, "README.md"), "utf8");
    const section = readme.split(/^## Configuration$/m)[1]?.split(/^## /m)[0] ?? "";
    const rows = section
      .split("\n")
      .filter((line) => line.startsWith("| `"))
      .map((line) => line.slice(2, -2).split(" | "));
    const expected = settingsTable();
    // On failure: make the README's table these rows (or change lib/settings.ts).
    const asMarkdown = (r: string[][]) => r.map((cells) => `| ${cells.join(" | ")} |`).join("\n");
    expect(asMarkdown(rows)).toBe(asMarkdown(expected));
  });
});

describe("process.env", () => {
  // The only reads of process.env left in server code, each for a reason.
  const allowed: Record<string, RegExp> = {
    // Next.js substitutes it per runtime at build time; it must stay a literal read.
    "instrumentation.ts": /process\.env\.NEXT_RUNTIME !== "nodejs"/,
  };

  const files = (dir: string): string[] =>
    readdirSync(path.join(root, dir)).flatMap((name) => {
      const rel = path.join(dir, name);
      if (statSync(path.join(root, rel)).isDirectory()) return name === "generated" ? [] : files(rel);
      return /\.(ts|tsx|js|mjs)$/.test(name) ? [rel] : [];
    });

  it("is read only by lib/settings.ts in app/, components/, lib/ and the root server files", () => {
    const sources = [
      ...files("app"),
      ...files("components"),
      ...files("lib"),
      "instrumentation.ts",
      "proxy.ts",
      "next.config.ts",
    ];
    const offending = sources
      .filter((f) => f !== "lib/settings.ts")
      .flatMap((f) =>
        readFileSync(path.join(root, f), "utf8")
          .split("\n")
          .map((line, i) => ({ f, line: line.trim(), n: i + 1 }))
          .filter(({ line }) => line.includes("process.env") && !allowed[f]?.test(line)),
      )
      .map(({ f, n, line }) => `${f}:${n}: ${line}`);
    expect(offending).toEqual([]);
  });

  it("is never written by lib/settings.ts", () => {
    const text = readFileSync(path.join(root, "lib/settings.ts"), "utf8");
    expect(text).not.toMatch(/process\.env(\.\w+|\[[^\]]+\])?\s*(\?\?|\|\||&&)?=[^=]/);
    expect(text).not.toMatch(/delete process\.env/);
  });
});
