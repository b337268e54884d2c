// Fills a development database with a realistic month of traffic for one demo app, so the
// dashboard can be looked at (and screenshotted) without running a client for weeks.
// Writes the rollup tables directly, like the ingest does; the last 24 hours per minute,
// the rest one row per hour.
//
//   DATABASE_URL=file:./data/dev.db npx tsx scripts/dev-sample-data.ts [--email demo@example.com] [--password tallyhub-demo] [--minute-days 1]
//
// --minute-days N keeps per-minute rows for the last N days (30 = a full month of
// per-minute rollups, for timing the read models at realistic volume).
//
// Run it again to replace the demo app's data (times follow the clock).
import { randomUUID } from "node:crypto";
import { parseArgs } from "node:util";
import { hashPassword } from "../lib/auth/password";
import { prisma, sql } from "../lib/db";
import { migrate } from "../lib/db/migrate";

const { values: args } = parseArgs({
  options: { email: { type: "string", default: "demo@example.com" }, password: { type: "string", default: "tallyhub-demo" }, "minute-days": { type: "string", default: "1" } },
});
const MINUTE_DAYS = Math.min(30, Math.max(1, Number(args["minute-days"]) || 1));
const APP_NAME = "Shop API (demo)";

// Deterministic randomness: the same shapes on every run.
let seed = 42;
const rand = () => ((seed = (seed * 1664525 + 1013904223) % 2 ** 32) / 2 ** 32);
const normal = () => Math.sqrt(-2 * Math.log(rand() + 1e-12)) * Math.cos(2 * Math.PI * rand());
const poisson = (mean: number) => {
  if (mean > 30) return Math.max(0, Math.round(mean + Math.sqrt(mean) * normal()));
  let k = 0;
  for (let p = Math.exp(-mean), s = p, u = rand(); u > s; k++) s += p *= mean / (k + 1);
  return k;
};
const pick = <T>(items: T[], weights: number[]) => {
  let u = rand() * weights.reduce((a, b) => a + b, 0);
  for (let i = 0; i < items.length; i++) if ((u -= weights[i]) <= 0) return items[i];
  return items[items.length - 1];
};

interface EndpointSpec {
  method: string;
  path: string;
  perMin: number; // at peak, prod
  medianMs: number;
  respKB: number;
  reqKB?: number;
  errors: [number, number][]; // [status, probability]
  called?: boolean;
}

const ENDPOINTS: EndpointSpec[] = [
  { method: "GET", path: "/api/products", perMin: 38, medianMs: 42, respKB: 14, errors: [[400, 0.004]] },
  { method: "GET", path: "/api/products/:id", perMin: 55, medianMs: 18, respKB: 2, errors: [[404, 0.035]] },
  { method: "POST", path: "/api/products", perMin: 1.2, medianMs: 85, respKB: 1, reqKB: 2, errors: [[422, 0.06], [500, 0.004]] },
  { method: "PUT", path: "/api/products/:id", perMin: 0.8, medianMs: 70, respKB: 1, reqKB: 2, errors: [[404, 0.02], [422, 0.04]] },
  { method: "DELETE", path: "/api/products/:id", perMin: 0.15, medianMs: 35, respKB: 0, errors: [[404, 0.05]] },
  { method: "GET", path: "/api/orders", perMin: 12, medianMs: 120, respKB: 22, errors: [[401, 0.01]] },
  { method: "POST", path: "/api/orders", perMin: 4, medianMs: 240, respKB: 2, reqKB: 3, errors: [[422, 0.03], [409, 0.01], [500, 0.012], [502, 0.003]] },
  { method: "GET", path: "/api/orders/:id", perMin: 9, medianMs: 31, respKB: 3, errors: [[404, 0.02], [403, 0.01]] },
  { method: "POST", path: "/api/auth/login", perMin: 3, medianMs: 180, respKB: 1, reqKB: 0.2, errors: [[401, 0.09], [429, 0.01]] },
  { method: "GET", path: "/api/users/me", perMin: 7, medianMs: 12, respKB: 1, errors: [[401, 0.03]] },
  { method: "GET", path: "/api/reports/export", perMin: 0.3, medianMs: 1900, respKB: 480, errors: [[500, 0.05], [504, 0.03]] },
  { method: "GET", path: "/health", perMin: 6, medianMs: 2, respKB: 0, errors: [] },
  { method: "POST", path: "/api/webhooks/stripe", perMin: 0, medianMs: 0, respKB: 0, errors: [], called: false },
];

