// A small Express app instrumented with the real OpenTelemetry JS SDK, exporting OTLP/HTTP protobuf traces, metrics and
// logs, for the OTLP receiver tests.
// Configured by env: OTLP_ENDPOINT (base URL, /v1/traces|metrics|logs are appended), OTLP_TOKEN (Bearer token),
// OTLP_ENV (Apitally-Env header and deployment.environment.name), OTEL_MODE ("apitally" or "plain"), PORT.
//
// OTEL_MODE=apitally behaves like an Apitally OpenTelemetry SDK: distro resource attributes, apitally.* attributes on
// the SERVER span, delta exponential histograms and process gauges under the meter "apitally", and a startup event.
// OTEL_MODE=plain is a stock OpenTelemetry service: http + express instrumentation only (plus the demo request log).
//
// SIGTERM stops accepting connections and shuts the SDK down, which flushes all pending spans, metrics and logs.
import { randomUUID } from "node:crypto";
import { createRequire } from "node:module";
import os from "node:os";
import { metrics, SpanStatusCode } from "@opentelemetry/api";
import { logs, SeverityNumber } from "@opentelemetry/api-logs";
import { OTLPLogExporter } from "@opentelemetry/exporter-logs-otlp-proto";
import { OTLPMetricExporter } from "@opentelemetry/exporter-metrics-otlp-proto";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-proto";
import { ExpressInstrumentation } from "@opentelemetry/instrumentation-express";
import { HttpInstrumentation } from "@opentelemetry/instrumentation-http";
import { hostDetector, processDetector, resourceFromAttributes } from "@opentelemetry/resources";
import { BatchLogRecordProcessor } from "@opentelemetry/sdk-logs";
import {
  AggregationTemporality,
  AggregationType,
  InstrumentType,
  PeriodicExportingMetricReader,
} from "@opentelemetry/sdk-metrics";
import { NodeSDK, tracing } from "@opentelemetry/sdk-node";

const MODE = process.env.OTEL_MODE ?? "apitally";
if (MODE !== "apitally" && MODE !== "plain") throw new Error(`OTEL_MODE must be "apitally" or "plain", not ${MODE}`);
const APITALLY = MODE === "apitally";
const ENDPOINT = (process.env.OTLP_ENDPOINT ?? "").replace(/\/+$/, "");
const ENV = process.env.OTLP_ENV ?? "dev";
const headers = { Authorization: `Bearer ${process.env.OTLP_TOKEN ?? ""}`, "Apitally-Env": ENV };

// The SERVER span and start time of each request, stashed by the http instrumentation's requestHook. In middleware and
// handlers the active span is an express INTERNAL span (middleware / request handler), not the SERVER span.
const SERVER_SPAN = Symbol("otelServerSpan");
const START_TIME = Symbol("otelStartTime");

const sdk = new NodeSDK({
  resource: resourceFromAttributes({
    "service.name": "otel-express-test",
    "service.instance.id": randomUUID(),
    "deployment.environment.name": ENV,
    ...(APITALLY ? { "telemetry.distro.name": "apitally-js", "telemetry.distro.version": "0.0.0-test" } : {}),
  }),
  // No envDetector, so OTEL_RESOURCE_ATTRIBUTES / OTEL_SERVICE_NAME in the test environment cannot change the resource.
  resourceDetectors: [processDetector, hostDetector],
  spanProcessors: [
    new tracing.BatchSpanProcessor(new OTLPTraceExporter({ url: `${ENDPOINT}/v1/traces`, headers }), {
      scheduledDelayMillis: 500,
    }),
  ],
  metricReaders: [
    new PeriodicExportingMetricReader({
      exporter: new OTLPMetricExporter({
        url: `${ENDPOINT}/v1/metrics`,
        headers,
        ...(APITALLY ? { temporalityPreference: AggregationTemporality.DELTA } : {}),
      }),
      exportIntervalMillis: 1000,
      exportTimeoutMillis: 1000,
    }),
  ],
  views: APITALLY
    ? [
        {
          meterName: "apitally",
          instrumentType: InstrumentType.HISTOGRAM,
          aggregation: { type: AggregationType.EXPONENTIAL_HISTOGRAM, options: { maxSize: 160 } },
        },
      ]
    : [],
  logRecordProcessors: [
    new BatchLogRecordProcessor(new OTLPLogExporter({ url: `${ENDPOINT}/v1/logs`, headers }), {
      scheduledDelayMillis: 500,
    }),
  ],
  instrumentations: [
    new HttpInstrumentation({
      // The app makes no outgoing calls; this keeps the exporters' own POSTs out of the http.client.* metrics.
      disableOutgoingRequestInstrumentation: true,
      requestHook: (span, request) => {
        request[SERVER_SPAN] = span;
        request[START_TIME] = performance.now();
      },
    }),
    new ExpressInstrumentation(),
  ],
});
sdk.start();

