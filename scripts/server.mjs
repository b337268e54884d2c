#!/usr/bin/env node
// The HTTP server of `npm start` (and of the tests): Next.js's request handler behind a thin front that makes
// request paths safe for it first. `next start` itself answers `//v2/…` (what the Python client sends when
// APITALLY_HUB_BASE_URL ends with a slash) with a 308 the clients do not follow, so every sync was dropped without a
// word; and a malformed percent-escape got its bare 500. Here repeated slashes collapse and a trailing slash goes
// (no redirect: the request is served where it was meant), and a path that does not decode gets a JSON 404. It also
// hands the app the connection's address in a header no client can set, and refuses a sign-in the password threads
// have no room for before Next.js sees it.
// Expects a production build (`next build`; scripts/start.mjs makes one).
import { createServer } from "node:http";
import path from "node:path";
import next from "next";
import { PASSWORDS_BUSY_MESSAGE, PASSWORDS_BUSY_RETRY_S, passwordsFull } from "../lib/auth/passwords-full.mjs";
import { cleanPath } from "./request-path.mjs";

// The connection's address, for the per-IP sign-in limits (lib/auth/client-address.ts, which spells it the same): set
// on every request, so whatever a client sent under this name never reaches the app.
const PEER_HEADER = "x-tallyhub-peer";
// next-auth's sign-in post. While the password threads are full it is refused here, before Next.js routes it: a flood
// wider than the password queue then costs about what this front's own 404 does (BENCHMARKS.md §10), not a trip
// through Next.js and next-auth. The form's server action refuses by itself (lib/auth/actions.ts).
const CREDENTIALS_CALLBACK = "/api/auth/callback/credentials";

const root = path.resolve(import.meta.dirname, "..");
const port = Number(process.env.PORT || 3000);
const host = process.env.HOST || "0.0.0.0";

const app = next({ dev: false, dir: root, hostname: host, port });
const handle = app.getRequestHandler();
await app.prepare();

const server = createServer((req, res) => {
  const url = cleanPath(req.url ?? "/");
  if (url === null) {
    res.writeHead(404, { "content-type": "application/json" });
    res.end(JSON.stringify({ detail: "Not found: the URL path has a malformed percent-escape" }));
    return;
  }
  req.url = url;
  if (req.method === "POST" && url.split("?")[0] === CREDENTIALS_CALLBACK && passwordsFull()) {
    res.writeHead(503, {
      "retry-after": String(PASSWORDS_BUSY_RETRY_S),
      "content-type": "text/plain; charset=utf-8",
      "cache-control": "no-store",
    });
    res.end(PASSWORDS_BUSY_MESSAGE);
    return;
  }
  const peer = req.socket.remoteAddress;
  if (peer) req.headers[PEER_HEADER] = peer;
  else delete req.headers[PEER_HEADER];
  handle(req, res);
});
// Idle keep-alive connections stay open longer than the clients keep theirs (httpx 5 s, undici 4 s, load balancers
// 60 s): a server that closes first races the client's next request on that connection, which then fails.
server.keepAliveTimeout = 65_000;
server.headersTimeout = 66_000;
server.listen(port, host, () => console.log(`▲ Tallyhub ready on http://${host}:${port}`));
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => server.close(() => process.exit(0)));
