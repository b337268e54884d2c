import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { readBody } from "@/lib/ingest/body";
import { HubReply } from "@/lib/ingest/responses";
import { fixture } from "../../helpers/hub-fixtures";

const limits = { compressed: 1000, decompressed: 5000 };

function streamed(chunks: Uint8Array[], headers: Record<string, string> = {}): Request {
  const body = new ReadableStream<Uint8Array>({
    start(c) {
      for (const x of chunks) c.enqueue(x);
      c.close();
    },
  });
  return new Request("http://hub/v2/x/dev/log", { method: "POST", body, headers, duplex: "half" } as RequestInit);
}

async function status(p: Promise<unknown>): Promise<number> {
  try {
    await p;
    return 202;
  } catch (e) {
    if (e instanceof HubReply) return e.status;
    throw e;
  }
}

describe("reading request bodies", () => {
  it("gunzips a /log upload that has no Content-Encoding, chunked", async () => {
    const gz = fixture("py-fastapi-log").body;
    const chunks = [gz.subarray(0, 100), gz.subarray(100, 1500), gz.subarray(1500)];
    const body = await readBody(streamed(chunks), { compressed: 1 << 20, decompressed: 1 << 22 });
    expect(body.toString().split("\n").filter(Boolean)).toHaveLength(9);
  });

  it("passes plain JSON through", async () => {
    const body = await readBody(streamed([Buffer.from('{"a":1}')]), limits);
    expect(body.toString()).toBe('{"a":1}');
  });

  it("refuses a declared Content-Length over the cap without reading", async () => {
    const req = new Request("http://hub/x", {
      method: "POST",
      body: "x".repeat(10),
      headers: { "content-length": "1001" },
    });
    expect(await status(readBody(req, limits))).toBe(413);
  });

  it("refuses a chunked body that grows past the cap", async () => {
    expect(await status(readBody(streamed([Buffer.alloc(600), Buffer.alloc(600)]), limits))).toBe(413);
    expect(await status(readBody(streamed(Array(100).fill(Buffer.alloc(600))), limits))).toBe(413);
  });

  it("refuses a gzip bomb by its inflated size", async () => {
    const bomb = gzipSync(Buffer.alloc(10_000_000));
    expect(bomb.length).toBeLessThan(limits.compressed * 20);
    expect(await status(readBody(streamed([bomb]), { compressed: 100_000, decompressed: 5000 }))).toBe(413);
  });

  it("refuses gzip magic followed by garbage with 422", async () => {
    expect(await status(readBody(streamed([Buffer.from([0x1f, 0x8b, 1, 2, 3, 4, 5])]), limits))).toBe(422);
  });

  it("keeps what a truncated gzip file holds", async () => {
    const text = Array.from({ length: 200 }, (_, i) => `{"line":${i}}`).join("\n");
    const gz = gzipSync(text);
    const body = await readBody(streamed([gz.subarray(0, gz.length - 10)]), {
      compressed: 1 << 20,
      decompressed: 1 << 20,
    });
    expect(text.startsWith(body.toString())).toBe(true);
    expect(body.length).toBeGreaterThan(0);
  });

  it("reads an empty body as empty", async () => {
    expect((await readBody(new Request("http://hub/x", { method: "POST" }), limits)).length).toBe(0);
  });
});