const GROUPS = ["Enterprise", "Startups", "Internal", "Free tier"];
const CONSUMERS: [string, string | null, string | null][] = [
  ["acme-corp", "Acme Corp", "Enterprise"],
  ["globex", "Globex Corporation", "Enterprise"],
  ["initech", "Initech", "Enterprise"],
  ["umbrella", "Umbrella Co.", "Enterprise"],
  ["hooli", "Hooli", "Startups"],
  ["pied-piper", "Pied Piper", "Startups"],
  ["stark-ind", "Stark Industries", "Enterprise"],
  ["wayne-ent", "Wayne Enterprises", "Enterprise"],
  ["dunder-mifflin", "Dunder Mifflin", "Startups"],
  ["vandelay", "Vandelay Industries", "Startups"],
  ["mobile-app", "Shop mobile app", "Internal"],
  ["web-frontend", "Shop web frontend", "Internal"],
  ["backoffice", "Back office", "Internal"],
  ["key_7f3a91", null, "Free tier"],
  ["key_2b8c04", null, "Free tier"],
  ["key_c19e55", null, "Free tier"],
  ["key_4d0a7e", null, "Free tier"],
  ["key_91ffa2", null, null],
  ["soylent", "Soylent Corp", "Startups"],
  ["tyrell", "Tyrell Corporation", "Enterprise"],
  ["cyberdyne", "Cyberdyne Systems", null],
  ["oscorp", "Oscorp", null],
];
// Zipf-like: a few consumers send most requests. Some start late (new consumers).
const CONSUMER_WEIGHTS = CONSUMERS.map((_, i) => 1 / (i + 1) ** 1.1);
const CONSUMER_START_DAYS_AGO = CONSUMERS.map((_, i) => (i < 14 ? 45 : i < 18 ? 12 - (i - 14) * 3 : 0.5 + (i - 18) * 0.1));

const SERVER_ERRORS = [
  {
    endpoint: "POST /api/orders",
    type: "TypeError",
    msg: "Cannot read properties of undefined (reading 'price')",
    traceback: `TypeError: Cannot read properties of undefined (reading 'price')
    at calculateTotal (/srv/shop/src/orders/pricing.ts:41:32)
    at Array.reduce (<anonymous>)
    at createOrder (/srv/shop/src/orders/service.ts:88:25)
    at async /srv/shop/src/orders/routes.ts:27:19`,
  },
  {
    endpoint: "GET /api/reports/export",
    type: "Error",
    msg: "Query read timeout",
    traceback: `Error: Query read timeout
    at Connection._handleTimeout (/srv/shop/node_modules/pg/lib/connection.js:212:17)
    at listOnTimeout (node:internal/timers:573:17)
    at async exportReport (/srv/shop/src/reports/export.ts:54:18)
    at async /srv/shop/src/reports/routes.ts:15:5`,
  },
  {
    endpoint: "POST /api/products",
    type: "PrismaClientKnownRequestError",
    msg: "Unique constraint failed on the fields: (`sku`)",
    traceback: `PrismaClientKnownRequestError: Unique constraint failed on the fields: (\`sku\`)
    at Rn.handleRequestError (/srv/shop/node_modules/@prisma/client/runtime/library.js:121:7315)
    at async createProduct (/srv/shop/src/products/service.ts:33:12)
    at async /srv/shop/src/products/routes.ts:41:20`,
  },
];
const VALIDATION_ERRORS = [
  { endpoint: "POST /api/orders", loc: ["body", "items", "0", "quantity"], msg: "Number must be greater than 0", type: "too_small" },
  { endpoint: "POST /api/orders", loc: ["body", "shippingAddress"], msg: "Required", type: "invalid_type" },
  { endpoint: "POST /api/products", loc: ["body", "price"], msg: "Expected number, received string", type: "invalid_type" },
  { endpoint: "PUT /api/products/:id", loc: ["body", "sku"], msg: "String must contain at most 32 character(s)", type: "too_big" },
  { endpoint: "GET /api/products", loc: ["query", "limit"], msg: "Number must be less than or equal to 100", type: "too_big" },
];

