import { describe, expect, it } from "vitest";
import { exportFilename, exportStream } from "@/lib/requests/export";

/** Pages "p0", "p1", … up to `total`, recording how many were produced and whether the generator was closed. */
function pages(total: number) {
  const state = { produced: 0, closed: false };
  async function* gen() {
    try {
      while (state.produced < total) yield `p${state.produced++}`;
    } finally {
      state.closed = true;
    }
  }
  return { state, gen: gen() };
}

const text = (chunk: Uint8Array | undefined) => new TextDecoder().decode(chunk);

describe("exportStream", () => {
  it("reads a page only when the consumer asks for one", async () => {
    const { state, gen } = pages(1000);
    const reader = exportStream(gen).getReader();
    expect(state.produced).toBe(0);
    expect(text((await reader.read()).value)).toBe("p0");
    expect(text((await reader.read()).value)).toBe("p1");
    expect(state.produced).toBe(2);
    await reader.cancel();
    expect(state.closed).toBe(true);
    expect(state.produced).toBe(2);
  });

  it("ends when the pages end", async () => {
    const { state, gen } = pages(2);
    const body = await new Response(exportStream(gen)).text();
    expect(body).toBe("p0p1");
    expect(state.closed).toBe(true);
  });

  it("stops reading once the request is aborted", async () => {
    const { state, gen } = pages(1000);
    const abort = new AbortController();
    const reader = exportStream(gen, abort.signal).getReader();
    await reader.read();
    abort.abort();
    expect(await reader.read()).toEqual({ done: true, value: undefined });
    expect(state).toEqual({ produced: 1, closed: true });
  });
});

describe("exportFilename", () => {
  it("keeps letters and digits of the app's name, with the day in UTC", () => {
    const at = Date.UTC(2026, 10, 30, 23, 59);
    expect(exportFilename("Shop API (EU)", "csv", at)).toBe("shop-api-eu-requests-2026-11-30.csv");
    expect(exportFilename("  ", "ndjson", at)).toBe("app-requests-2026-11-30.ndjson");
  });
});
