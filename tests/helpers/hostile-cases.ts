// Reproducible hostile input for the hub endpoints: a fixed-seed generator of broken JSON,
// wrong types, absurd numbers, huge strings, deep nesting, Unicode, wrong content types,
// chunked uploads and broken log files. Each case says which answers are acceptable.
import { randomUUID } from "node:crypto";
import { gunzipSync, gzipSync } from "node:zlib";
import { fixtureMutations } from "./hostile-mutations";
import { fixture, fixtureJson, REPLAY_SHIFT_S } from "./hub-fixtures";

export interface HostileCase {
  name: string;
  endpoint: "sync" | "startup" | "log";
  /** Path segments; default: the test app's client id and "prod". */
  clientId?: string;
  env?: string;
  query?: string;
  headers?: Record<string, string>;
  chunked?: boolean;
  body: () => Buffer;
  /** Acceptable statuses (never a 5xx). */
  expect: number[];
}

/** mulberry32: a tiny seeded PRNG so every run generates the same cases. */
export function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)],
    uuid: () => {
      const h = Array.from({ length: 32 }, () => Math.floor(next() * 16).toString(16)).join("");
      return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20)}`;
    },
  };
}

export type Rng = ReturnType<typeof rng>;

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
const MB = 1024 * 1024;
// The Express sync's capture time, moved as the replayed captures are: recent, so inside every retention window.
const BASE_TS = 1795897898 + REPLAY_SHIFT_S;
const json = (v: unknown) => Buffer.from(JSON.stringify(v));

const WRONG_VALUES: Json[] = [
  null,
  true,
  false,
  0,
  -1,
  1.5,
  -0.5,
  "",
  "x",
  "\u0000",
  "🙂",
  [],
  {},
  [1, 2],
  { a: 1 },
  1e308,
  2 ** 31,
  2 ** 53 + 2,
  "1e3",
  "GET",
  -(2 ** 31),
];

const UNICODE = [
  "用户-42",
  "مستخدم",
  "👩‍💻🙂",
  "e\u0301",
  "\u200bzero-width",
  "\ud800lone",
  "tab\tnew\nline",
  "nul\u0000inside",
  "Ω≈ç√∫",
  "ß".repeat(200),
  "  padded  ",
  "\u202eRTL override",
  "𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
  "a\u0000",
  "\uffff\ufffe",
];

function validSync(r: ReturnType<typeof rng>) {
  const s = fixtureJson<Record<string, Json>>(
    r.pick(["js-express-sync", "js-fastify-sync", "py-fastapi-sync", "py-flask-sync"]),
  );
  return {
    ...s,
    message_uuid: r.uuid(),
    instance_uuid: r.uuid(),
    timestamp: BASE_TS + r.int(3_600_000) / 1000,
  } as Record<string, Json>;
}

/** All [container, key] spots in a sync where a value can be replaced. */
function spots(v: Json, out: [Record<string, Json> | Json[], string | number][] = []) {
  if (Array.isArray(v)) {
    v.forEach((x, i) => {
      out.push([v, i]);
      spots(x, out);
    });
  } else if (v && typeof v === "object") {
    for (const k of Object.keys(v)) {
      out.push([v, k]);
      spots(v[k], out);
    }
  }
  return out;
}

/** The first line of the Flask log capture, under a new uuid. */
function flaskLine(uuid: string) {
  return { ...JSON.parse(gunzipSync(fixture("py-flask-log").body).toString().split("\n")[0]), uuid };
}

function nested(depth: number, leaf: string) {
  return "[".repeat(depth) + leaf + "]".repeat(depth);
}

export function hostileCases(seed = 20261128): HostileCase[] {
  const r = rng(seed);
  const cases: HostileCase[] = [];
  const sync = (name: string, body: () => Buffer, expect: number[], extra: Partial<HostileCase> = {}) =>
    cases.push({ name, endpoint: "sync", body, expect, ...extra });

  // Broken JSON: every strict prefix of a JSON object is invalid.
  for (let i = 0; i < 30; i++) {
    const text = JSON.stringify(validSync(r));
    const cut = 1 + r.int(text.length - 2);
    sync(`truncated at ${cut}`, () => Buffer.from(text.slice(0, cut)), [422]);
  }
  // Random bytes.
  for (let i = 0; i < 20; i++) {
    const bytes = Buffer.from(Array.from({ length: r.int(2000) }, () => r.int(256)));
    if (bytes[0] === 0x1f) bytes[0] = 0;
    sync(`random bytes (${bytes.length})`, () => bytes, [422]);
  }
  // Wrong types anywhere in a valid sync; some are tolerated (null for optional, number consumer).
  for (let i = 0; i < 60; i++) {
    const s = validSync(r);
    const all = spots(s);
    const [container, key] = r.pick(all);
    const value = r.pick(WRONG_VALUES);
    (container as Record<string, Json>)[key as string] = value;
    sync(`wrong type: ${String(key)} = ${JSON.stringify(value)?.slice(0, 20)}`, () => json(s), [202, 422]);
  }
  // Absurd numbers.
  const numberSpots: [string, (s: Record<string, Json>, v: Json) => void][] = [
    ["request_count", (s, v) => ((s.requests as Record<string, Json>[])[0].request_count = v)],
    ["response_size_sum", (s, v) => ((s.requests as Record<string, Json>[])[0].response_size_sum = v)],
    ["histogram count", (s, v) => ((s.requests as Record<string, Json>[])[0].response_times = { "0": v })],
    ["error_count", (s, v) => ((s.server_errors as Record<string, Json>[])[0].error_count = v)],
    ["memory_rss", (s, v) => ((s.resources as Record<string, Json>).memory_rss = v)],
  ];
  for (const [label, set] of numberSpots) {
    const isBytes = label === "response_size_sum" || label === "memory_rss";
    for (const v of [-1, -(2 ** 31), 2 ** 31, 2 ** 53, 1e308, 2.5]) {
      const s = validSync(r);
      set(s, v);
      // Byte sums may pass 32 bits; counts may not.
      sync(`${label} = ${v}`, () => json(s), isBytes && v === 2 ** 31 ? [202] : [422]);
    }
  }
  sync(
    "request_count = 1e999 (Infinity)",
    () => Buffer.from(JSON.stringify(validSync(r)).replace(/"request_count":\d+/, '"request_count":1e999')),
    [422],
  );
  sync(
    "histogram bin beyond 32 bits",
    () => {
      const s = validSync(r);
      (s.requests as Record<string, Json>[])[0].response_times = { "99999999999": 1 };
      return json(s);
    },
    [422],
  );
  sync(
    "counts at the 32-bit maximum",
    () => {
      const s = validSync(r);
      (s.requests as Record<string, Json>[])[0].request_count = 2 ** 31 - 1;
      return json(s);
    },
    [202],
  );
  // Timestamps.
  const nowS = Math.floor(Date.now() / 1000);
  for (const [label, v, ok] of [
    ["0", 0, false],
    ["-5", -5, false],
    ["1e20", 1e20, false],
    ["now", "now", false],
    ["null", null, false],
    // Ahead of the server's clock by more than the allowed skew (5 min): refused, not kept until 2038.
    ["2147483647", 2147483647, false],
    ["2147483648", 2147483648, false],
    ["an hour ahead", nowS + 3600, false],
    ["a minute ahead", nowS + 60, true],
    ["a fractional second", BASE_TS + 0.5, true],
    // Older than the rollups are kept (396 days): refused, as the next retention pass would delete it.
    ["400 days ago", nowS - 400 * 86_400, false],
    ["1", 1, false],
    ["395 days ago", nowS - 395 * 86_400, true],
  ] as const) {
    const s = validSync(r);
    s.timestamp = v;
    sync(`timestamp ${label}`, () => json(s), [ok ? 202 : 422]);
  }
  // Huge strings: beyond the body cap → 413; 1 MB → cut and stored.
  for (const field of ["path", "consumer", "traceback"]) {
    sync(
      `10 MB ${field}`,
      () => {
        const s = validSync(r);
        const target =
          field === "traceback"
            ? (s.server_errors as Record<string, Json>[])[0]
            : (s.requests as Record<string, Json>[])[0];
        target[field] = "y".repeat(10 * MB);
        return json(s);
      },
      [413],
    );
    sync(
      `1 MB ${field}`,
      () => {
        const s = validSync(r);
        const target =
          field === "traceback"
            ? (s.server_errors as Record<string, Json>[])[0]
            : (s.requests as Record<string, Json>[])[0];
        target[field] = "z".repeat(MB);
        return json(s);
      },
      [202],
    );
  }
  sync("10 MB of whitespace", () => Buffer.concat([Buffer.alloc(10 * MB, " "), json(validSync(r))]), [413]);
  sync("10 MB string as the whole body", () => json("q".repeat(10 * MB)), [413]);
  // Deep nesting.
  for (const depth of [1000, 10_000, 100_000]) {
    sync(
      `requests nested ${depth} deep`,
      () => Buffer.from(JSON.stringify(validSync(r)).replace(/"requests":\[/, `"requests":[${nested(depth, "1")},`)),
      [422],
    );
    sync(
      `consumer nested ${depth} deep`,
      () =>
        Buffer.from(
          JSON.stringify(validSync(r)).replace(/"consumer":(null|"[^"]*")/, `"consumer":${nested(depth, "{}")}`),
        ),
      [422],
    );
    sync(
      `object nested ${depth} deep at the top`,
      () => Buffer.from(`{"a":`.repeat(depth) + "1" + "}".repeat(depth)),
      [422],
    );
  }
  sync(
    "resources nested",
    () =>
      Buffer.from(
        JSON.stringify(validSync(r)).replace(/"resources":(null|\{[^}]*\})/, `"resources":${nested(5000, "{}")}`),
      ),
    [422],
  );
  // Unicode in identifiers, names, paths, messages: stored, never an error.
  for (const u of UNICODE) {
    const s = validSync(r);
    (s.requests as Record<string, Json>[])[0].consumer = u;
    (s.requests as Record<string, Json>[])[0].path = `/${u}`;
    (s.consumers as Record<string, Json>[]).push({ identifier: u, name: u, group: u });
    (s.server_errors as Record<string, Json>[])[0].msg = u;
    sync(`unicode ${JSON.stringify(u).slice(0, 24)}`, () => json(s), [202]);
  }
  // Random characters, so PostgreSQL cannot compress them into its index entry size limit.
  const randomChars = (n: number, from: number, span: number) =>
    Array.from({ length: n }, () => String.fromCodePoint(from + r.int(span))).join("");
  for (const [label, path] of [
    ["CJK", "/" + randomChars(3000, 0x4e00, 20000)],
    ["emoji", "/" + randomChars(1500, 0x1f300, 700)],
  ]) {
    sync(
      `long ${label} path`,
      () => {
        const s = validSync(r);
        (s.requests as Record<string, Json>[])[0].path = path;
        return json(s);
      },
      [202],
    );
  }
  sync(
    "unicode method",
    () => {
      const s = validSync(r);
      (s.requests as Record<string, Json>[])[0].method = "GÉT";
      return json(s);
    },
    [422],
  );
  sync(
    "unicode digits as a histogram bin",
    () => {
      const s = validSync(r);
      (s.requests as Record<string, Json>[])[0].response_times = { "٣": 1 };
      return json(s);
    },
    [422],
  );
  sync(
    "invalid UTF-8 bytes in a string",
    () =>
      Buffer.concat([
        Buffer.from(JSON.stringify(validSync(r)).slice(0, -1) + ',"x":"'),
        Buffer.from([0xff, 0xfe, 0xc3]),
        Buffer.from('"}'),
      ]),
    [202],
  );
  for (const env of [encodeURIComponent("生产"), encodeURIComponent("prüfung"), "dev_2"])
    sync(`env ${env}`, () => json(validSync(r)), [202], { env });
  // (A malformed %-escape such as "%ZZ" is not here: Next.js answers 500 before any route
  // handler runs. No client can send one: they all validate env before sending.)
  for (const env of [encodeURIComponent("🙂"), "a".repeat(33), "dev.prod", "%25", encodeURIComponent("dev env")])
    sync(`bad env ${env}`, () => json(validSync(r)), [422], { env });
  // Content types: the body decides, not the header.
  for (const ct of [
    "text/plain",
    "application/x-www-form-urlencoded",
    "multipart/form-data; boundary=x",
    "application/octet-stream",
    "application/json; charset=latin1",
    "nonsense/?",
    "application/xml",
  ]) {
    sync(`content-type ${ct} with a valid body`, () => json(validSync(r)), [202], { headers: { "content-type": ct } });
  }
  sync("no content-type", () => json(validSync(r)), [202], { headers: {} });
  sync("form-encoded body", () => Buffer.from("timestamp=1&requests=2"), [422], {
    headers: { "content-type": "application/x-www-form-urlencoded" },
  });
  sync("XML body", () => Buffer.from("<sync><requests/></sync>"), [422], {
    headers: { "content-type": "application/xml" },
  });
  sync("gzip-encoded sync", () => gzipSync(json(validSync(r))), [202], {
    headers: { "content-type": "application/json", "content-encoding": "gzip" },
  });
  sync("empty body", () => Buffer.alloc(0), [422]);
  sync("JSON array body", () => json([validSync(r)]), [422]);
  sync(
    "duplicate and prototype keys",
    () =>
      Buffer.from(JSON.stringify(validSync(r)).slice(0, -1) + ',"__proto__":{"x":1},"constructor":1,"requests":[]}'),
    [202],
  );
  sync(
    "prototype keys in a histogram",
    () => {
      const s = validSync(r);
      (s.requests as Record<string, Json>[])[0].response_times = JSON.parse('{"__proto__": 1, "constructor": 2}');
      return json(s);
    },
    [422],
  );
  // Chunked uploads behave like the same bytes with a Content-Length.
  for (let i = 0; i < 6; i++) sync(`chunked valid ${i}`, () => json(validSync(r)), [202], { chunked: true });
  for (let i = 0; i < 4; i++) {
    const text = JSON.stringify(validSync(r));
    sync(`chunked truncated ${i}`, () => Buffer.from(text.slice(0, r.int(text.length - 1) + 1)), [422], {
      chunked: true,
    });
  }
  sync("chunked 10 MB", () => Buffer.alloc(10 * MB, "a"), [413], { chunked: true });
  sync("chunked gzip bomb", () => gzipSync(Buffer.alloc(100 * MB, " ")), [413], { chunked: true });
  // /log files.
  const logFile = () => fixture(r.pick(["js-express-log", "js-fastify-log", "py-fastapi-log", "py-flask-log"])).body;
  const log = (name: string, body: () => Buffer, expect: number[], extra: Partial<HostileCase> = {}) =>
    cases.push({ name, endpoint: "log", query: `?uuid=${r.uuid()}`, body, expect, ...extra });
  for (let i = 0; i < 5; i++) log(`valid log ${i}`, logFile, [202], { chunked: i % 2 === 0 });
  log("plain NDJSON, not gzipped", () => gunzipSync(fixture("py-flask-log").body), [202]);
  log("gzip magic then garbage", () => Buffer.from([0x1f, 0x8b, 8, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9]), [422]);
  log("gzip of random bytes", () => gzipSync(Buffer.from(Array.from({ length: 500 }, () => r.int(256)))), [422]);
  log("gzip of nothing", () => gzipSync(Buffer.alloc(0)), [202]);
  log("gzip of a sync payload", () => gzipSync(json(validSync(r))), [422]);
  log("gzip of deep nesting", () => gzipSync(Buffer.from(nested(100_000, "1"))), [422]);
  log("truncated gzip", () => logFile().subarray(0, 200), [202, 422]);
  log("gzip bomb", () => gzipSync(Buffer.alloc(300 * MB, "x")), [413]);
  log("10 MB compressed", () => Buffer.concat([Buffer.from([0x1f, 0x8b]), Buffer.alloc(10 * MB, 7)]), [413]);
  log("missing uuid", logFile, [422], { query: "" });
  log("bad uuid", logFile, [422], { query: "?uuid=../../etc" });
  log("two uuids", logFile, [202], { query: `?uuid=${r.uuid()}&uuid=x` });
  log(
    "lines with wrong types",
    () => gzipSync(Buffer.from('{"uuid":"' + r.uuid() + '","request":{"timestamp":"x"},"response":{}}\n{"uuid":1}\n')),
    [422],
  );
  log("one good line among bad ones", () => gzipSync(`garbage\n{}\n${JSON.stringify(flaskLine(r.uuid()))}\n`), [202]);
  const futureLine = () => {
    const line = flaskLine(r.uuid());
    line.request.timestamp = 2147483647;
    return JSON.stringify(line);
  };
  log("only lines timed in 2038", () => gzipSync(`${futureLine()}\n${futureLine()}\n`), [422]);
  const oldLine = () => {
    const line = flaskLine(r.uuid());
    line.request.timestamp = nowS - 16 * 86_400;
    return JSON.stringify(line);
  };
  // Older than request logs are kept (15 days): left out, the file refused when nothing else is left.
  log("only lines older than log retention", () => gzipSync(`${oldLine()}\n${oldLine()}\n`), [422]);
  log(
    "old, future and good lines together",
    () => gzipSync(`${oldLine()}\n${futureLine()}\n${JSON.stringify(flaskLine(r.uuid()))}\n`),
    [202],
  );
  log(
    "a line timed in 2038 beside a good one",
    () => gzipSync(`${futureLine()}\n${JSON.stringify(flaskLine(r.uuid()))}\n`),
    [202],
  );
  log(
    "unicode in log lines",
    () => {
      const line = flaskLine(r.uuid());
      line.request.consumer = "用户\u0000🙂";
      line.request.url = "http://x/\ud800";
      return gzipSync(json(line));
    },
    [202],
  );
  log(
    "log line with a 1 MB body",
    () => {
      const line = flaskLine(r.uuid());
      line.response.body = "A".repeat(2 * MB);
      return gzipSync(json(line));
    },
    [202],
  );
  for (const ct of ["application/json", "text/plain", "application/gzip"])
    log(`log with content-type ${ct}`, logFile, [202], { headers: { "content-type": ct } });
  log("log with content-encoding gzip", logFile, [202], { headers: { "content-encoding": "gzip" } });
  // /startup.
  const startup = (name: string, body: () => Buffer, expect: number[]) =>
    cases.push({ name, endpoint: "startup", body, expect });
  const validStartup = () => ({
    ...fixtureJson<Record<string, Json>>(r.pick(["js-express-startup", "py-fastapi-startup", "py-flask-startup"])),
    instance_uuid: r.uuid(),
  });
  for (let i = 0; i < 20; i++) {
    const s = validStartup();
    const [container, key] = r.pick(spots(s));
    const value = r.pick(WRONG_VALUES);
    (container as Record<string, Json>)[key as string] = value;
    startup(`startup wrong type: ${String(key)} = ${JSON.stringify(value)?.slice(0, 20)}`, () => json(s), [202, 422]);
  }
  startup(
    "startup with 20001 paths",
    () =>
      json({ ...validStartup(), paths: Array.from({ length: 20001 }, (_, i) => ({ method: "GET", path: `/p${i}` })) }),
    [422],
  );
  startup(
    "startup with 2000 paths",
    () =>
      json({ ...validStartup(), paths: Array.from({ length: 2000 }, (_, i) => ({ method: "get", path: `/p/${i}` })) }),
    [202],
  );
  startup("startup openapi as object", () => json({ ...validStartup(), openapi: { openapi: "3" } }), [422]);
  startup("startup versions nested", () => json({ ...validStartup(), versions: { a: { b: "c" } } }), [422]);
  startup("startup 17 MB", () => json({ ...validStartup(), openapi: "o".repeat(17 * MB) }), [413]);
  startup("startup 12 MB openapi", () => json({ ...validStartup(), openapi: "o".repeat(12 * MB) }), [202]);
  startup("startup broken JSON", () => Buffer.from('{"instance_uuid": "'), [422]);
  // Unknown or malformed client ids, on every endpoint.
  for (const endpoint of ["sync", "startup", "log"] as const) {
    cases.push({
      name: `unknown client id on ${endpoint}`,
      endpoint,
      clientId: randomUUID(),
      query: `?uuid=${r.uuid()}`,
      body: () => json(validSync(r)),
      expect: [404],
    });
    cases.push({
      name: `malformed client id on ${endpoint}`,
      endpoint,
      clientId: "DROP TABLE",
      query: `?uuid=${r.uuid()}`,
      body: () => json(validSync(r)),
      expect: [404],
    });
    cases.push({
      name: `overlong client id on ${endpoint}`,
      endpoint,
      clientId: "f".repeat(300),
      query: `?uuid=${r.uuid()}`,
      body: () => json(validSync(r)),
      expect: [404],
    });
  }
  cases.push(...fixtureMutations(r, { syncs: 200, logs: 120, startups: 60 }));
  return cases;
}