// Traffic follows the working day (UTC), quieter at weekends.
function load(minute: number): number {
  const d = new Date(minute * 60_000);
  const hour = d.getUTCHours() + d.getUTCMinutes() / 60;
  const daily = 0.25 + 0.75 * Math.max(0, Math.sin(((hour - 6) / 24) * 2 * Math.PI)) ** 1.5;
  const weekend = [0, 6].includes(d.getUTCDay()) ? 0.45 : 1;
  return daily * weekend;
}

type Row = { minute: number; env: number; endpoint: number; consumer: number; status: number; count: number; reqBytes: number; resBytes: number; times: Map<number, number>; reqSizes: Map<number, number>; resSizes: Map<number, number> };

async function main() {
  const db = sql();
  await migrate(db);
  const now = Math.floor(Date.now() / 60_000);

  const email = args.email!;
  const user =
    (await prisma().user.findUnique({ where: { email } })) ??
    (await prisma().user.create({ data: { email, name: "Demo", passwordHash: await hashPassword(args.password!) } }));
  const old = await prisma().app.findFirst({ where: { ownerId: user.id, name: APP_NAME } });
  if (old) await prisma().app.delete({ where: { id: old.id } });
  for (const table of ["Endpoint", "Consumer", "ConsumerGroup", "RequestRollup", "RollupBin", "ValidationError", "ValidationErrorRollup", "ServerError", "ServerErrorRollup", "Instance"]) {
    if (old) await db.run(`DELETE FROM "${table}" WHERE "appId" = ?`, [old.id]);
  }
  const app = await prisma().app.create({
    data: {
      ownerId: user.id,
      name: APP_NAME,
      framework: "express",
      clientId: randomUUID(),
      nextEnvId: 3,
      nextEndpointId: ENDPOINTS.length + 1,
      nextConsumerId: CONSUMERS.length + 1,
      nextGroupId: GROUPS.length + 1,
      nextErrorId: SERVER_ERRORS.length + VALIDATION_ERRORS.length + 1,
      environments: { create: [{ id: 1, name: "prod" }, { id: 2, name: "staging" }] },
    },
  });
  const appId = app.id;
  const firstSeen = now * 60 - 45 * 86_400;

  await db.tx(async (q) => {
    for (const [i, e] of ENDPOINTS.entries()) {
      await q.run(`INSERT INTO "Endpoint" ("appId", "id", "method", "path", "inStartup", "firstSeen", "apdexTMs") VALUES (?, ?, ?, ?, ?, ?, ?)`, [
        appId, i + 1, e.method, e.path, true, firstSeen, e.path === "/api/reports/export" ? 3000 : null,
      ]);
    }
    for (const [i, g] of GROUPS.entries()) await q.run(`INSERT INTO "ConsumerGroup" ("appId", "id", "name") VALUES (?, ?, ?)`, [appId, i + 1, g]);
    await q.run(`INSERT INTO "Instance" ("appId", "uuid", "envId", "client", "versions", "firstSeen", "lastSyncAt", "startupAt") VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, [
      appId, randomUUID(), 1, "js:express", JSON.stringify({ nodejs: "20.20.2", express: "5.3.0", apitally: "0.25.8" }), firstSeen, Math.floor(Date.now() / 1000) - 4, firstSeen,
    ]);
  });

  const rows = new Map<string, Row>();
  const consumerSeen = CONSUMERS.map(() => ({ first: Infinity, last: 0 }));
  const add = (minute: number, env: number, endpoint: number, consumer: number, status: number, count: number, spec: EndpointSpec) => {
    const key = `${minute}|${env}|${endpoint}|${consumer}|${status}`;
    const r = rows.get(key) ?? { minute, env, endpoint, consumer, status, count: 0, reqBytes: 0, resBytes: 0, times: new Map(), reqSizes: new Map(), resSizes: new Map() };
    r.count += count;
    for (let i = 0; i < count; i++) {
      const slow = status >= 500 ? 2.5 : status >= 400 ? 0.5 : 1;
      const ms = Math.max(0.5, spec.medianMs * slow * Math.exp(0.55 * normal()));
      const bin = Math.floor(ms / 10) * 10;
      r.times.set(bin, (r.times.get(bin) ?? 0) + 1);
      const res = Math.max(0, Math.round((status >= 400 ? 0.15 : spec.respKB) * 1000 * Math.exp(0.3 * normal())));
      r.resBytes += res;
      r.resSizes.set(Math.floor(res / 1000), (r.resSizes.get(Math.floor(res / 1000)) ?? 0) + 1);
      if (spec.reqKB) {
        const req = Math.round(spec.reqKB * 1000 * Math.exp(0.3 * normal()));
        r.reqBytes += req;
        r.reqSizes.set(Math.floor(req / 1000), (r.reqSizes.get(Math.floor(req / 1000)) ?? 0) + 1);
      }
    }
    rows.set(key, r);
    if (consumer) {
      const s = consumerSeen[consumer - 1];
      s.first = Math.min(s.first, minute * 60 + 5);
      s.last = Math.max(s.last, minute * 60 + 30);
    }
  };

  // Per minute for the last MINUTE_DAYS days, per hour (on the hour) before that.
  const slots: { minute: number; span: number }[] = [];
  const perMinuteFrom = now - MINUTE_DAYS * 1440;
  for (let m = now - 30 * 1440; m < perMinuteFrom - (perMinuteFrom % 60); m += 60) slots.push({ minute: m - (m % 60), span: 60 });
  for (let m = perMinuteFrom - (perMinuteFrom % 60); m <= now; m++) slots.push({ minute: m, span: 1 });
  const outage = now - 200; // a bad quarter hour of 5xx on orders, 3h20m ago

  for (const { minute, span } of slots) {
    const partial = minute === now ? 0.4 : 1; // the current minute has had only some syncs
    for (const [env, envScale] of [[1, 1], [2, 0.06]] as const) {
      for (const [i, spec] of ENDPOINTS.entries()) {
        if (spec.called === false) continue;
        const n = poisson(spec.perMin * load(minute) * envScale * span * partial);
        for (let k = 0; k < n; ) {
          const chunk = Math.min(n - k, span === 1 ? 1 + Math.floor(rand() * 4) : 5 + Math.floor(rand() * 40));
          const eligible = CONSUMERS.map((_, c) => (now - minute) / 1440 <= CONSUMER_START_DAYS_AGO[c]);
          const consumer = spec.path === "/health" || rand() < 0.08 ? 0 : pick(CONSUMERS.map((_, c) => c + 1), CONSUMER_WEIGHTS.map((w, c) => (eligible[c] ? w : 0)));
          const inOutage = spec.path === "/api/orders" && spec.method === "POST" && minute >= outage && minute < outage + 15;
          const errors: [number, number][] = inOutage ? [[503, 0.5], ...spec.errors] : spec.errors;
          const status = pick([...errors.map(([s]) => s), spec.method === "POST" ? 201 : spec.method === "DELETE" ? 204 : 200], [...errors.map(([, p]) => p), 1 - errors.reduce((a, [, p]) => a + p, 0)]);
          add(minute, env, i + 1, consumer, status, chunk, spec);
          k += chunk;
        }
      }
    }
  }

  const endpointId = (name: string) => ENDPOINTS.findIndex((e) => `${e.method} ${e.path}` === name) + 1;
  let errorId = 1;
  const serverErrorIds = SERVER_ERRORS.map(() => errorId++);
  const validationIds = VALIDATION_ERRORS.map(() => errorId++);
  const errorRollups: { table: string; minute: number; env: number; id: number; consumer: number; count: number }[] = [];
  const errorSeen = new Map<number, { first: number; last: number }>();
  for (const r of rows.values()) {
    const name = `${ENDPOINTS[r.endpoint - 1].method} ${ENDPOINTS[r.endpoint - 1].path}`;
    const candidates =
      r.status === 500
        ? SERVER_ERRORS.map((e, i) => (e.endpoint === name ? serverErrorIds[i] : 0)).filter(Boolean).map((id) => ["ServerErrorRollup", id] as const)
        : r.status === 422 || r.status === 400
          ? VALIDATION_ERRORS.map((e, i) => (e.endpoint === name ? validationIds[i] : 0)).filter(Boolean).map((id) => ["ValidationErrorRollup", id] as const)
          : [];
    if (!candidates.length) continue;
    const [table, id] = candidates[Math.floor(rand() * candidates.length)];
    errorRollups.push({ table, minute: r.minute, env: r.env, id, consumer: r.consumer, count: r.count });
    const seen = errorSeen.get(id) ?? { first: Infinity, last: 0 };
    errorSeen.set(id, { first: Math.min(seen.first, r.minute * 60 + 7), last: Math.max(seen.last, r.minute * 60 + 7) });
  }

  await db.tx(async (q) => {
    for (const [i, [identifier, name, group]] of CONSUMERS.entries()) {
      const seen = consumerSeen[i];
      if (seen.last === 0) continue;
      await q.run(`INSERT INTO "Consumer" ("appId", "id", "identifier", "name", "groupId", "firstSeen", "lastSeen") VALUES (?, ?, ?, ?, ?, ?, ?)`, [
        appId, i + 1, identifier, name, group ? GROUPS.indexOf(group) + 1 : null, seen.first, seen.last,
      ]);
    }
    for (const [i, e] of SERVER_ERRORS.entries()) {
      const seen = errorSeen.get(serverErrorIds[i]) ?? { first: now * 60, last: now * 60 };
      await q.run(`INSERT INTO "ServerError" ("appId", "id", "fingerprint", "endpointId", "type", "msg", "traceback", "firstSeen", "lastSeen") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, [
        appId, serverErrorIds[i], `s${i}`, endpointId(e.endpoint), e.type, e.msg, e.traceback, seen.first, seen.last,
      ]);
    }
    for (const [i, e] of VALIDATION_ERRORS.entries()) {
      const seen = errorSeen.get(validationIds[i]) ?? { first: now * 60, last: now * 60 };
      await q.run(`INSERT INTO "ValidationError" ("appId", "id", "fingerprint", "endpointId", "loc", "msg", "type", "firstSeen", "lastSeen") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, [
        appId, validationIds[i], `v${i}`, endpointId(e.endpoint), JSON.stringify(e.loc), e.msg, e.type, seen.first, seen.last,
      ]);
    }
    for (const e of errorRollups) {
      await q.run(`INSERT INTO "${e.table}" ("appId", "minute", "envId", "errorId", "consumerId", "count") VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`, [appId, e.minute, e.env, e.id, e.consumer, e.count]);
    }
    for (const r of rows.values()) {
      const key = [appId, r.minute, r.env, r.endpoint, r.consumer, r.status];
      await q.run(
        `INSERT INTO "RequestRollup" ("appId", "minute", "envId", "endpointId", "consumerId", "statusCode", "requestCount", "requestSizeSum", "responseSizeSum") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [...key, r.count, r.reqBytes, r.resBytes],
      );
      for (const [kind, bins] of [[0, r.times], [1, r.reqSizes], [2, r.resSizes]] as const) {
        for (const [bin, count] of bins) {
          await q.run(
            `INSERT INTO "RollupBin" ("appId", "minute", "envId", "endpointId", "consumerId", "statusCode", "kind", "bin", "count") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
            [...key, kind, bin, count],
          );
        }
      }
    }
  });
  const total = [...rows.values()].reduce((n, r) => n + r.count, 0);
  console.log(`Demo app #${appId} "${APP_NAME}" for ${email}: ${rows.size} rollup rows, ${total} requests over 30 days.`);
  await db.close();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
