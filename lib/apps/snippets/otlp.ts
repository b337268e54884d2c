// Setup guides for OpenTelemetry senders: apitally-py 1.x (an OpenTelemetry distribution that
// exports OTLP with a write token) and any OpenTelemetry SDK, through the standard variables.
import type { FrameworkIdOf } from "../frameworks";
import { lit, type FrameworkGuide, type SnippetParams } from "./types";

// apitally 1.x reads APITALLY_OTLP_ENDPOINT in apitally.init(); setdefault lets a real env var win.
const endpointLines = (url: string) => `import os

# Send data to Tallyhub. Must run before apitally.init().
os.environ.setdefault("APITALLY_OTLP_ENDPOINT", ${lit(url)})
`;

const install = (extra: string) => ({
  code: `# apitally 1.x: the OpenTelemetry SDK\npip install "apitally[${extra}]>=1,<2"`,
  language: "bash" as const,
});

const init = (writeToken: string, env: string, app = "app, ") =>
  `apitally.init(${app}write_token=${lit(writeToken)}, env=${lit(env)})`;

const consumer: FrameworkGuide["consumer"] = {
  language: "python",
  code: `from apitally import set_consumer

# Inside a request, wherever you know who is calling:
set_consumer("customer-42")

# or with a display name and a group:
set_consumer("customer-42", name="Acme Inc.", group="Enterprise")
`,
};

function appInit(extra: string, imports: string, create: string) {
  return ({ writeToken, env, hubUrl }: SnippetParams): FrameworkGuide => ({
    install: install(extra),
    setup: {
      language: "python",
      code: `${endpointLines(hubUrl)}\nimport apitally\n${imports}\n\n${create}\n${init(writeToken, env)}\n`,
    },
    consumer,
  });
}

export const pythonOtlpGuides: Record<FrameworkIdOf<"python">, (p: SnippetParams) => FrameworkGuide> = {
  fastapi: appInit("fastapi", "from fastapi import FastAPI", "app = FastAPI()"),
  flask: appInit("flask", "from flask import Flask", "app = Flask(__name__)"),
  starlette: appInit("starlette", "from starlette.applications import Starlette", "app = Starlette(routes=[...])"),
  blacksheep: appInit("blacksheep", "from blacksheep import Application", "app = Application()"),
  django: ({ writeToken, env, hubUrl }) => ({
    install: install("django"),
    setup: {
      language: "python",
      file: "settings.py",
      code: `MIDDLEWARE = [
    # Your middleware ...
]

# ... at the very end of settings.py (Apitally adds its own middleware):
${endpointLines(hubUrl)}
import apitally

${init(writeToken, env, "")}
`,
    },
    consumer,
  }),
  litestar: ({ writeToken, env, hubUrl }) => ({
    install: install("litestar"),
    setup: {
      language: "python",
      code: `${endpointLines(hubUrl)}
from litestar import Litestar
from apitally.litestar import ApitallyPlugin

app = Litestar(
    route_handlers=[...],
    plugins=[ApitallyPlugin(write_token=${lit(writeToken)}, env=${lit(env)})],
)
`,
    },
    consumer,
  }),
};

/** Any OpenTelemetry SDK: the specification's own variables, OTLP over HTTP with protobuf. */
export function openTelemetryGuide({ writeToken, env, hubUrl }: SnippetParams): FrameworkGuide {
  return {
    install: {
      language: "bash",
      code: `# Your language's OpenTelemetry SDK with HTTP instrumentation and the OTLP/HTTP exporter, e.g. Node.js:
npm install @opentelemetry/sdk-node @opentelemetry/auto-instrumentations-node`,
    },
    setup: {
      language: "dotenv",
      code: otelEnv({ writeToken, env, hubUrl }),
    },
    consumer: {
      language: "javascript",
      code: `import { trace } from "@opentelemetry/api";

// Inside a request, wherever you know who is calling (the active span is the request's or one within it):
trace.getActiveSpan()?.setAttributes({
  "apitally.consumer.identifier": "customer-42",
  "apitally.consumer.name": "Acme Inc.",      // optional
  "apitally.consumer.group": "Enterprise",    // optional
});
`,
    },
  };
}

export function otelEnv({ writeToken, env, hubUrl }: Pick<SnippetParams, "writeToken" | "env" | "hubUrl">) {
  return `OTEL_EXPORTER_OTLP_ENDPOINT=${hubUrl}
OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf
OTEL_EXPORTER_OTLP_HEADERS=Authorization=Bearer%20${writeToken}
OTEL_RESOURCE_ATTRIBUTES=deployment.environment.name=${env}
`;
}

export const apitallyOtlpEnv = ({ writeToken, env, hubUrl }: Pick<SnippetParams, "writeToken" | "env" | "hubUrl">) =>
  `APITALLY_OTLP_ENDPOINT=${hubUrl}\nAPITALLY_WRITE_TOKEN=${writeToken}\nAPITALLY_ENV=${env}`;