// Loaded only now, so that the instrumentations are in place before express and http load. Through require, not
// `await import("express")`: the instrumentations hook require (require-in-the-middle); an ESM import of express is
// only seen with the import-in-the-middle loader hook registered, and without it express would stay unpatched.
const require = createRequire(import.meta.url);
const express = require("express");
const { STATUS_CODES } = require("node:http");

const app = express();

function setConsumer(res, consumer) {
  res.locals.consumer = typeof consumer === "string" ? { identifier: consumer } : consumer;
}

if (APITALLY) {
  const meter = metrics.getMeter("apitally");
  const duration = meter.createHistogram("http.server.request.duration", {
    unit: "s",
    description: "Duration of HTTP server requests.",
  });
  const requestSize = meter.createHistogram("http.server.request.body.size", {
    unit: "By",
    description: "Size of HTTP server request bodies.",
  });
  const responseSize = meter.createHistogram("http.server.response.body.size", {
    unit: "By",
    description: "Size of HTTP server response bodies.",
  });

  let lastCpu = process.cpuUsage();
  let lastCpuAt = performance.now();
  meter
    .createObservableGauge("process.cpu.utilization", {
      unit: "1",
      description: "CPU time used by the process, as a fraction of the available CPU time.",
    })
    .addCallback((result) => {
      const cpu = process.cpuUsage(lastCpu);
      const now = performance.now();
      const availableMicros = (now - lastCpuAt) * 1000 * os.availableParallelism();
      lastCpu = process.cpuUsage();
      lastCpuAt = now;
      if (availableMicros > 0) result.observe(Math.min(1, Math.max(0, (cpu.user + cpu.system) / availableMicros)));
    });
  meter
    .createObservableGauge("process.memory.usage", { unit: "By", description: "Resident set size of the process." })
    .addCallback((result) => result.observe(process.memoryUsage().rss));

  // Registered first: captures the response body, then on 'finish' (before the SERVER span ends on 'close') sets the
  // apitally.* span attributes and records the metrics. Requests that matched no route are not recorded.
  app.use(function apitallyMiddleware(req, res, next) {
    const chunks = [];
    const capture = (chunk, encoding) => {
      if (chunk == null || typeof chunk === "function") return;
      chunks.push(
        Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk, typeof encoding === "string" ? encoding : "utf8"),
      );
    };
    const { write, end } = res;
    res.write = function (chunk, encoding, ...rest) {
      capture(chunk, encoding);
      return write.call(this, chunk, encoding, ...rest);
    };
    res.end = function (chunk, encoding, ...rest) {
      capture(chunk, encoding);
      return end.call(this, chunk, encoding, ...rest);
    };

    res.on("finish", () => {
      const route = res.locals.route;
      if (route === undefined) return;
      const consumer = res.locals.consumer;
      const span = req[SERVER_SPAN];
      const responseBody = Buffer.concat(chunks);

      if (span) {
        if (consumer) {
          span.setAttribute("apitally.consumer.identifier", consumer.identifier);
          if (consumer.name) span.setAttribute("apitally.consumer.name", consumer.name);
          if (consumer.group) span.setAttribute("apitally.consumer.group", consumer.group);
        }
        if (req.rawBody?.length && req.is("application/json")) {
          span.setAttribute("apitally.request.body", req.rawBody.toString("utf8"));
        }
        if (responseBody.length && /\bjson\b/i.test(String(res.getHeader("content-type") ?? ""))) {
          span.setAttribute("apitally.response.body", responseBody.toString("utf8"));
        }
      }

      const attributes = {
        "http.request.method": req.method,
        "http.route": route,
        "http.response.status_code": res.statusCode,
        ...(consumer ? { "apitally.consumer.identifier": consumer.identifier } : {}),
      };
      const startedAt = req[START_TIME] ?? res.locals.startedAt;
      duration.record((performance.now() - startedAt) / 1000, attributes);
      const requestLength = req.headers["content-length"] ?? req.rawBody?.length;
      if (requestLength !== undefined) requestSize.record(Number(requestLength), attributes);
      const responseLength = res.getHeader("content-length");
      responseSize.record(responseLength !== undefined ? Number(responseLength) : responseBody.length, attributes);
    });
    res.locals.startedAt = performance.now();
    next();
  });
}

