// A small Express app using the real apitally client, for tests/integration/real-client.test.ts and e2e/.
// Configured by env: APITALLY_HUB_BASE_URL, APITALLY_CLIENT_ID, APITALLY_ENV, PORT.
import { trace } from "@opentelemetry/api";
import { NodeTracerProvider } from "@opentelemetry/sdk-trace-node";
import { setConsumer, useApitally } from "apitally/express";
import { ApitallySpanProcessor } from "apitally/otel";
import express from "express";

// The client collects the spans a request's handler starts through this processor.
new NodeTracerProvider({ spanProcessors: [new ApitallySpanProcessor()] }).register();

const app = express();
app.use(express.json());
// eslint-disable-next-line react-hooks/rules-of-hooks -- apitally's Express setup function, not a React hook
useApitally(app, {
  clientId: process.env.APITALLY_CLIENT_ID,
  env: process.env.APITALLY_ENV ?? "dev",
  appVersion: "1.0.0-test",
  requestLogging: {
    enabled: true,
    logRequestHeaders: true,
    logRequestBody: true,
    logResponseBody: true,
    captureLogs: true,
    captureTraces: true,
  },
});
const tracer = trace.getTracer("express-app");

app.get("/items/:id", (req, res) => {
  setConsumer(req, "api-key-42");
  // A log line and a span of the app's own, captured with the request (the Requests view).
  console.log(`fetching item ${req.params.id}`);
  tracer.startActiveSpan("db.load_item", (span) => {
    span.setAttribute("item.id", req.params.id);
    span.end();
  });
  res.json({ id: Number(req.params.id) });
});

app.get("/me", (req, res) => {
  setConsumer(req, { identifier: "user-123", name: "Alice Example", group: "Admins" });
  res.json({ user: "user-123" });
});

// Answers in express-validator's error shape, which the client turns into validation errors.
app.post("/items", (req, res) => {
  const name = req.body?.name;
  if (typeof name !== "string" || name.length < 3) {
    res
      .status(400)
      .json({ errors: [{ type: "field", value: name, msg: "Invalid value", path: "name", location: "body" }] });
    return;
  }
  res.status(201).json({ id: 1, name });
});

app.get("/error", () => {
  throw new Error("Something exploded in /error");
});

const server = app.listen(Number(process.env.PORT), "127.0.0.1", () => console.log("listening"));
process.on("SIGTERM", () => server.close(() => process.exit(0)));
