// "Body contains" over the trigram index (lib/queries/log-search.ts: FTS5 on SQLite, pg_trgm on PostgreSQL) finds
// exactly the logs whose decoded body contains the text, byte for byte: every needle below is checked against a
// plain scan of the same logs in JS. And retention takes the index entries of the logs it deletes with them.
import { randomUUID } from "node:crypto";
import { gzipSync } from "node:zlib";
import { beforeAll, expect, inject, it } from "vitest";
import { sql } from "@/lib/db";
import { getRequestList } from "@/lib/queries/request-list";
import { parseRequestFilters } from "@/lib/request-filters";
import { bodyContains } from "@/lib/requests/body";
import { pruneApp } from "@/lib/retention/prune";
import { createApp } from "../helpers/factory";
import { hubUrl, logFilesExpanded } from "../helpers/hub-db";
import { onCaptureDay, periodParams } from "../helpers/hub-fixtures";

// Recent, so inside log retention.
const T = onCaptureDay(22);
const RANGE = periodParams(onCaptureDay(20), onCaptureDay(23));
const NOW = (T + 50 * 3600) * 1000;
const b64 = (s: string | Buffer) => Buffer.from(s).toString("base64");

// Bodies chosen for their edges: case, text spanning JSON tokens, LIKE's and GLOB's wildcards, quotes, backslashes,
// non-ASCII, the three base64 alignments of one word, a binary body, the clients' sentinels.
const BODIES: (string | Buffer)[] = [
  '{"sku":"Widget-42","qty":2}',
  '{"name":"widget","note":"50% off_today"}',
  '{"q":"it\'s \\"quoted\\"","path":"C:\\\\temp"}',
  '{"city":"Zürich","greeting":"こんにちは","emoji":"🦘"}',
  "xWidget",
  "xxWidget",
  "100%_done [a-z]*?",
  Buffer.from([0xff, 0xfe, 0x57, 0x69, 0x64, 0x67, 0x65, 0x74, 0x00, 0x80]),
  "<masked>",
  "<body too large>",
  "plain text, no JSON at all: widgets and Widgets",
];
const NEEDLES = [
  "Widget",
  "widget",
  "WIDGET",
  'qty":2',
  '","',
  "50%",
  "%",
  "_",
  "off_today",
  "%_d",
  "[a-z]*?",
  "*",
  "it's",
  '\\"quoted\\"',
  "\\\\",
  "Zürich",
  "zürich",
  "こんにちは",
  "🦘",
  "ü",
  "masked",
  "<masked>",
  "Wi",
  "t",
  "nothing like it",
];

let appId: number;
const sent: { uuid: string; req: string; res: string }[] = [];

beforeAll(async () => {
  const app = await createApp();
  appId = app.id;
  const lines = BODIES.flatMap((body, i) =>
    // Each body once as the request's and once as the response's, beside another body.
    [0, 1].map((side) => {
      const uuid = randomUUID();
      const other = BODIES[(i + 3) % BODIES.length];
      const [req, res] = side ? [b64(other), b64(body)] : [b64(body), b64(other)];
      sent.push({ uuid, req, res });
      return {
        uuid,
        request: {
          timestamp: T + i + side / 2,
          method: "POST",
          path: "/items",
          url: "https://x.test/items",
          body: req,
        },
        response: { status_code: 200, response_time: 0.01, body: res },
      };
    }),
  );
  const body = gzipSync(lines.map((l) => JSON.stringify(l)).join("\n"));
  const r = await fetch(hubUrl(app.clientId, "prod", "log", `?uuid=${randomUUID()}`), { method: "POST", body });
  expect(r.status).toBe(202);
  await logFilesExpanded(app.id);
});

async function search(param: "reqBody" | "resBody", needle: string): Promise<string[]> {
  const { filters, request, issues } = parseRequestFilters(
    new URLSearchParams(`${RANGE}&${new URLSearchParams({ [param]: needle })}`),
    NOW,
  );
  expect(issues).toEqual([]);
  const page = await getRequestList(appId, filters, request, 500);
  expect(page.next).toBeNull();
  return page.rows.map((r) => r.id).sort();
}

it("finds exactly the logs whose body contains the text (bytes, case-sensitive), in request and response", async () => {
  for (const needle of NEEDLES) {
    const want = (side: "req" | "res") =>
      sent
        .filter((s) => bodyContains(s[side], needle))
        .map((s) => s.uuid)
        .sort();
    expect(await search("reqBody", needle), `reqBody=${needle}`).toEqual(want("req"));
    expect(await search("resBody", needle), `resBody=${needle}`).toEqual(want("res"));
  }
  // The reference is not trivially empty or full: 5 bodies hold "Widget" (one of them binary), 2 "widget"; each is
  // the request body of two logs.
  expect(sent.filter((s) => bodyContains(s.req, "Widget")).length).toBe(10);
  expect(sent.filter((s) => bodyContains(s.req, "widget")).length).toBe(4);
});

it("retention deletes the search index's entries with the logs", async () => {
  const db = sql();
  const count = async () =>
    Number((await db.all<{ n: number }>(`SELECT COUNT(*) AS "n" FROM "RequestLog" WHERE "appId" = ?`, [appId]))[0].n);
  const before = await count();
  await pruneApp(db, appId, { rollupsBefore: 0, logsBefore: T + 5, samplesBefore: 0 });
  expect(await count()).toBe(before - 10);
  if (inject("db") === "sqlite") {
    // One index entry per remaining log of any app, and the index agrees with the logs' text.
    const [docs] = await db.all<{ n: number }>(`SELECT COUNT(*) AS "n" FROM "RequestLogSearch_docsize"`);
    const [logs] = await db.all<{ n: number }>(`SELECT COUNT(*) AS "n" FROM "RequestLog"`);
    expect(Number(docs.n)).toBe(Number(logs.n));
    await db.run(`INSERT INTO "RequestLogSearch" ("RequestLogSearch") VALUES ('integrity-check')`);
  }
  const left = sent.filter((s, i) => i >= 10 && bodyContains(s.req, "Widget")).map((s) => s.uuid);
  expect(await search("reqBody", "Widget")).toEqual(left.sort());
});
