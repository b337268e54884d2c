// A hand-computed dataset for the read-model tests, written into the rollup tables of a
// new app by the ingest's rollup writer. Every expected number in tests/integration/queries-*.test.ts is
// worked out from the rows below (comments give the sums), so keep them in step.
//
// Time: NOW = 2026-03-10T14:37:20Z, M = its epoch minute, HOUR = 14:00, DAY = 03-10 00:00.
// "1h" = minutes [M-59, M+1), previous [M-119, M-59); "24h" = hours 2026-03-09 15:00 … 14:00.
import { sql } from "@/lib/db";
import { parseFilters } from "@/lib/filters";
import { RequestRollups } from "@/lib/store/rollups";
import { createApp } from "./factory";
import { signIn, userWithPassword } from "./http-session";

export const NOW = Date.UTC(2026, 2, 10, 14, 37, 20);

/** The filters a dashboard URL's query string gives, at the fixture's NOW. */
export const filtersAt = (q: string) => parseFilters(new URLSearchParams(q), NOW).filters;
export const M = Math.floor(NOW / 60_000);
export const HOUR = Math.floor(M / 60) * 60;
export const DAY = Math.floor(M / 1440) * 1440;

export const ENV = { prod: 1, dev: 2 } as const;
export const EP = { list: 1, get: 2, create: 3, delete: 4, health: 5 } as const;
export const C = { acme: 1, globex: 2, initech: 3, hooli: 4 } as const;
export const G = { partners: 1, internal: 2 } as const;

interface RollupRow {
  minute: number;
  env: number;
  endpoint: number;
  consumer: number;
  status: number;
  count: number;
  reqBytes?: number;
  resBytes?: number;
  times?: Record<number, number>;
  reqSizes?: Record<number, number>;
  resSizes?: Record<number, number>;
}

// prettier-ignore
export const ROLLUPS: RollupRow[] = [
  // ── current 1h window ──
  { minute: M - 10, env: ENV.prod, endpoint: EP.list, consumer: C.acme, status: 200, count: 10, resBytes: 5000, times: { 0: 4, 10: 4, 100: 2 }, resSizes: { 0: 10 } },
  { minute: M - 10, env: ENV.prod, endpoint: EP.list, consumer: C.globex, status: 200, count: 5, resBytes: 2500, times: { 20: 5 }, resSizes: { 0: 5 } },
  { minute: M - 5, env: ENV.prod, endpoint: EP.get, consumer: C.acme, status: 404, count: 3, resBytes: 300, times: { 0: 3 } },
  { minute: M - 5, env: ENV.prod, endpoint: EP.get, consumer: C.hooli, status: 200, count: 2, resBytes: 200, times: { 30: 2 } },
  { minute: M - 5, env: ENV.dev, endpoint: EP.create, consumer: 0, status: 201, count: 2, reqBytes: 2000, resBytes: 400, times: { 50: 2 }, reqSizes: { 1: 2 } },
  { minute: M - 1, env: ENV.prod, endpoint: EP.create, consumer: C.initech, status: 500, count: 1, resBytes: 100, times: { 1000: 1 } },
  { minute: M, env: ENV.prod, endpoint: EP.list, consumer: C.acme, status: 422, count: 4, resBytes: 400, times: { 10: 4 }, resSizes: { 0: 4 } },
  // ── previous 1h window (also inside 24h) ──
  { minute: M - 70, env: ENV.prod, endpoint: EP.list, consumer: C.acme, status: 200, count: 6 },
  { minute: M - 100, env: ENV.prod, endpoint: EP.get, consumer: 0, status: 500, count: 2 },
  { minute: HOUR - 60, env: ENV.prod, endpoint: EP.health, consumer: 0, status: 200, count: 7 }, // 13:00, first minute of its hour
  { minute: HOUR - 61, env: ENV.prod, endpoint: EP.health, consumer: 0, status: 200, count: 9 }, // 12:59, last minute of its hour
  // ── outside 1h and its previous window, inside 24h ──
  { minute: M - 130, env: ENV.prod, endpoint: EP.list, consumer: C.acme, status: 200, count: 100 },
  // ── 2026-03-08 23:59, inside 30d only ──
  { minute: DAY - 1441, env: ENV.dev, endpoint: EP.list, consumer: C.globex, status: 200, count: 5 },
];
// 1h: 27 requests, 8 errors (3×404, 1×500, 4×422), bytes in 2000, out 8900, consumers {1,2,3,4}
// 1h previous: 6 + 2 + 7 + 9 = 24 requests, 2 errors, consumers {1}
// 24h per hour: 14:00 → 27, 13:00 → 6 + 7 = 13, 12:00 → 2 + 9 + 100 = 111 (total 151)
// 30d per day: 03-10 → 151, 03-08 → 5

