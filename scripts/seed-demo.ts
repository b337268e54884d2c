// `npm run seed:demo -- --days 30 --consumers 500 --endpoints 100 [--concurrency N]`
// Creates (or reuses) the user demo@tallyhub.local / password "demo-password" and an app
// "Demo API", then fills it with realistic traffic through the hub's ingest code.
import { parseArgs } from "node:util";
import { createApp } from "../lib/apps/create";
import { registerUser } from "../lib/auth/users";
import { prisma, sql } from "../lib/db";
import { migrate } from "../lib/db/migrate";
import { seedDemoTraffic } from "../lib/demo/seed";
import { DEFAULT_DEMO } from "../lib/demo/traffic";
import { currentTeamOf } from "../lib/teams/membership";

try {
  process.loadEnvFile();
} catch {
  /* no .env */
}
const { values } = parseArgs({
  options: {
    days: { type: "string", default: "30" },
    consumers: { type: "string", default: String(DEFAULT_DEMO.consumers) },
    endpoints: { type: "string", default: String(DEFAULT_DEMO.endpoints) },
    "rows-per-minute": { type: "string", default: String(DEFAULT_DEMO.rowsPerMinute) },
    seed: { type: "string", default: String(DEFAULT_DEMO.seed) },
    email: { type: "string", default: "demo@tallyhub.local" },
    password: { type: "string", default: "demo-password" },
    app: { type: "string", default: "Demo API" },
    env: { type: "string", default: "prod" },
    concurrency: { type: "string" },
  },
});
const int = (name: keyof typeof values) => {
  const n = Number(values[name]);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name} must be a positive number`);
  return n;
};

await migrate(sql());
let user = await prisma().user.findUnique({ where: { email: values.email! } });
if (!user) {
  const r = await registerUser({ email: values.email, password: values.password, name: "Demo" }, undefined, {
    asOperator: true,
  });
  if (!r.ok) throw new Error(`could not create the demo user: ${JSON.stringify(r.fieldErrors)}`);
  user = await prisma().user.findUniqueOrThrow({ where: { id: r.value.id } });
  console.log(`created user ${values.email} (password: ${values.password})`);
}
const team = await currentTeamOf(user);
if (!team) throw new Error(`${values.email} is in no team`);
const created = await createApp(user.id, team.id, {
  name: values.app,
  framework: "fastapi",
  environments: [values.env, "dev"],
});
if (!created.ok) throw new Error(`could not create the app: ${JSON.stringify(created.fieldErrors)}`);
const app = created.value;
console.log(`app "${app.name}" (id ${app.id}, client id ${app.clientId})`);

const started = Date.now();
const bar = (done: number, total: number) => {
  const width = 30;
  const filled = Math.round((done / total) * width);
  return `[${"#".repeat(filled)}${".".repeat(width - filled)}] ${((done / total) * 100).toFixed(1)}%`;
};
const result = await seedDemoTraffic(
  app.id,
  values.env!,
  {
    days: int("days"),
    consumers: int("consumers"),
    endpoints: int("endpoints"),
    rowsPerMinute: int("rows-per-minute"),
    seed: int("seed"),
    concurrency: values.concurrency ? int("concurrency") : sql().kind === "postgres" ? 4 : 1,
  },
  ({ done, total, rows }) => {
    const elapsed = (Date.now() - started) / 1000;
    const eta = (elapsed / done) * (total - done);
    process.stderr.write(
      `\r${bar(done, total)} ${done}/${total} syncs, ${rows.toLocaleString("en")} rows, ${elapsed.toFixed(0)} s, ` +
        `ETA ${eta.toFixed(0)} s   `,
    );
  },
);
process.stderr.write("\n");
const [{ n }] = await sql().all<{ n: number }>(`SELECT COUNT(*) AS "n" FROM "RequestRollup" WHERE "appId" = ?`, [
  app.id,
]);
console.log(
  `stored ${result.syncs} syncs, ${Number(n).toLocaleString("en")} per-minute rollup rows in ` +
    `${((Date.now() - started) / 1000).toFixed(0)} s`,
);
console.log(`sign in as ${values.email} to see it`);
await sql().close();
await prisma().$disconnect();
