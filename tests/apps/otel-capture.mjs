// A stand-in OTLP/HTTP receiver that records what an exporter sends, for checking tests/apps/otel-express-app.mjs.
// Configured by env: CAPTURE_PORT, CAPTURE_FILE.
// Answers every POST with 200 and an empty protobuf body (an empty Export*ServiceResponse), and appends one
// JSON line per request to CAPTURE_FILE: {path, headers, bytes}, where bytes is the request body in base64.
import { appendFileSync } from "node:fs";
import { createServer } from "node:http";

const file = process.env.CAPTURE_FILE;
if (!file) throw new Error("CAPTURE_FILE is not set");

const server = createServer((req, res) => {
  const chunks = [];
  req.on("data", (chunk) => chunks.push(chunk));
  req.on("end", () => {
    if (req.method === "POST") {
      const line = { path: req.url, headers: req.headers, bytes: Buffer.concat(chunks).toString("base64") };
      appendFileSync(file, JSON.stringify(line) + "\n");
      res.writeHead(200, { "content-type": "application/x-protobuf", "content-length": "0" });
    } else {
      res.writeHead(405, { "content-length": "0" });
    }
    res.end();
  });
});

server.listen(Number(process.env.CAPTURE_PORT), "127.0.0.1", () => console.log("listening"));
process.on("SIGTERM", () => server.close(() => process.exit(0)));
