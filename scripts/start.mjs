#!/usr/bin/env node
// `npm start`: Tallyhub on http://localhost:3000 with an embedded SQLite file by default.
// Builds once (again when the checkout changes), then runs scripts/server.mjs; the server
// applies migrations itself at boot (instrumentation.ts). `--dev` runs `next dev`.
import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
process.chdir(root);
try {
  process.loadEnvFile();
} catch {
  /* no .env */
}
process.env.NEXT_TELEMETRY_DISABLED = "1";
process.env.CHECKPOINT_DISABLE = "1";
process.env.DATABASE_URL ||= "file:./data/tallyhub.db";

const dev = process.argv.includes("--dev");
const port = process.env.PORT || "3000";
const host = process.env.HOST || "0.0.0.0";
const next = path.join(root, "node_modules/next/dist/bin/next");

// A fingerprint of everything the build reads, so a `git pull` triggers a rebuild and a
// plain restart does not.
function sourceFingerprint() {
  const hash = createHash("sha256");
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(p);
      else hash.update(`${p}:${statSync(p).size}:${statSync(p).mtimeMs}\n`);
    }
  };
  for (const dir of ["app", "components", "lib", "public", "prisma"]) if (existsSync(dir)) walk(dir);
  for (const f of ["package-lock.json", "next.config.ts", "instrumentation.ts", "proxy.ts", "middleware.ts"]) {
    if (existsSync(f)) hash.update(`${f}:${readFileSync(f)}`);
  }
  return hash.digest("hex");
}

if (!dev) {
  const stampFile = path.join(root, ".next", "tallyhub-source.sha256");
  const fingerprint = sourceFingerprint();
  const built =
    existsSync(".next/BUILD_ID") && existsSync(stampFile) && readFileSync(stampFile, "utf8") === fingerprint;
  if (!built) {
    console.log("[tallyhub] building the dashboard (first start or changed sources)…");
    const r = spawnSync(process.execPath, [next, "build"], { stdio: "inherit" });
    if (r.status !== 0) process.exit(r.status ?? 1);
    writeFileSync(stampFile, fingerprint);
  }
}

// Production runs scripts/server.mjs (Next.js's handler behind a front that makes paths safe: `//v2/…`, malformed
// escapes); development runs `next dev` as it is.
const args = dev ? [next, "dev", "-p", port, "-H", host] : [path.join(root, "scripts/server.mjs")];
console.log(
  `[tallyhub] starting on http://localhost:${port} (database: ${process.env.DATABASE_URL.startsWith("file:") ? process.env.DATABASE_URL : "PostgreSQL"})`,
);
const child = spawn(process.execPath, args, { stdio: "inherit", env: { ...process.env, PORT: port, HOST: host } });
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => child.kill(sig));
child.on("exit", (code) => process.exit(code ?? 0));
