// Structure-aware mutations of the captured hub requests (tests/fixtures/hub): each case parses a real
// startup, sync or log file of the JavaScript or Python clients, picks one spot of it — any key or item,
// at any depth, for log files inside one NDJSON line of the gzip'd file — and breaks it one way: a wrong
// type, a boundary number, a number JSON cannot hold, a huge, empty or odd Unicode string, deep nesting,
// a deleted key or item, a duplicated item, a duplicated key, invalid UTF-8. Log files are also cut,
// concatenated and re-lined. Every case is drawn from the caller's seeded generator, so names and
// bodies are the same on every run.
import { gunzipSync, gzipSync } from "node:zlib";
import type { HostileCase, Rng } from "./hostile-cases";
import { hubFixtures, type HubFixture } from "./hub-fixtures";

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Container = Record<string, Json> | Json[];

// Markers replaced in the serialised text: raw JSON tokens JSON.stringify cannot write, raw bytes, duplicate keys.
const RAW = "@@raw@@";
const BYTES = "@@bytes@@";
const DUP = "@@dup@@";

/** What can be put at a spot: a label for the case name and the value (or a marker for text/bytes). */
const REPLACEMENTS: [string, () => Json][] = [
  ["null", () => null],
  ["true", () => true],
  ["0", () => 0],
  ["-1", () => -1],
  ["-0", () => `${RAW}-0${RAW}`],
  ["0.5", () => 0.5],
  ["2^31-1", () => 2 ** 31 - 1],
  ["2^31", () => 2 ** 31],
  ["2^53", () => 2 ** 53],
  ["2^64", () => `${RAW}18446744073709551616${RAW}`],
  ["1e308", () => 1e308],
  ["5e-324", () => 5e-324],
  ["1e999 (Infinity)", () => `${RAW}1e999${RAW}`],
  ["-1e999", () => `${RAW}-1e999${RAW}`],
  ["NaN token", () => `${RAW}NaN${RAW}`],
  ["leading zero token", () => `${RAW}007${RAW}`],
  ["'NaN' string", () => "NaN"],
  ["'Infinity' string", () => "Infinity"],
  ["'1e3' string", () => "1e3"],
  ["'-1' string", () => "-1"],
  ["empty string", () => ""],
  ["blank string", () => "   "],
  ["100 KB string", () => "w".repeat(100_000)],
  ["NUL string", () => "\u0000"],
  ["lone surrogate", () => "\ud800"],
  ["reversed surrogates", () => "\udc00\ud800"],
  ["RTL override", () => "\u202eevil"],
  ["zero-width joiner emoji", () => "👩‍👩‍👧‍👦"],
  ["combining marks", () => "Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǧ̗͚̚o̙̔ͮ̇͐̇"],
  ["BOM", () => "\ufeffx"],
  ["noncharacters", () => "\uffff\ufffe"],
  ["invalid UTF-8 bytes", () => `${BYTES}ff fe c3 28${BYTES}`],
  ["empty array", () => []],
  ["empty object", () => ({})],
  ["array of 1000 nulls", () => Array.from({ length: 1000 }, () => null)],
  ["nested 64 deep", () => nest(64)],
  // Written as text: too deep for JSON.stringify's stack, not for the server's parser.
  ["nested 5000 deep", () => `${RAW}${"[".repeat(5000)}1${"]".repeat(5000)}${RAW}`],
  ["object nested 5000 deep", () => `${RAW}${'{"a":'.repeat(5000)}1${"}".repeat(5000)}${RAW}`],
  ["__proto__ object", () => JSON.parse('{"__proto__": {"polluted": 1}}')],
];

const nest = (depth: number): Json => {
  let v: Json = 1;
  for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { a: v };
  return v;
};

/** Every [container, key] in a document, depth first. */
function spots(v: Json, out: [Container, string | number][] = []): [Container, string | number][] {
  if (Array.isArray(v)) {
    v.forEach((x, i) => {
      out.push([v, i]);
      spots(x, out);
    });
  } else if (v !== null && typeof v === "object") {
    for (const k of Object.keys(v)) {
      out.push([v, k]);
      spots(v[k], out);
    }
  }
  return out;
}

/** A path for the case name: requests.0.response_times.10 */
function pathOf(root: Json, target: Container, key: string | number, prefix: (string | number)[] = []): string | null {
  if (root === target) return [...prefix, key].join(".");
  if (root === null || typeof root !== "object") return null;
  for (const [k, v] of Object.entries(root)) {
    const p = pathOf(v, target, key, [...prefix, k]);
    if (p) return p;
  }
  return null;
}

/** JSON text → bytes, with the markers turned into what they stand for. */
function serialise(doc: Json): Buffer {
  const text = JSON.stringify(doc)
    .replace(new RegExp(`"${RAW}(.*?)${RAW}"`, "g"), (_, token: string) => token)
    .replace(new RegExp(`"${DUP}([^"]*)"`, "g"), (_, key: string) => `"${key}"`);
  const parts = text.split(new RegExp(`"${BYTES}([0-9a-f ]+)${BYTES}"`));
  // Odd parts are the hex of raw bytes, put inside a string.
  return Buffer.concat(
    parts.map((p, i) =>
      i % 2
        ? Buffer.concat([Buffer.from('"'), Buffer.from(p.replace(/ /g, ""), "hex"), Buffer.from('"')])
        : Buffer.from(p),
    ),
  );
}

