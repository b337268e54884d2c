// The setup snippets must work as pasted: the right imports from the real packages, the
// app's client ID and env, and the hub URL set where each client reads it.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { FRAMEWORKS } from "@/lib/apps/frameworks";
import { setupGuide } from "@/lib/apps/snippets";
import { PIN_REASON } from "@/lib/apps/snippets/python";

const params = { clientId: "2b1f4f7e-5c1a-4f0e-9a8b-0c1d2e3f4a5b", env: "dev", hubUrl: "https://tally.example.com" };

describe("setup snippets", () => {
  it("FastAPI is Apitally's own snippet, after the line that points it at Tallyhub", () => {
    const { setup, install, hubEnv } = setupGuide("fastapi", params);
    expect(install.code).toBe(`${PIN_REASON}
pip install "apitally[fastapi]<1"
# in requirements.txt or pyproject.toml: "apitally[fastapi]<1"`);
    expect(setup.code).toBe(`import os

# Send data to Tallyhub. Must run before apitally is imported.
os.environ.setdefault("APITALLY_HUB_BASE_URL", "https://tally.example.com")

from fastapi import FastAPI
from apitally.fastapi import ApitallyMiddleware

app = FastAPI()
app.add_middleware(
    ApitallyMiddleware,
    client_id="${params.clientId}",
    env="dev",  # or "prod" etc.
)
`);
    expect(hubEnv.code).toBe("APITALLY_HUB_BASE_URL=https://tally.example.com");
  });

  it.each(FRAMEWORKS.map((f) => [f.id]))("%s: client ID, env and hub URL are all in the snippet", (id) => {
    const guide = setupGuide(id, { ...params, env: "staging-2" });
    expect(guide.setup.code).toContain(`"${params.clientId}"`);
    expect(guide.setup.code).toContain('"staging-2"');
    expect(guide.setup.code).toContain(`APITALLY_HUB_BASE_URL`);
    expect(guide.setup.code).toContain(`"https://tally.example.com"`);
    // Python reads the variable when apitally is imported: it must be set before that.
    if (guide.readsHubUrlAtImport) {
      expect(guide.setup.code.indexOf("os.environ.setdefault")).toBeLessThan(Math.max(0, guide.setup.code.indexOf("apitally.")));
    }
  });

  it.each([
    ["flask", "app.wsgi_app = ApitallyMiddleware(\n    app,\n"],
    ["django", '"apitally.django.ApitallyMiddleware",'],
    ["django", "APITALLY_MIDDLEWARE = {\n    \"client_id\": "],
    ["litestar", "from apitally.litestar import ApitallyPlugin"],
    ["starlette", "from apitally.starlette import ApitallyMiddleware"],
    ["fastify", "await app.register(apitallyPlugin, {"],
    ["nestjs", "await useApitally(app, {"],
  ])("%s uses the client's documented entry point", (id, text) => {
    expect(setupGuide(id, params).setup.code).toContain(text);
  });

  // Checked against the installed apitally package, so a renamed export fails here first.
  it.each(FRAMEWORKS.filter((f) => f.language === "javascript").map((f) => [f.id]))("%s imports names the apitally package exports", (id) => {
    const guide = setupGuide(id, params);
    for (const code of [guide.setup.code, guide.consumer.code]) {
      for (const m of code.matchAll(/import \{ ([^}]+) \} from "apitally\/(\w+)";/g)) {
        const types = readFileSync(path.join("node_modules/apitally/dist", m[2], "index.d.ts"), "utf8");
        for (const name of m[1].split(",").map((s) => s.trim())) {
          expect(types, `${name} from apitally/${m[2]}`).toMatch(new RegExp(`export \\{[^}]*\\b${name}\\b[^}]*\\}|as ${name}\\b`));
        }
      }
    }
  });

  // apitally 1.x (PyPI's default since 2026-10) no longer speaks the hub protocol: an unpinned
  // install gives an app that does not even import ApitallyMiddleware.
  it.each(FRAMEWORKS.filter((f) => f.language === "python").map((f) => [f.id]))(
    "%s installs only the 0.x line of apitally, and says why",
    (id) => {
      const guide = setupGuide(id, params);
      const lines = [guide.install.code, guide.setup.code, guide.consumer.code]
        .join("\n")
        .split("\n")
        .filter((line) => /pip install|requirements|pyproject|poetry add|uv add/.test(line));
      const requirements = lines.flatMap((line) => line.split(/\s+/).filter((word) => word.includes("apitally")));
      expect(requirements.length).toBeGreaterThan(0);
      for (const requirement of requirements) expect(requirement).toMatch(/^"apitally\[\w+\]<1"$/);
      expect(guide.install.code.split("\n")[0]).toBe(PIN_REASON);
    },
  );

  it("consumer identification per language", () => {
    expect(setupGuide("fastapi", params).consumer.code).toContain('request.state.apitally_consumer = ApitallyConsumer("customer-42", name=');
    expect(setupGuide("flask", params).consumer.code).toContain('set_consumer("customer-42", name="Acme Inc.", group="Enterprise")');
    expect(setupGuide("express", params).consumer.code).toContain('setConsumer(req, { identifier: "customer-42", name: "Acme Inc.", group: "Enterprise" });');
    expect(setupGuide("koa", params).consumer.code).toContain('setConsumer(ctx, "customer-42");');
  });
});
