// Setup guides for the Python client (apitally 0.x on PyPI), in the shape of Apitally's own
// README so they work as pasted.
import type { FrameworkIdOf } from "../frameworks";
import { lit, type FrameworkGuide, type SnippetParams } from "./types";

// The Python client reads APITALLY_HUB_BASE_URL once, when apitally is first imported, so
// the line has to come before that import. setdefault lets a real env var win.
const hubLines = (hubUrl: string) =>
  `import os

# Send data to Tallyhub. Must run before apitally is imported.
os.environ.setdefault("APITALLY_HUB_BASE_URL", ${lit(hubUrl)})
`;

const envComment = `  # or "prod" etc.`;

// apitally 1.x on PyPI sends OpenTelemetry instead of the hub protocol these snippets use, so
// every install names the 0.x line; an unpinned install would not even import.
export const PIN_REASON = "# apitally 1.x speaks OpenTelemetry, not this snippet's hub protocol: stay on 0.x";

const pinned = (extra: string) => `"apitally[${extra}]<1"`;

const install = (extra: string, alternative?: { label: string; extra: string }) => ({
  code: [
    PIN_REASON,
    `pip install ${pinned(extra)}`,
    ...(alternative ? [`# or, ${alternative.label}:`, `pip install ${pinned(alternative.extra)}`] : []),
    `# in requirements.txt or pyproject.toml: ${pinned(extra)}`,
  ].join("\n"),
  language: "bash" as const,
});

function asgiConsumer(module: string): FrameworkGuide["consumer"] {
  return {
    language: "python",
    code: `from apitally.${module} import ApitallyConsumer

# Wherever you know who is calling, e.g. in your auth dependency:
request.state.apitally_consumer = "customer-42"

# or with a display name and a group:
request.state.apitally_consumer = ApitallyConsumer("customer-42", name="Acme Inc.", group="Enterprise")
`,
  };
}

export const pythonGuides: Record<FrameworkIdOf<"python">, (p: SnippetParams) => FrameworkGuide> = {
  fastapi: ({ clientId, env, hubUrl }) => ({
    install: install("fastapi"),
    setup: {
      language: "python",
      code: `${hubLines(hubUrl)}
from fastapi import FastAPI
from apitally.fastapi import ApitallyMiddleware

app = FastAPI()
app.add_middleware(
    ApitallyMiddleware,
    client_id=${lit(clientId)},
    env=${lit(env)},${envComment}
)
`,
    },
    consumer: asgiConsumer("fastapi"),
  }),

  starlette: ({ clientId, env, hubUrl }) => ({
    install: install("starlette"),
    setup: {
      language: "python",
      code: `${hubLines(hubUrl)}
from starlette.applications import Starlette
from apitally.starlette import ApitallyMiddleware

app = Starlette(routes=[...])
app.add_middleware(
    ApitallyMiddleware,
    client_id=${lit(clientId)},
    env=${lit(env)},${envComment}
)
`,
    },
    consumer: asgiConsumer("starlette"),
  }),

  litestar: ({ clientId, env, hubUrl }) => ({
    install: install("litestar"),
    setup: {
      language: "python",
      code: `${hubLines(hubUrl)}
from litestar import Litestar
from apitally.litestar import ApitallyPlugin

app = Litestar(
    route_handlers=[...],
    plugins=[
        ApitallyPlugin(
            client_id=${lit(clientId)},
            env=${lit(env)},${envComment}
        ),
    ],
)
`,
    },
    consumer: asgiConsumer("litestar"),
  }),

  flask: ({ clientId, env, hubUrl }) => ({
    install: install("flask"),
    setup: {
      language: "python",
      code: `${hubLines(hubUrl)}
from flask import Flask
from apitally.flask import ApitallyMiddleware

app = Flask(__name__)
app.wsgi_app = ApitallyMiddleware(
    app,
    client_id=${lit(clientId)},
    env=${lit(env)},${envComment}
)
`,
    },
    consumer: {
      language: "python",
      code: `from apitally.flask import set_consumer

# Wherever you know who is calling, e.g. in a before_request hook:
set_consumer("customer-42")

# or with a display name and a group:
set_consumer("customer-42", name="Acme Inc.", group="Enterprise")
`,
    },
  }),

  blacksheep: ({ clientId, env, hubUrl }) => ({
    install: install("blacksheep"),
    setup: {
      language: "python",
      code: `${hubLines(hubUrl)}
from blacksheep import Application
from apitally.blacksheep import use_apitally

app = Application()
use_apitally(
    app,
    client_id=${lit(clientId)},
    env=${lit(env)},${envComment}
)
`,
    },
    consumer: {
      language: "python",
      code: `from apitally.blacksheep import ApitallyConsumer, use_apitally

# Called for every request; return None when the caller is anonymous:
def identify_consumer(request):
    return ApitallyConsumer("customer-42", name="Acme Inc.", group="Enterprise")

use_apitally(app, client_id=${lit(clientId)}, env=${lit(env)}, consumer_callback=identify_consumer)
`,
    },
  }),

  django: ({ clientId, env, hubUrl }) => ({
    install: install("django_rest_framework", { label: "for Django Ninja", extra: "django_ninja" }),
    setup: {
      language: "python",
      file: "settings.py",
      code: `${hubLines(hubUrl)}
MIDDLEWARE = [
    "apitally.django.ApitallyMiddleware",
    # Other middleware ...
]
APITALLY_MIDDLEWARE = {
    "client_id": ${lit(clientId)},
    "env": ${lit(env)},${envComment}
}
`,
    },
    consumer: {
      language: "python",
      code: `from apitally.django import ApitallyConsumer

# In a view or middleware, once you know who is calling:
request.apitally_consumer = "customer-42"

# or with a display name and a group:
request.apitally_consumer = ApitallyConsumer("customer-42", name="Acme Inc.", group="Enterprise")
`,
    },
  }),
};