// Keeps the raw JSON body for apitally.request.body and the request size.
app.use(
  express.json({
    verify: (req, _res, buf) => {
      req.rawBody = buf;
    },
  }),
);

// Route handlers go through this, so the route template is known for the metrics (and survives an error).
const route = (handler) =>
  function (req, res, next) {
    res.locals.route = req.baseUrl + req.route.path;
    return handler(req, res, next);
  };

app.get(
  "/items/:id",
  route((req, res) => {
    if (APITALLY) setConsumer(res, "api-key-42");
    const serverSpan = req[SERVER_SPAN];
    logs.getLogger("demo").emit({
      severityNumber: SeverityNumber.WARN,
      severityText: "WARN",
      body: `fetching item ${req.params.id}`,
      // The active context (express "request handler" span) is attached by default.
      attributes: APITALLY && serverSpan ? { "apitally.request.server_span_id": serverSpan.spanContext().spanId } : {},
    });
    res.json({ id: Number(req.params.id) });
  }),
);

app.get(
  "/me",
  route((req, res) => {
    if (APITALLY) setConsumer(res, { identifier: "user-123", name: "Alice Example", group: "Admins" });
    res.json({ user: "user-123" });
  }),
);

app.post(
  "/items",
  route((req, res) => {
    const name = req.body?.name;
    if (typeof name !== "string" || name.length < 3) {
      res.status(422).json({
        detail: [
          {
            loc: ["body", "name"],
            msg: "ensure this value has at least 3 characters",
            type: "value_error.any_str.min_length",
          },
        ],
      });
      return;
    }
    res.status(201).json({ id: 1, name });
  }),
);

app.get(
  "/error",
  route(() => {
    throw new Error("Something exploded in /error");
  }),
);

app.get(
  "/never-called",
  route((req, res) => {
    res.json({ called: true });
  }),
);

// Puts the exception on the SERVER span (the express instrumentation only records it on its "request handler" span),
// then answers like Express's default handler.
app.use((err, req, res, next) => {
  const status = Number(err?.status ?? err?.statusCode) || 500;
  const span = req[SERVER_SPAN];
  if (span && status >= 500) {
    span.recordException(err);
    span.setStatus({ code: SpanStatusCode.ERROR, message: err?.message });
  }
  if (res.headersSent) {
    next(err);
    return;
  }
  res
    .status(status)
    .type("text/plain")
    .send(STATUS_CODES[status] ?? "Internal Server Error");
});

if (APITALLY) {
  const paths = app.router.stack
    .filter((layer) => layer.route)
    .flatMap((layer) =>
      Object.keys(layer.route.methods)
        .filter((method) => method !== "_all")
        .map((method) => ({ method: method.toUpperCase(), path: layer.route.path })),
    );
  logs.getLogger("apitally").emit({
    eventName: "apitally.app.startup",
    severityNumber: SeverityNumber.INFO,
    severityText: "INFO",
    body: JSON.stringify({
      framework: "express",
      versions: { node: process.versions.node, express: "5.3.0" },
      paths,
    }),
  });
}

const server = app.listen(Number(process.env.PORT), "127.0.0.1", () => console.log("listening"));
process.on("SIGTERM", () => {
  const shutdown = () =>
    sdk.shutdown().then(
      () => process.exit(0),
      (err) => {
        console.error(err);
        process.exit(0);
      },
    );
  // Stop accepting connections and let in-flight requests finish (at most 2 s), then flush and exit.
  const timer = setTimeout(shutdown, 2000);
  server.close(() => {
    clearTimeout(timer);
    shutdown();
  });
});
