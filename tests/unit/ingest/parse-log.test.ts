import { readFileSync } from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { parseLogFile } from "@/lib/ingest/parse";
import { fixture, FIXTURES_DIR, hubFixtures } from "../../helpers/hub-fixtures";

const logFixtures = hubFixtures("captured").filter((f) => f.endpoint === "log");

describe("request log parsing", () => {
  it("covers every captured log file", () => {
    expect(logFixtures.map((f) => f.name)).toEqual([
      "js-express-log",
      "js-fastify-log",
      "py-fastapi-log",
      "py-flask-log",
    ]);
  });

  it.each([
    ["js-express-log", 9],
    ["js-fastify-log", 5],
    ["py-fastapi-log", 9],
    ["py-flask-log", 3],
  ])("%s: every line of the exact upload is read, the same as the pretty .ndjson", (name, lines) => {
    const fromGzip = parseLogFile(gunzipSync(fixture(name, "captured").body));
    const fromNdjson = parseLogFile(readFileSync(path.join(FIXTURES_DIR, `${name}.ndjson`)));
    expect(fromGzip.skipped).toBe(0);
    expect(fromGzip.lines).toHaveLength(lines);
    expect(fromGzip.lines).toEqual(fromNdjson.lines);
  });

  it("reads js camelCase lines", () => {
    const [first, , me] = parseLogFile(gunzipSync(fixture("js-express-log", "captured").body)).lines;
    expect(first).toMatchObject({
      uuid: "ec4245c5-dd69-4b4d-9648-643bc294f217",
      ts: 1795897889.271,
      method: "GET",
      path: "/items/:id",
      url: "http://127.0.0.1:3000/items/1?token=******&q=x",
      statusCode: 200,
      consumer: null,
      requestSize: null,
      responseSize: 45,
      requestBody: null,
      responseBody: "eyJpZCI6MSwibmFtZSI6IldpZGdldCIsInNlY3JldF90b2tlbiI6IioqKioqKiJ9",
      exception: null,
      traceId: "d17ae4f46cc2c19f6ebb21a6ee16f3d8",
    });
    expect(first.responseTimeMs).toBeCloseTo(4.487893, 6);
    expect(JSON.parse(first.requestHeaders!)).toEqual([
      ["host", "127.0.0.1:3000"],
      ["user-agent", "curl/7.88.1"],
      ["accept", "*/*"],
      ["authorization", "******"],
    ]);
    expect(JSON.parse(first.logs!)).toEqual([
      {
        timestamp: 1795897889.268,
        logger: "console",
        level: "log",
        message: "fetching item 1",
        file: null,
        line: null,
      },
    ]);
    expect(JSON.parse(first.spans!)[0]).toEqual({
      spanId: "a003404134c292f5",
      parentSpanId: "d909ac9172581f90",
      name: "db.load_item",
      kind: "INTERNAL",
      startTime: "1795897889268000000",
      endTime: "1795897889268167088",
      status: null,
      attributes: { "db.system": "sqlite", "item.id": "1" },
    });
    expect(me.consumer).toBe("user-123");
  });

  it("reads js exceptions (stacktrace) and py exceptions (traceback) into one shape", () => {
    const js = parseLogFile(gunzipSync(fixture("js-express-log", "captured").body)).lines.find(
      (l) => l.statusCode === 500,
    )!;
    expect(JSON.parse(js.exception!)).toMatchObject({
      type: "Error",
      message: "Something exploded in /error",
      sentryEventId: null,
    });
    expect(JSON.parse(js.exception!).traceback).toMatch(/^Error: Something exploded/);
    const py = parseLogFile(gunzipSync(fixture("py-flask-log", "captured").body)).lines[2];
    expect(JSON.parse(py.exception!)).toMatchObject({
      type: "builtins.RuntimeError",
      message: "flask boom",
      sentryEventId: null,
    });
    expect(JSON.parse(py.exception!).traceback).toMatch(/RuntimeError: flask boom$/);
  });

  it("reads py snake_case lines, with log records' file and line", () => {
    const [first] = parseLogFile(gunzipSync(fixture("py-fastapi-log", "captured").body)).lines;
    expect(first).toMatchObject({
      method: "GET",
      path: "/items/{item_id}",
      statusCode: 200,
      traceId: null,
      spans: null,
    });
    expect(first.responseTimeMs).toBeCloseTo(0.833409, 6);
    expect(JSON.parse(first.logs!)[0]).toEqual({
      timestamp: 1795898012.1679385,
      logger: "demo",
      level: "WARNING",
      message: "fetching item 1",
      file: "/srv/demo/py-app/fastapi_app.py",
      line: 36,
    });
  });

  it("treats an all-zero trace id as none, and reads snake_case spans", () => {
    const line = {
      uuid: "30664e29-575f-4d32-9eca-23f8b359795c",
      request: { timestamp: 1795898012.5, method: "get", url: "http://x/y" },
      response: { status_code: 204, response_time: 0.5 },
      trace_id: "00000000000000000000000000000000",
      spans: [
        {
          span_id: "aa",
          parent_span_id: null,
          name: "root",
          kind: "SERVER",
          start_time: 1795898012000000000,
          end_time: 1795898012500000000,
        },
      ],
    };
    const [l] = parseLogFile(Buffer.from(JSON.stringify(line) + "\n")).lines;
    expect(l.traceId).toBeNull();
    expect(l.method).toBe("GET");
    expect(l.path).toBeNull();
    expect(l.responseTimeMs).toBe(500);
    expect(JSON.parse(l.spans!)[0]).toMatchObject({
      spanId: "aa",
      parentSpanId: null,
      name: "root",
      kind: "SERVER",
      startTime: "1795898012000000000",
    });
    expect(
      parseLogFile(Buffer.from(JSON.stringify({ ...line, trace_id: undefined, traceId: "0000" }))).lines[0].traceId,
    ).toBeNull();
  });

  it("skips broken lines and keeps the rest", () => {
    const good = gunzipSync(fixture("py-flask-log", "captured").body).toString().trim().split("\n");
    // Parses fine but is too deep to store again as JSON text.
    const nested = '{"a":'.repeat(20000) + "1" + "}".repeat(20000);
    const deep =
      good[0].replace("41b00238-387a-4be2-a179-d0652d20f088", "5bdb9126-f894-4683-8566-568035074b99").slice(0, -1) +
      `,"spans":[{"attributes":${nested}}]}`;
    const text = [good[0], "{broken", '{"uuid":"not-a-uuid"}', "[]", "", good[1], '{"request":{}}', deep, good[2]].join(
      "\n",
    );
    const r = parseLogFile(Buffer.from(text));
    expect(r.lines.map((l) => l.uuid)).toEqual([
      "41b00238-387a-4be2-a179-d0652d20f088",
      "36e761c0-4928-4d7b-bf2d-0910a2dd1056",
      "5bdb9126-f894-4683-8566-568035074b31",
    ]);
    expect(r.skipped).toBe(5);
  });
});
