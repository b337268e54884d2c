// The Requests export (CSV / NDJSON) over request logs stored through the real /v2/…/log route: exactly the
// filtered rows across several keyset pages, CSV escaping read back by a strict parser, decoded bodies, and the
// route's answers for bad params, strangers and signed-out visitors.
import { randomUUID } from "node:crypto";
import { gzipSync } from "node:zlib";
import { beforeAll, describe, expect, it } from "vitest";
import { exportPages, parseExportParams } from "@/lib/requests/export";
import { createApp } from "../helpers/factory";
import { get, signIn, userWithPassword } from "../helpers/http-session";
import { hubUrl, logFilesExpanded } from "../helpers/hub-db";
import { onCaptureDay, periodParams } from "../helpers/hub-fixtures";

// Recent, so inside log retention.
const T = onCaptureDay(21);
const RANGE = periodParams(onCaptureDay(20), onCaptureDay(23));
const b64 = (s: string | Buffer) => Buffer.from(s).toString("base64");
const TRICKY = 'a, "quoted"\nsecond line';
const PROD_ROWS = 7;

let appId: number;
let owner: string;
let stranger: string;

function line(i: number, over: { request?: object; response?: object; extra?: object } = {}) {
  return {
    uuid: randomUUID(),
    request: {
      timestamp: T + i,
      method: "GET",
      path: "/items/{id}",
      url: `https://api.example.com/items/${i}`,
      headers: [],
      ...over.request,
    },
    response: { status_code: 200, response_time: 0.01 * (i + 1), headers: [], size: 10, ...over.response },
    ...over.extra,
  };
}

async function postLog(clientId: string, env: string, lines: unknown[]) {
  const body = gzipSync(lines.map((l) => JSON.stringify(l)).join("\n"));
  const r = await fetch(hubUrl(clientId, env, "log", `?uuid=${randomUUID()}`), { method: "POST", body });
  expect(r.status).toBe(202);
  await logFilesExpanded();
}

