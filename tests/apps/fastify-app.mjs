// A small Fastify app using the real apitally client, for tests/integration/real-client.test.ts.
// Configured by env: APITALLY_HUB_BASE_URL, APITALLY_CLIENT_ID, APITALLY_ENV, PORT.
// SIGTERM closes the app gracefully, which makes the client send its final sync and logs.
import { apitallyPlugin, setConsumer } from "apitally/fastify";
import Fastify from "fastify";

const app = Fastify();
await app.register(apitallyPlugin, {
  clientId: process.env.APITALLY_CLIENT_ID,
  env: process.env.APITALLY_ENV ?? "dev",
  appVersion: "2.0.0-test",
  requestLogging: { enabled: true, logRequestHeaders: true, logRequestBody: true, logResponseBody: true },
});

app.get("/items/:id", async (req) => {
  setConsumer(req, "api-key-7");
  return { id: Number(req.params.id) };
});

app.get("/me", async (req) => {
  setConsumer(req, { identifier: "user-456", name: "Bob", group: "Free tier" });
  return { user: "user-456" };
});

const itemSchema = {
  body: { type: "object", required: ["name"], properties: { name: { type: "string", minLength: 3 } } },
};
app.post("/items", { schema: itemSchema }, async (req, reply) => {
  reply.code(201);
  return { id: 1, name: req.body.name };
});

app.get("/error", async () => {
  throw new TypeError("Fastify handler failed");
});

await app.listen({ port: Number(process.env.PORT), host: "127.0.0.1" });
console.log("listening");
process.on("SIGTERM", async () => {
  await app.close();
  process.exit(0);
});
