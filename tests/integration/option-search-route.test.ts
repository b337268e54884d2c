// The filter bar's search route over HTTP against `next start`: the owner gets the matches; signed out is 401;
// someone else's app, an unknown app or kind is 404; a missing, long or odd query is a 400, never a 500.
import { beforeAll, describe, expect, it } from "vitest";
import { C, EP, seedDashboardAppWithSessions } from "../helpers/dashboard-fixture";
import { get } from "../helpers/http-session";

let appId: number;
let owner: string;
let stranger: string;

beforeAll(async () => {
  ({ appId, owner, stranger } = await seedDashboardAppWithSessions());
});

const options = (kind: string, query: string, cookie?: string) =>
  get(`/api/apps/${appId}/options/${kind}?${query}`, cookie);

describe("GET /api/apps/:appId/options/:kind", () => {
  it("serves the owner the endpoints and consumers that match, uncached", async () => {
    const r = await options("endpoints", "q=ITEMS%2F%7B", owner);
    expect(r.status).toBe(200);
    expect(r.headers.get("cache-control")).toBe("no-store");
    expect((await r.json()).matches.map((e: { id: number }) => e.id).sort()).toEqual([EP.get, EP.delete].sort());
    const consumers = await (await options("consumers", "q=acme", owner)).json();
    expect(consumers.matches).toEqual([{ id: C.acme, identifier: "acme", name: "Acme Corp" }]);
    expect((await (await options("endpoints", "q=items&limit=2", owner)).json()).matches).toHaveLength(2);
  });

  it("is 401 signed out, 404 for someone else's app, an unknown app or kind", async () => {
    expect((await options("endpoints", "q=items")).status).toBe(401);
    const r = await options("endpoints", "q=items", stranger);
    expect(r.status).toBe(404);
    expect(await r.json()).toEqual({ error: "Not found." });
    expect((await options("groups", "q=items", owner)).status).toBe(404);
    expect((await get(`/api/apps/99999999/options/endpoints?q=items`, owner)).status).toBe(404);
    expect((await get(`/api/apps/abc/options/endpoints?q=items`, owner)).status).toBe(404);
  });

  it("is 400 for a missing, blank or too long query and a bad limit", async () => {
    for (const query of ["", "q=", "q=%20%20", `q=${"x".repeat(201)}`, "q=a&limit=0", "q=a&limit=51", "q=a&limit=x"]) {
      const r = await options("endpoints", query, owner);
      expect(r.status, query).toBe(400);
      expect(typeof (await r.json()).error).toBe("string");
    }
  });

  it("answers odd text with matches or none, never a 500", async () => {
    for (const q of ["%", "_", "\\", "'", '"', "*", "%00", "é", "😀", "a".repeat(200)]) {
      const r = await options("consumers", `q=${encodeURIComponent(q)}`, owner);
      expect(r.status, q).toBe(200);
    }
  });
});
