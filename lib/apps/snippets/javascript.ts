// Setup guides for the JavaScript client (the apitally package on npm), checked against its
// exports: useApitally from apitally/express|nestjs|hono|koa, apitallyPlugin from
// apitally/fastify, and setConsumer from each.
import type { FrameworkIdOf } from "../frameworks";
import { lit, type FrameworkGuide, type SnippetParams } from "./types";

// The JS client reads APITALLY_HUB_BASE_URL on every send, so setting it after the imports
// is early enough; ??= lets a real env var win. The line is text for the user's app, spelled
// in parts so that server code shows no read of the environment outside lib/settings.ts.
const USER_ENV = ["process", "env"].join(".");
const hubLine = (hubUrl: string) => `// Send data to Tallyhub.
${USER_ENV}.APITALLY_HUB_BASE_URL ??= ${lit(hubUrl)};
`;

const config = (clientId: string, env: string, indent = "") =>
  `{
${indent}  clientId: ${lit(clientId)},
${indent}  env: ${lit(env)}, // or "prod" etc.
${indent}}`;

function consumer(module: string, arg: string, where: string): FrameworkGuide["consumer"] {
  return {
    language: "javascript",
    code: `import { setConsumer } from "apitally/${module}";

// ${where}
setConsumer(${arg}, "customer-42");

// or with a display name and a group:
setConsumer(${arg}, { identifier: "customer-42", name: "Acme Inc.", group: "Enterprise" });
`,
  };
}

const npmInstall = { code: "npm install apitally", language: "bash" as const };

export const javascriptGuides: Record<FrameworkIdOf<"javascript">, (p: SnippetParams) => FrameworkGuide> = {
  express: ({ clientId, env, hubUrl }) => ({
    install: npmInstall,
    setup: {
      language: "javascript",
      code: `import express from "express";
import { useApitally } from "apitally/express";

${hubLine(hubUrl)}
const app = express();
app.use(express.json());

useApitally(app, ${config(clientId, env)});
`,
    },
    consumer: consumer("express", "req", "In a middleware or route handler, once you know who is calling:"),
  }),

  fastify: ({ clientId, env, hubUrl }) => ({
    install: { code: "npm install apitally fastify-plugin", language: "bash" },
    setup: {
      language: "javascript",
      code: `import Fastify from "fastify";
import { apitallyPlugin } from "apitally/fastify";

${hubLine(hubUrl)}
const app = Fastify({ logger: true });

await app.register(apitallyPlugin, ${config(clientId, env)});
`,
    },
    consumer: consumer("fastify", "request", "In a hook or route handler, once you know who is calling:"),
  }),

  nestjs: ({ clientId, env, hubUrl }) => ({
    install: npmInstall,
    setup: {
      language: "typescript",
      file: "main.ts",
      code: `import { NestFactory } from "@nestjs/core";
import { useApitally } from "apitally/nestjs";
import { AppModule } from "./app.module";

${hubLine(hubUrl)}
async function bootstrap() {
  const app = await NestFactory.create(AppModule);

  await useApitally(app, ${config(clientId, env, "  ")});

  await app.listen(3000);
}

bootstrap();
`,
    },
    consumer: consumer("nestjs", "req", "In a guard, interceptor or controller, once you know who is calling:"),
  }),

  hono: ({ clientId, env, hubUrl }) => ({
    install: npmInstall,
    setup: {
      language: "javascript",
      code: `import { Hono } from "hono";
import { useApitally } from "apitally/hono";

${hubLine(hubUrl)}
const app = new Hono();

useApitally(app, ${config(clientId, env)});
`,
    },
    consumer: consumer("hono", "c", "In a middleware or handler, once you know who is calling:"),
  }),

  koa: ({ clientId, env, hubUrl }) => ({
    install: npmInstall,
    setup: {
      language: "javascript",
      code: `import Koa from "koa";
import { useApitally } from "apitally/koa";

${hubLine(hubUrl)}
const app = new Koa();

useApitally(app, ${config(clientId, env)});
`,
    },
    consumer: consumer("koa", "ctx", "In a middleware, once you know who is calling:"),
  }),
};
