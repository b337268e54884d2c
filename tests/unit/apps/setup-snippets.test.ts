// The setup snippets must work as pasted: the right imports from the real packages, the
// app's client ID and env, and the hub URL set where each client reads it.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { FRAMEWORKS } from "@/lib/apps/frameworks";
import { setupGuides, type SnippetParams } from "@/lib/apps/snippets";
import { PIN_REASON } from "@/lib/apps/snippets/python";

const params = {
  clientId: "2b1f4f7e-5c1a-4f0e-9a8b-0c1d2e3f4a5b",
  writeToken: "apt_3kPmN9xQv2bR7tH4wZ8yL5cE",
  env: "dev",
  hubUrl: "https://tally.example.com",
};
const HUB_FRAMEWORKS = FRAMEWORKS.filter((f) => f.language !== "opentelemetry");
const guideOf = (id: string, protocol: "hub" | "otlp", p: SnippetParams = params) =>
  setupGuides(id, p).find((g) => g.protocol === protocol)!;
const setupGuide = (id: string, p: SnippetParams = params) => guideOf(id, "hub", p);

describe("setup snippets", () => {
  it("FastAPI is Apitally's own snippet, after the line that points it at Tallyhub", () => {
    const { setup, install, envVars } = setupGuide("fastapi", params);
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
    expect(envVars.code).toBe("APITALLY_HUB_BASE_URL=https://tally.example.com");
  });

  it.each(HUB_FRAMEWORKS.map((f) => [f.id]))("%s: client ID, env and hub URL are all in the snippet", (id) => {
    const guide = setupGuide(id, { ...params, env: "staging-2" });
    expect(guide.setup.code).toContain(`"${params.clientId}"`);
    expect(guide.setup.code).toContain('"staging-2"');
    expect(guide.setup.code).toContain(`APITALLY_HUB_BASE_URL`);
    expect(guide.setup.code).toContain(`"https://tally.example.com"`);
    // Python reads the variable when apitally is imported: it must be set before that.
    if (guide.readsSettingsAtStart) {
      expect(guide.setup.code.indexOf("os.environ.setdefault")).toBeLessThan(
        Math.max(0, guide.setup.code.indexOf("apitally.")),
      );
    }
  });

  it.each(FRAMEWORKS.filter((f) => f.language === "javascript").map((f) => [f.id]))(
    "%s: the hub URL goes into the app's environment unless the variable is set already",
    (id) => {
      expect(setupGuide(id).setup.code).toContain(
        '\n// Send data to Tallyhub.\nprocess.env.APITALLY_HUB_BASE_URL ??= "https://tally.example.com";\n',
      );
    },
  );

  it.each([
    ["flask", "app.wsgi_app = ApitallyMiddleware(\n    app,\n"],
    ["django", '"apitally.django.ApitallyMiddleware",'],
    ["django", 'APITALLY_MIDDLEWARE = {\n    "client_id": '],
    ["litestar", "from apitally.litestar import ApitallyPlugin"],
    ["starlette", "from apitally.starlette import ApitallyMiddleware"],
    ["fastify", "await app.register(apitallyPlugin, {"],
    ["nestjs", "await useApitally(app, {"],
  ])("%s uses the client's documented entry point", (id, text) => {
    expect(setupGuide(id, params).setup.code).toContain(text);
  });

  // Checked against the installed apitally package, so a renamed export fails here first.
  it.each(FRAMEWORKS.filter((f) => f.language === "javascript").map((f) => [f.id]))(
    "%s imports names the apitally package exports",
    (id) => {
      const guide = setupGuide(id, params);
      for (const code of [guide.setup.code, guide.consumer.code]) {
        for (const m of code.matchAll(/import \{ ([^}]+) \} from "apitally\/(\w+)";/g)) {
          const types = readFileSync(path.join("node_modules/apitally/dist", m[2], "index.d.ts"), "utf8");
          for (const name of m[1].split(",").map((s) => s.trim())) {
            expect(types, `${name} from apitally/${m[2]}`).toMatch(
              new RegExp(`export \\{[^}]*\\b${name}\\b[^}]*\\}|as ${name}\\b`),
            );
          }
        }
      }
    },
  );

  // apitally 1.x (PyPI's default since 2026-10) no longer speaks the hub protocol: an unpinned
  // install gives an app that does not even import ApitallyMiddleware. Every Python guide
  // names its line: 0.x for the hub protocol, 1.x for OTLP.
  it.each(FRAMEWORKS.filter((f) => f.language === "python").map((f) => [f.id]))(
    "%s installs only the apitally line its snippet is written for, and says why",
    (id) => {
      for (const guide of setupGuides(id, params)) {
        const lines = [guide.install.code, guide.setup.code, guide.consumer.code]
          .join("\n")
          .split("\n")
          .filter((line) => /pip install|requirements|pyproject|poetry add|uv add/.test(line));
        const requirements = lines.flatMap((line) => line.split(/\s+/).filter((word) => word.includes("apitally")));
        expect(requirements.length).toBeGreaterThan(0);
        const pin = guide.protocol === "hub" ? /^"apitally\[\w+\]<1"$/ : /^"apitally\[\w+\]>=1,<2"$/;
        for (const requirement of requirements) expect(requirement).toMatch(pin);
        if (guide.protocol === "hub") expect(guide.install.code.split("\n")[0]).toBe(PIN_REASON);
      }
    },
  );

  it("Python apps get apitally 1.x over OTLP first, with the 0.x hub client as the alternative", () => {
    const [first, second] = setupGuides("fastapi", params);
    expect([first.protocol, second.protocol]).toEqual(["otlp", "hub"]);
    expect(first.install.code).toContain('pip install "apitally[fastapi]>=1,<2"');
    expect(first.setup.code).toBe(`import os

# Send data to Tallyhub. Must run before apitally.init().
os.environ.setdefault("APITALLY_OTLP_ENDPOINT", "https://tally.example.com")

import apitally
from fastapi import FastAPI

app = FastAPI()
apitally.init(app, write_token="apt_3kPmN9xQv2bR7tH4wZ8yL5cE", env="dev")
`);
    expect(first.envVars.code).toBe(
      "APITALLY_OTLP_ENDPOINT=https://tally.example.com\nAPITALLY_WRITE_TOKEN=apt_3kPmN9xQv2bR7tH4wZ8yL5cE\nAPITALLY_ENV=dev",
    );
    expect(first.consumer.code).toContain("from apitally import set_consumer");
  });

  it.each([
    ["django", "apitally.init(write_token="],
    ["litestar", "ApitallyPlugin(write_token="],
    ["flask", "apitally.init(app, write_token="],
    ["blacksheep", "apitally.init(app, write_token="],
  ])("%s: the 1.x entry point with the write token, after the endpoint line", (id, text) => {
    const code = guideOf(id, "otlp").setup.code;
    expect(code).toContain(text);
    expect(code.indexOf("APITALLY_OTLP_ENDPOINT")).toBeLessThan(code.indexOf("write_token="));
  });

  it("an OpenTelemetry service gets the standard exporter variables with the write token", () => {
    const guides = setupGuides("opentelemetry", { ...params, env: "staging" });
    expect(guides).toHaveLength(1);
    expect(guides[0].setup.code).toBe(`OTEL_EXPORTER_OTLP_ENDPOINT=https://tally.example.com
OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf
OTEL_EXPORTER_OTLP_HEADERS=Authorization=Bearer%20apt_3kPmN9xQv2bR7tH4wZ8yL5cE
OTEL_RESOURCE_ATTRIBUTES=deployment.environment.name=staging
`);
    expect(guides[0].consumer.code).toContain('"apitally.consumer.identifier": "customer-42"');
  });

  it("consumer identification per language", () => {
    expect(setupGuide("fastapi", params).consumer.code).toContain(
      'request.state.apitally_consumer = ApitallyConsumer("customer-42", name=',
    );
    expect(setupGuide("flask", params).consumer.code).toContain(
      'set_consumer("customer-42", name="Acme Inc.", group="Enterprise")',
    );
    expect(setupGuide("express", params).consumer.code).toContain(
      'setConsumer(req, { identifier: "customer-42", name: "Acme Inc.", group: "Enterprise" });',
    );
    expect(setupGuide("koa", params).consumer.code).toContain('setConsumer(ctx, "customer-42");');
  });
});