/** RFC 4180, strictly: quoted fields may hold commas, doubled quotes and line breaks; lines end in CRLF. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  while (i < text.length) {
    let value = "";
    if (text[i] === '"') {
      for (i++; ; i++) {
        if (text[i] === '"' && text[i + 1] === '"') {
          value += '"';
          i++;
        } else if (text[i] === '"') break;
        else if (i >= text.length) throw new Error("unterminated quote");
        else value += text[i];
      }
      i++;
    } else {
      while (i < text.length && text[i] !== "," && text[i] !== "\r") value += text[i++];
    }
    row.push(value);
    if (text[i] === ",") i++;
    else if (text.startsWith("\r\n", i)) {
      rows.push(row);
      row = [];
      i += 2;
    } else throw new Error(`unexpected ${JSON.stringify(text[i])} at ${i}`);
  }
  return rows;
}

const records = (csv: string) => {
  const [header, ...rows] = parseCsv(csv);
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
};

async function collect(query: string, pageSize: number) {
  const { filters, request, options, issues } = parseExportParams(new URLSearchParams(`${RANGE}&${query}`));
  expect(issues).toEqual([]);
  const chunks: string[] = [];
  for await (const chunk of exportPages(appId, filters, request, { ...options, pageSize })) chunks.push(chunk);
  return chunks;
}

beforeAll(async () => {
  const [a, b] = [await userWithPassword(), await userWithPassword()];
  const app = await createApp({ ownerId: a.id, name: "Shop API (EU)", envs: ["prod", "dev"] });
  appId = app.id;
  owner = await signIn(a.email);
  stranger = await signIn(b.email);

  await postLog(app.clientId, "prod", [
    line(0, {
      request: { method: "POST", url: "https://api.example.com/items?tag=a,b", body: b64(`{"note":"x"}`) },
      response: { status_code: 201, body: b64(TRICKY) },
      extra: { trace_id: "4bf92f3577b34da6a3ce929d0e0e4736" },
    }),
    line(1, {
      response: { status_code: 500 },
      extra: { exception: { type: "builtins.RuntimeError", message: "boom", traceback: "…" } },
    }),
    line(2, { request: { body: b64(Buffer.from([0xff, 0xfe, 0x00, 0x01])) } }),
    line(3, { response: { body: b64("<masked>") } }),
    line(4),
    line(5, { response: { status_code: 404 } }),
    line(6),
  ]);
  await postLog(app.clientId, "dev", [line(10), line(11)]);
});

describe("requests export", () => {
  it("yields exactly the filtered rows, newest first, one keyset page per chunk", async () => {
    const chunks = await collect("env=prod&format=csv", 2);
    expect(chunks).toHaveLength(1 + Math.ceil(PROD_ROWS / 2)); // the header, then four pages
    const rows = records(chunks.join(""));
    expect(rows.map((r) => r.url)).toEqual(
      [6, 5, 4, 3, 2, 1, 0].map((i) => `https://api.example.com/items${i === 0 ? "?tag=a,b" : `/${i}`}`),
    );
    expect(rows.every((r) => r.env === "prod")).toBe(true);
    expect(rows.map((r) => r.time)).toEqual([6, 5, 4, 3, 2, 1, 0].map((i) => new Date((T + i) * 1000).toISOString()));

    const everyEnv = records((await collect("format=csv", 3)).join(""));
    expect(everyEnv).toHaveLength(PROD_ROWS + 2);
    const errors = records((await collect("env=prod&status=5xx", 2)).join(""));
    expect(errors.map((r) => [r.status, r.exception_type])).toEqual([["500", "builtins.RuntimeError"]]);
  });

  it("streams CSV over HTTP with the columns, escaping and an attachment name", async () => {
    const r = await get(`/api/apps/${appId}/requests/export?${RANGE}&env=prod&format=csv`, owner);
    expect(r.status).toBe(200);
    expect(r.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const day = new Date().toISOString().slice(0, 10);
    expect(r.headers.get("content-disposition")).toBe(`attachment; filename="shop-api-eu-requests-${day}.csv"`);
    const rows = records(await r.text());
    expect(rows).toHaveLength(PROD_ROWS);
    expect(Object.keys(rows[0])).toEqual([
      "time",
      "env",
      "method",
      "path",
      "url",
      "status",
      "response_time_ms",
      "consumer",
      "request_size",
      "response_size",
      "client_ip",
      "client_country",
      "exception_type",
      "trace_id",
    ]);
    expect(rows[6]).toMatchObject({
      method: "POST",
      url: "https://api.example.com/items?tag=a,b",
      status: "201",
      response_time_ms: "10",
      trace_id: "4bf92f3577b34da6a3ce929d0e0e4736",
      exception_type: "",
    });
  });

  it("decodes bodies when asked: text and JSON as sent, binary as a base64 marker, sentinels kept", async () => {
    const r = await get(`/api/apps/${appId}/requests/export?${RANGE}&env=prod&bodies=1`, owner);
    const rows = records(await r.text());
    expect(rows[6]).toMatchObject({ request_body: `{"note":"x"}`, response_body: TRICKY });
    expect(rows[4].request_body).toBe(`base64:${b64(Buffer.from([0xff, 0xfe, 0x00, 0x01]))}`);
    expect(rows[3].response_body).toBe("<masked>");
    expect(rows[0]).toMatchObject({ request_body: "", response_body: "" });
  });

  it("writes one JSON object a line as NDJSON", async () => {
    const r = await get(`/api/apps/${appId}/requests/export?${RANGE}&env=prod&format=ndjson&bodies=1`, owner);
    expect(r.headers.get("content-type")).toBe("application/x-ndjson; charset=utf-8");
    expect(r.headers.get("content-disposition")).toMatch(/filename="shop-api-eu-requests-\d{4}-\d\d-\d\d\.ndjson"/);
    const text = await r.text();
    expect(text.endsWith("\n")).toBe(true);
    const rows = text
      .trimEnd()
      .split("\n")
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(rows).toHaveLength(PROD_ROWS);
    expect(rows[6]).toMatchObject({ status: 201, response_time_ms: 10, response_body: TRICKY, consumer: null });
    expect(rows[5]).toMatchObject({ status: 500, exception_type: "builtins.RuntimeError", request_body: null });
  });

  it("answers 400 naming every bad param, 404 to another team, 401 signed out", async () => {
    const bad = await get(`/api/apps/${appId}/requests/export?format=xml&bodies=yes&minMs=soon`, owner);
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({
      error: "minMs must be a number of milliseconds; format must be csv or ndjson; bodies must be 0 or 1",
    });
    expect((await get(`/api/apps/${appId}/requests/export`, stranger)).status).toBe(404);
    expect((await get(`/api/apps/${appId}/requests/export`)).status).toBe(401);
  });
});
