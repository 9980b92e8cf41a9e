// The one way the server downloads from a URL it was told about (media, recordings, Exotel's call
// details). Each hop is admitted by the allowlist, its host resolved and vetted (fetch-policy.ts),
// and the socket is opened to that vetted address (a custom `lookup`), so a second DNS answer
// cannot swap in an internal address between check and connect. Redirects are followed by hand,
// each hop checked again; credentials go only to the hosts the caller names as the provider's own.
import "server-only";
import http from "node:http";
import https from "node:https";
import { Readable } from "node:stream";
import type { LookupFunction } from "node:net";
import { env } from "../env";
import { admit, FetchRefused, vet, type Lookup, type Vetted } from "./fetch-policy";
import { parseAllowlist, type AllowEntry } from "./allowlist";
import { readAtMost } from "../http/read-at-most";

export type GuardedFetchOptions = {
  /** Sent only to a hop whose host (name:port) is one of `hosts`. */
  auth?: { hosts: string[]; headers: Record<string, string> };
  headers?: Record<string, string>;
  /** Whole exchange including the body: the caller's signal may end it sooner. */
  timeoutMs?: number;
  signal?: AbortSignal;
  maxRedirects?: number;
  /** Tests name a resolver (DNS is outside the project); the system resolver otherwise. */
  lookup?: Lookup;
  allow?: AllowEntry[];
};

const REDIRECT = new Set([301, 302, 303, 307, 308]);

let allowCache: { spec: string[]; entries: AllowEntry[] } | undefined;
function configuredAllowlist(): AllowEntry[] {
  const spec = env().FETCH_ALLOWED_HOSTS;
  if (allowCache?.spec !== spec) allowCache = { spec, entries: parseAllowlist(spec) };
  return allowCache.entries;
}

/** Host (name:port, default port included) as the `auth.hosts` list compares it. */
export function hostKey(url: URL | string): string {
  const u = typeof url === "string" ? new URL(url) : url;
  return `${u.hostname.toLowerCase()}:${u.port || (u.protocol === "https:" ? "443" : "80")}`;
}

export async function guardedFetch(input: string, opts: GuardedFetchOptions = {}): Promise<Response> {
  const allow = opts.allow ?? configuredAllowlist();
  const signal = AbortSignal.any([
    AbortSignal.timeout(opts.timeoutMs ?? 60_000),
    ...(opts.signal ? [opts.signal] : []),
  ]);
  const authHosts = new Set((opts.auth?.hosts ?? []).map((h) => hostKey(h.includes("://") ? h : `https://${h}`)));
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    throw new FetchRefused("refused an invalid URL");
  }
  for (let hop = 0; ; hop++) {
    const entry = admit(url, allow);
    const target = await vet(url, entry, opts.lookup);
    const headers = { ...opts.headers, ...(opts.auth && authHosts.has(hostKey(url)) ? opts.auth.headers : {}) };
    const res = await request(url, target, headers, signal);
    if (!REDIRECT.has(res.statusCode ?? 0)) return toResponse(res);
    res.resume();
    const location = res.headers.location;
    if (!location) throw new Error(`HTTP ${res.statusCode} redirect without a Location`);
    if (hop >= (opts.maxRedirects ?? 5)) throw new FetchRefused("refused: too many redirects");
    try {
      url = new URL(location, url);
    } catch {
      throw new FetchRefused("refused an invalid redirect URL");
    }
  }
}

function request(
  url: URL,
  target: Vetted,
  headers: Record<string, string>,
  signal: AbortSignal,
): Promise<http.IncomingMessage> {
  // The socket may only ever reach the address we vetted, whatever the resolver says now.
  const lookup: LookupFunction = (_host, options, cb) => {
    if ((options as { all?: boolean }).all)
      (cb as unknown as (e: null, a: { address: string; family: number }[]) => void)(null, [
        { address: target.address, family: target.family },
      ]);
    else cb(null, target.address, target.family);
  };
  const mod = url.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const req = mod.request(
      url,
      { method: "GET", headers: { "user-agent": "mukhbir", ...headers }, lookup, signal, agent: false },
      resolve,
    );
    req.on("error", (e) => reject(signal.aborted ? new Error(`fetch timed out or was aborted (${url.host})`) : e));
    req.end();
  });
}

function toResponse(res: http.IncomingMessage): Response {
  const headers = new Headers();
  for (const [k, v] of Object.entries(res.headers))
    if (v !== undefined) headers.set(k, Array.isArray(v) ? v.join(", ") : v);
  const status = res.statusCode ?? 502;
  const empty = status === 204 || status === 304;
  if (empty) res.resume();
  return new Response(empty ? null : (Readable.toWeb(res) as ReadableStream), { status, headers });
}

/** Reads a small body (JSON answers) with a cap, so a hostile server cannot fill memory. */
export async function readCapped(res: Response, maxBytes = 1024 * 1024): Promise<string> {
  const body = await readAtMost(res.body, maxBytes);
  if (!body) throw new FetchRefused(`refused: answer larger than ${maxBytes} bytes`);
  return body.toString("utf8");
}
