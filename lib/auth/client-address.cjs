// Which address is the client's (ADR 0012). The addresses a request passed, nearest first: the TCP
// peer (socket), then X-Forwarded-For from right to left, each entry appended by the proxy before
// it. With `hops` trusted reverse proxies in front, the client is the entry `hops` steps away from
// the socket; anything further left was written by the client and proves nothing. With 0 hops the
// socket address is the client and X-Forwarded-For is ignored. CommonJS and dependency-free: the
// start-up hook (scripts/client-address-hook.cjs) loads it before Next.
"use strict";

/** @param {string | undefined} socketAddress @param {string | string[] | undefined} forwardedFor @param {number} hops */
function clientAddress(socketAddress, forwardedFor, hops) {
  const header = Array.isArray(forwardedFor) ? forwardedFor.join(",") : forwardedFor || "";
  const chain = header
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)
    .reverse();
  const path = [socketAddress || "unknown", ...chain];
  return normalise(path[Math.min(Math.max(0, hops | 0), path.length - 1)]);
}

/** IPv4-mapped IPv6 (`::ffff:10.0.0.1`) as plain IPv4; bounded length (it is stored in the audit trail). */
function normalise(address) {
  const a = String(address)
    .trim()
    .replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i, "$1");
  return a.slice(0, 64) || "unknown";
}

/** TRUSTED_PROXY_HOPS as lib/env.ts validates it (0–5); anything else counts as 0 (and stops start-up there). */
function trustedHops(value) {
  const n = Number(value ?? 0);
  return Number.isInteger(n) && n >= 0 && n <= 5 ? n : 0;
}

module.exports = { clientAddress, trustedHops };
