// Graceful shutdown on SIGTERM (and SIGINT): a rolling restart of one instance drops nothing.
//  1. Drain: /api/health answers 503 (the balancer stops sending traffic) and new webhooks are
//     answered 503 (the provider retries, through another instance); the listening socket closes.
//  2. Live streams end: browsers reconnect at once with their Last-Event-ID — to another
//     instance, or to this one's successor — and miss nothing (ADR 0150).
//  3. In-flight webhooks and server actions finish (bounded).
//  4. The job worker stops claiming, lets its running jobs finish (bounded) or releases them.
//  5. Pools close; the process exits 0.
// Next's own handler (close the server, wait for every request, exit 143) would wait forever on
// open live streams, so ours replaces it (docs/decisions/0151-graceful-shutdown.md).
import http from "node:http";
import { log } from "../log";

type Hook = { name: string; run: () => Promise<void> | void };
type State = {
  draining: boolean;
  inflight: Set<Promise<unknown>>;
  streams: Set<() => void>;
  hooks: Hook[];
  installed: boolean;
};

const g = globalThis as unknown as { __mukhbirLifecycle?: State };
function state(): State {
  g.__mukhbirLifecycle ??= { draining: false, inflight: new Set(), streams: new Set(), hooks: [], installed: false };
  return g.__mukhbirLifecycle;
}

/** How long in-flight work may take to finish once a shutdown began. */
export const DRAIN_MS = 10_000;

export function draining(): boolean {
  return state().draining;
}

/** Runs durable work (a webhook's store, a server action) so that a shutdown waits for it. */
export function track<T>(work: Promise<T>): Promise<T> {
  const s = state();
  s.inflight.add(work);
  const done = () => s.inflight.delete(work);
  work.then(done, done);
  return work;
}

/** A live stream's close function, called when the server shuts down. Returns an unregister function. */
export function registerStream(close: () => void): () => void {
  const s = state();
  s.streams.add(close);
  return () => void s.streams.delete(close);
}

/** Live streams open in this process now (for /api/metrics). */
export function openStreams(): number {
  return state().streams.size;
}

/** Work to do after draining, in registration order (the worker, then the database). */
export function onShutdown(name: string, run: Hook["run"]) {
  state().hooks.push({ name, run });
}

const bounded = (p: Promise<unknown>, ms: number) =>
  Promise.race([p.catch(() => undefined), new Promise((r) => setTimeout(r, ms).unref())]);

export async function shutdown(signal: string) {
  const s = state();
  if (s.draining) return;
  s.draining = true;
  const started = Date.now();
  log.info("shutting down", { signal, inflight: s.inflight.size, streams: s.streams.size });
  // Stop accepting connections (best effort: Next does not hand us its server; keep-alive idle
  // sockets close too). Requests already read keep running.
  for (const server of httpServers()) {
    server.close();
    server.closeIdleConnections?.();
  }
  for (const close of [...s.streams]) close();
  await bounded(Promise.allSettled([...s.inflight]), DRAIN_MS);
  for (const hook of s.hooks) {
    try {
      await bounded(Promise.resolve(hook.run()), DRAIN_MS);
    } catch (e) {
      log.warn("shutdown step failed", { step: hook.name, error: e instanceof Error ? e.message : String(e) });
    }
  }
  log.info("shut down", { ms: Date.now() - started, unfinished: s.inflight.size });
  process.exit(0);
}

/** Replaces Next's signal handlers with ours, once per process. */
export function installShutdown() {
  const s = state();
  if (s.installed) return;
  s.installed = true;
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.removeAllListeners(signal);
    process.on(signal, () => void shutdown(signal));
  }
}

function httpServers(): http.Server[] {
  const handles = (process as unknown as { _getActiveHandles?: () => unknown[] })._getActiveHandles?.() ?? [];
  return handles.filter((h): h is http.Server => h instanceof http.Server);
}