/** One mutation at one spot of `doc` (changed in place); the label says what was done where. */
function mutate(r: Rng, doc: Json): string {
  const all = spots(doc);
  if (all.length === 0) return "nothing to mutate";
  const [container, key] = r.pick(all);
  const where = pathOf(doc, container, key) ?? String(key);
  const kind = r.int(10);
  if (kind === 0) {
    if (Array.isArray(container)) container.splice(key as number, 1);
    else delete container[key as string];
    return `${where} deleted`;
  }
  if (kind === 1 && Array.isArray(container)) {
    container.splice(key as number, 0, structuredClone(container[key as number]));
    return `${where} duplicated`;
  }
  if (kind === 2 && !Array.isArray(container)) {
    // The same key twice: JSON.parse keeps the last, which here is the wrong value.
    const [label, value] = r.pick(REPLACEMENTS);
    container[`${DUP}${key}`] = value();
    return `${where} repeated as ${label}`;
  }
  if (kind === 3) {
    const v = (container as Record<string, Json>)[key as string];
    (container as Record<string, Json>)[key as string] = r.int(2) ? [v] : { value: v };
    return `${where} wrapped`;
  }
  const [label, value] = r.pick(REPLACEMENTS);
  (container as Record<string, Json>)[key as string] = value();
  return `${where} = ${label}`;
}

const json = (f: HubFixture): Json => JSON.parse(f.body.toString("utf8"));

/** The mutated-fixture cases: `syncs` syncs, `logs` log files, `startups` startups, and whole-file damage. */
export function fixtureMutations(r: Rng, n: { syncs: number; logs: number; startups: number }): HostileCase[] {
  const fixtures = hubFixtures();
  const of = (endpoint: HubFixture["endpoint"]) => fixtures.filter((f) => f.endpoint === endpoint);
  const cases: HostileCase[] = [];

  for (let i = 0; i < n.syncs; i++) {
    const f = r.pick(of("sync"));
    const doc = json(f) as Record<string, Json>;
    // A new message id: a resent one is acknowledged without storing, which is not what is tested here.
    doc.message_uuid = r.uuid();
    const what = mutate(r, doc);
    const body = serialise(doc);
    const gzip = r.int(8) === 0;
    cases.push({
      name: `mutated ${f.name}: ${what}${gzip ? " (gzip)" : ""}`.slice(0, 160),
      endpoint: "sync",
      env: f.env,
      headers: { "content-type": "application/json", ...(gzip ? { "content-encoding": "gzip" } : {}) },
      body: () => (gzip ? gzipSync(body) : body),
      expect: [202, 422],
    });
  }

  for (let i = 0; i < n.startups; i++) {
    const f = r.pick(of("startup"));
    const doc = json(f) as Record<string, Json>;
    const what = mutate(r, doc);
    const body = serialise(doc);
    cases.push({
      name: `mutated ${f.name}: ${what}`.slice(0, 160),
      endpoint: "startup",
      env: f.env,
      body: () => body,
      expect: [202, 422],
    });
  }

  const logLines = (f: HubFixture) =>
    gunzipSync(f.body)
      .toString("utf8")
      .split("\n")
      .filter((l) => l.trim() !== "")
      // New request ids, so that what a case stores is not already there from the capture or another case.
      .map((l) => ({ ...(JSON.parse(l) as Record<string, Json>), uuid: r.uuid() }) as Json);
  const log = (name: string, body: Buffer, env: string) =>
    cases.push({
      name: name.slice(0, 160),
      endpoint: "log",
      env,
      query: `?uuid=${r.uuid()}`,
      body: () => body,
      expect: [202, 422],
    });

  for (let i = 0; i < n.logs; i++) {
    const f = r.pick(of("log"));
    const lines = logLines(f);
    const at = r.int(lines.length);
    const what = mutate(r, lines[at]);
    const ndjson = Buffer.concat(lines.map((l) => Buffer.concat([serialise(l), Buffer.from("\n")])));
    log(`mutated ${f.name} line ${at}: ${what}`, gzipSync(ndjson), f.env);
  }

  // Whole-file damage of each capture: a cut gzip stream (the server keeps what inflates), two gzip members,
  // CRLF line ends and a BOM, every line twice, lines shuffled with blank ones between, an uncompressed file.
  for (const f of of("log")) {
    const lines = () => logLines(f).map((l) => JSON.stringify(l));
    const gz = gzipSync(lines().join("\n"));
    for (let k = 0; k < 4; k++) {
      const cut = 10 + r.int(gz.length - 10);
      log(`${f.name} gzip cut at ${cut}/${gz.length}`, gz.subarray(0, cut), f.env);
    }
    log(`${f.name} gzip without its trailer`, gz.subarray(0, gz.length - 8), f.env);
    log(
      `${f.name} as two gzip members`,
      Buffer.concat([gzipSync(lines().join("\n")), gzipSync(lines().join("\n"))]),
      f.env,
    );
    log(`${f.name} with CRLF and a BOM`, gzipSync("\ufeff" + lines().join("\r\n") + "\r\n"), f.env);
    const twice = lines();
    log(`${f.name} every line twice`, gzipSync([...twice, ...twice].join("\n")), f.env);
    const shuffled = lines();
    for (let k = shuffled.length - 1; k > 0; k--) {
      const j = r.int(k + 1);
      [shuffled[k], shuffled[j]] = [shuffled[j], shuffled[k]];
    }
    log(`${f.name} shuffled with blank lines`, gzipSync(shuffled.join("\n\n  \n")), f.env);
    log(`${f.name} uncompressed`, Buffer.from(lines().join("\n")), f.env);
    const gzBytes = Buffer.from(gz);
    gzBytes[10 + r.int(gzBytes.length - 18)] ^= 0xff;
    log(`${f.name} gzip with a flipped byte`, gzBytes, f.env);
  }
  return cases;
}
