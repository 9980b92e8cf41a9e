// Loaded with `node --require` in front of `next start` (scripts/start.mjs, e2e/queue-servers.ts).
// Next only fills X-Forwarded-For from the socket when the client sent none, so a client could
// name any address it liked. Here, where the socket is still known, the header is replaced by the one
// address lib/auth/client-address.cjs picks under TRUSTED_PROXY_HOPS, before Next sees the request.
// The app reads that header (lib/auth/client-ip.ts) and knows from the flag below that it can.
"use strict";
const http = require("node:http");
const { clientAddress, trustedHops } = require("../lib/auth/client-address.cjs");

const hops = trustedHops(process.env.TRUSTED_PROXY_HOPS);
const createServer = http.createServer;

function stamp(req) {
  req.headers["x-forwarded-for"] = clientAddress(
    req.socket && req.socket.remoteAddress,
    req.headers["x-forwarded-for"],
    hops,
  );
  delete req.headers["x-real-ip"];
}

http.createServer = function (...args) {
  const server = createServer.apply(this, args);
  // Ahead of Next's own listener, which createServer registered already.
  server.prependListener("request", stamp);
  return server;
};
globalThis.__mukhbirClientAddressHook = { hops };