export async function seedDashboardApp(opts: { ownerId?: string } = {}) {
  const app = await createApp({ ownerId: opts.ownerId, envs: ["prod", "dev"] });
  const appId = app.id;
  const db = sql();
  const endpoints: [number, string, string, number | null][] = [
    [EP.list, "GET", "/items", 20],
    [EP.get, "GET", "/items/{id}", null],
    [EP.create, "POST", "/items", null],
    [EP.delete, "DELETE", "/items/{id}", null],
    [EP.health, "GET", "/health", null],
  ];
  for (const [id, method, path, apdexTMs] of endpoints) {
    await db.run(
      `INSERT INTO "Endpoint" ("appId", "id", "method", "path", "apdexTMs", "inStartup", "firstSeen")
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
      [appId, id, method, path, apdexTMs, true, NOW / 1000 - 86_400 * 30],
    );
  }
  for (const [id, name] of [
    [G.partners, "Partners"],
    [G.internal, "Internal"],
  ] as const) {
    await db.run(`INSERT INTO "ConsumerGroup" ("appId", "id", "name") VALUES (?, ?, ?)`, [appId, id, name]);
  }
  const consumers: {
    id: number;
    identifier: string;
    name: string | null;
    group: number | null;
    first: number;
    last: number;
    hiddenAt?: number;
  }[] = [
    { id: C.acme, identifier: "acme", name: "Acme Corp", group: G.partners, first: (M - 130) * 60, last: M * 60 + 15 },
    {
      id: C.globex,
      identifier: "globex",
      name: null,
      group: G.partners,
      first: (DAY - 1441) * 60,
      last: (M - 10) * 60 + 5,
    },
    {
      id: C.initech,
      identifier: "initech",
      name: "Initech",
      group: null,
      first: (M - 1) * 60 + 5,
      last: (M - 1) * 60 + 5,
    },
    // hidden 3 minutes ago, after its last request: stays out of the lists
    {
      id: C.hooli,
      identifier: "hooli",
      name: null,
      group: null,
      first: (M - 5) * 60 + 20,
      last: (M - 5) * 60 + 20,
      hiddenAt: (M - 3) * 60,
    },
  ];
  for (const c of consumers) {
    await db.run(
      `INSERT INTO "Consumer" ("appId", "id", "identifier", "name", "groupId", "hidden", "hiddenAt", "firstSeen",
         "lastSeen")
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [appId, c.id, c.identifier, c.name, c.group, c.hiddenAt !== undefined, c.hiddenAt ?? null, c.first, c.last],
    );
  }
  await db.run(
    `UPDATE "App" SET "nextEnvId" = 3, "nextEndpointId" = 6, "nextConsumerId" = 5, "nextGroupId" = 3, "nextErrorId" = 4
     WHERE "id" = ?`,
    [appId],
  );

  // Through the ingest's own rollup writer, so the hourly and daily tables hold the same rows.
  for (const r of ROLLUPS) {
    const rollups = new RequestRollups();
    rollups.add(r.endpoint, r.consumer, r.status, r.count, r.reqBytes ?? 0, r.resBytes ?? 0);
    for (const [kind, bins] of [
      [0, r.times],
      [1, r.reqSizes],
      [2, r.resSizes],
    ] as const) {
      rollups.addBins(
        r.endpoint,
        r.consumer,
        r.status,
        kind,
        Object.entries(bins ?? {}).map(([bin, count]) => [Number(bin), count]),
      );
    }
    await rollups.write(db, appId, r.minute, r.env);
  }

  // Validation error 1 on GET /items (the 4×422 of minute M); 2 only in the previous hour.
  await db.run(
    `INSERT INTO "ValidationError" ("appId", "id", "fingerprint", "endpointId", "loc", "msg", "type", "firstSeen",
       "lastSeen")
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?), (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      appId,
      1,
      "v1",
      EP.list,
      '["body","name"]',
      "Field required",
      "missing",
      M * 60,
      M * 60,
      appId,
      2,
      "v2",
      EP.list,
      '["query","limit"]',
      "Input should be a valid integer",
      "int_parsing",
      (M - 70) * 60,
      (M - 70) * 60,
    ],
  );
  await db.run(
    `INSERT INTO "ValidationErrorRollup" ("appId", "minute", "envId", "errorId", "consumerId", "count")
     VALUES (?, ?, ?, ?, ?, ?), (?, ?, ?, ?, ?, ?)`,
    [appId, M, ENV.prod, 1, C.acme, 4, appId, M - 70, ENV.prod, 2, C.acme, 2],
  );
  // Server error 1 on POST /items (the 500 of M-1), first seen a day earlier; 2 on GET /items/{id} (the 2×500 of
  // M-100).
  await db.run(
    `INSERT INTO "ServerError" ("appId", "id", "fingerprint", "endpointId", "type", "msg", "traceback", "firstSeen",
       "lastSeen")
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?), (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      appId,
      1,
      "s1",
      EP.create,
      "ValueError",
      "price must be positive",
      'Traceback (most recent call last):\n  File "app.py", line 12\nValueError: price must be positive',
      (M - 1) * 60 - 86_400,
      (M - 1) * 60,
      appId,
      2,
      "s2",
      EP.get,
      "KeyError",
      "'id'",
      null,
      (M - 100) * 60,
      (M - 100) * 60,
    ],
  );
  await db.run(
    `INSERT INTO "ServerErrorRollup" ("appId", "minute", "envId", "errorId", "consumerId", "count")
     VALUES (?, ?, ?, ?, ?, ?), (?, ?, ?, ?, ?, ?)`,
    [appId, M - 1, ENV.prod, 1, C.initech, 1, appId, M - 100, ENV.prod, 2, 0, 2],
  );
  return app;
}

/** The fixture's app over HTTP: its owner's session cookie and a signed-in stranger's, for route tests. */
export async function seedDashboardAppWithSessions() {
  const [a, b] = [await userWithPassword(), await userWithPassword()];
  const appId = (await seedDashboardApp({ ownerId: a.id })).id;
  return { appId, owner: await signIn(a.email), stranger: await signIn(b.email) };
}
