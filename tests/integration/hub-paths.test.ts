// Paths as clients really send them, against the real server (scripts/server.mjs in front of Next.js):
// APITALLY_HUB_BASE_URL with a trailing slash makes the Python client post to `//v2/…`, which `next start` answered
// with a 308 the client does not follow (0 of 3 requests arrived); a trailing slash on the path is served too; a
// malformed percent-escape gets a JSON 404 instead of Next.js's bare 500.
import { describe, expect, inject, it } from "vitest";
import { sql } from "@/lib/db";
import { cleanPath } from "../../scripts/request-path.mjs";
import { createApp } from "../helpers/factory";
import { logFilesExpanded } from "../helpers/hub-db";
import { fixture, replay } from "../helpers/hub-fixtures";

const base = inject("baseUrl");
const count = async (table: string, appId: number) =>
  Number((await sql().all<{ n: number }>(`SELECT COUNT(*) AS "n" FROM "${table}" WHERE "appId" = ?`, [appId]))[0].n);

describe("hub paths", () => {
  it("startup, sync and log posted to //v2/… are stored, not redirected", async () => {
    const app = await createApp({ envs: ["prod"] });
    for (const name of ["py-fastapi-startup", "py-fastapi-sync", "py-fastapi-log"]) {
      const r = await replay(`${base}/`, fixture(name), app.clientId);
      expect(r.url, name).toContain("//v2/");
      expect(`${name} ${r.status}`).toBe(`${name} 202`);
    }
    expect(await count("Instance", app.id)).toBe(1);
    expect(await count("RequestRollup", app.id)).toBeGreaterThan(0);
    await logFilesExpanded(app.id); // the log file is answered once staged, its lines stored just after
    expect(await count("RequestLog", app.id)).toBeGreaterThan(0);
  });

  it("a trailing slash on the path is served where it was meant", async () => {
    const app = await createApp({ envs: ["prod"] });
    const f = fixture("js-express-sync");
    const r = await fetch(`${base}/v2/${app.clientId}/prod/sync/`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: new Uint8Array(f.body),
      redirect: "manual",
    });
    expect(r.status).toBe(202);
    expect(await count("RequestRollup", app.id)).toBeGreaterThan(0);
  });

  it("a malformed percent-escape is a JSON 404, on hub routes and pages alike", async () => {
    for (const path of ["/v2/%E0%A4%A/prod/sync", "/apps/%zz", "/v1/traces%"]) {
      const r = await fetch(`${base}${path}`, { method: path.startsWith("/v") ? "POST" : "GET", redirect: "manual" });
      expect(`${path} ${r.status}`).toBe(`${path} 404`);
      expect(r.headers.get("content-type")).toContain("application/json");
      expect(((await r.json()) as { detail: string }).detail).toMatch(/malformed percent-escape/);
    }
  });

  it("cleanPath collapses slashes, drops a trailing one, keeps the query and refuses bad escapes", () => {
    expect(cleanPath("//v2/a/prod/sync")).toBe("/v2/a/prod/sync");
    expect(cleanPath("/v2//a///prod/sync/?x=//y/")).toBe("/v2/a/prod/sync?x=//y/");
    expect(cleanPath("/")).toBe("/");
    expect(cleanPath("//")).toBe("/");
    expect(cleanPath("/apps/")).toBe("/apps");
    expect(cleanPath("/a%20b")).toBe("/a%20b");
    expect(cleanPath("/a%E0%A4%A")).toBeNull();
    expect(cleanPath("/%")).toBeNull();
    expect(cleanPath("http://example.com//x")).toBe("http://example.com//x");
  });
});
