// Section "search": the filter bar's search as you type (GET /api/apps/:id/options/:kind?q=…, what the endpoint and
// consumer comboboxes ask once typing pauses) on an app at its endpoint and consumer caps (TALLYHUB_MAX_ENDPOINTS,
// TALLYHUB_MAX_CONSUMERS: 5,000 and 100,000 by default), over HTTP against `next start`, signed in. Each query is
// asked `runs` times after one warm-up; reports p50, p95 and the slowest. Nothing passes or fails.
import { openSql } from "../../lib/db/connect";
import { insertMany } from "../../lib/store/batch";
import { capOf } from "../../lib/store/caps";
import { signInAt } from "../../tests/helpers/sign-in";
import { startTestStack } from "../../tests/helpers/stack";
import type { Kind } from "./ingest";
import { PASSWORD, seedUser } from "./stall";
import { summarise, type Percentiles } from "./stats";

export interface SearchTiming extends Percentiles {
  kind: "endpoints" | "consumers";
  q: string;
  matches: number;
}
export interface SearchResult {
  endpoints: number;
  consumers: number;
  timings: SearchTiming[];
}

// A prefix many rows share, one row's own text, a substring in the middle, and text nothing has (the whole scan).
const QUERIES: [SearchTiming["kind"], string][] = [
  ["endpoints", "/v1/"],
  ["endpoints", "/v1/orders/4320"],
  ["endpoints", "items"],
  ["endpoints", "zzz-none"],
  ["consumers", "customer-"],
  ["consumers", "customer-98765"],
  ["consumers", "acme"],
  ["consumers", "zzz-none"],
];

export async function benchSearch(
  kind: Kind,
  o: { runs: number; log: (s: string) => void; port?: number },
): Promise<SearchResult> {
  const stack = await startTestStack(kind, { server: true, port: o.port });
  const db = openSql(stack.databaseUrl);
  try {
    const { appId, email } = await seedUser(db);
    const [endpoints, consumers] = [capOf("endpoints"), capOf("consumers")];
    o.log(`[${kind}] search: seeding ${endpoints} endpoints and ${consumers} consumers`);
    const rows = (n: number, row: (i: number) => (string | number | null)[]) =>
      Array.from({ length: n }, (_, i) => row(i));
    await insertMany(db, {
      table: "Endpoint",
      columns: ["appId", "id", "method", "path", "firstSeen", "lastSeen"],
      rows: rows(endpoints, (i) => [
        appId,
        i + 1,
        ["GET", "POST", "PUT", "DELETE"][i % 4],
        `/v1/${["orders", "items", "users", "invoices", "reports"][i % 5]}/${i}`,
        1,
        i,
      ]),
    });
    await insertMany(db, {
      table: "Consumer",
      columns: ["appId", "id", "identifier", "name", "firstSeen", "lastSeen"],
      rows: rows(consumers, (i) => [appId, i + 1, `customer-${i}`, i % 10 === 0 ? `Acme ${i}` : null, 1, i]),
    });
    const cookie = await signInAt(stack.baseUrl, email, PASSWORD);
    const timings: SearchTiming[] = [];
    for (const [what, q] of QUERIES) {
      const url = `${stack.baseUrl}/api/apps/${appId}/options/${what}?q=${encodeURIComponent(q)}`;
      const samples: number[] = [];
      let matches = 0;
      for (let run = 0; run <= o.runs; run++) {
        const t0 = performance.now();
        const r = await fetch(url, { headers: { cookie } });
        const body = (await r.json()) as { matches: unknown[] };
        if (r.status !== 200) throw new Error(`options/${what} answered ${r.status}`);
        if (run > 0) samples.push(performance.now() - t0);
        matches = body.matches.length;
      }
      timings.push({ kind: what, q, matches, ...summarise(samples) });
    }
    return { endpoints, consumers, timings };
  } finally {
    await db.close();
    await stack.stop();
  }
}
