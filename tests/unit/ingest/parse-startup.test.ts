import { describe, expect, it } from "vitest";
import { parseStartup } from "@/lib/ingest/parse";
import { HubReply } from "@/lib/ingest/responses";
import { fixtureJson, hubFixtures } from "../../helpers/hub-fixtures";

const parse = (json: unknown) => parseStartup(Buffer.from(JSON.stringify(json)));

describe("startup payload parsing", () => {
  it("covers every captured startup", () => {
    expect(
      hubFixtures()
        .filter((f) => f.endpoint === "startup")
        .map((f) => f.name),
    ).toEqual(["js-express-startup", "js-fastify-startup", "py-fastapi-startup", "py-flask-startup"]);
  });

  it("reads the express startup", () => {
    expect(parse(fixtureJson("js-express-startup"))).toEqual({
      instanceUuid: "2dd31438-ecbb-4ada-8b17-024f7eb96c7b",
      paths: ["GET /items/:id", "GET /me", "GET /by-string-consumer", "POST /items", "GET /error", "GET /health"].map(
        (k) => {
          const [method, path] = k.split(" ");
          return { method, path, summary: null, description: null };
        },
      ),
      versions: { nodejs: "20.20.2", express: "5.3.0", apitally: "0.25.8", app: "1.2.3" },
      client: "js:express",
      openapi: null,
    });
  });

  it("uppercases FastAPI's lowercase methods and keeps the OpenAPI document as sent", () => {
    const raw = fixtureJson<{ openapi: string }>("py-fastapi-startup");
    const p = parse(raw);
    expect(p.paths.map((r) => `${r.method} ${r.path}`)).toEqual([
      "GET /items/{item_id}",
      "GET /me",
      "GET /state-consumer",
      "POST /items",
      "GET /error",
    ]);
    expect(p.client).toBe("python:starlette");
    expect(p.openapi).toBe(raw.openapi);
    expect(JSON.parse(p.openapi!).info.title).toBe("FastAPI");
    expect(p.versions).toEqual({
      python: "3.11.2",
      uvicorn: "0.17.6",
      fastapi: "0.92.0",
      starlette: "0.26.1",
      app: "3.1.4",
    });
  });

  it.each([
    ["js-fastify-startup", 4, "js:fastify"],
    ["py-flask-startup", 3, "python:flask"],
  ])("reads %s", (name, paths, client) => {
    const p = parse(fixtureJson(name));
    expect(p.paths).toHaveLength(paths);
    expect(p.client).toBe(client);
  });

  it("keeps summary and description (Django Ninja, BlackSheep) and tolerates missing optional parts", () => {
    const p = parse({
      instance_uuid: "e5b8a265-e4ea-47b2-b9ce-47437ac038d5",
      paths: [{ method: "post", path: "/a", summary: "Make an A", description: "Long text" }],
    });
    expect(p.paths).toEqual([{ method: "POST", path: "/a", summary: "Make an A", description: "Long text" }]);
    expect(p.versions).toEqual({});
    expect(p.client).toBeNull();
  });

  it("refuses a startup without a valid instance uuid", () => {
    try {
      parse({ paths: [] });
      throw new Error("accepted");
    } catch (e) {
      expect((e as HubReply).status).toBe(422);
      expect((e as HubReply).body).toEqual({ detail: [expect.objectContaining({ loc: ["body", "instance_uuid"] })] });
    }
  });
});
