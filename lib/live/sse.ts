// The one Server-Sent Events stream of the app (the queue's /api/live and a tip's live route).
// It starts from the reader's cursor — the snapshot its page rendered from, or the Last-Event-ID
// the browser sends when it reconnects — so an event committed after the render is delivered on
// connect, whichever instance the page came from and across restarts (ADR 0150). Then it forwards
// the process's batches. Each message's `id` is the cursor that covers it (only on the last
// message of a batch, so an interrupted batch is read again), and every heartbeat carries the
// newest cursor. At every heartbeat it asks its lease (lib/auth/guard.ts streamLease) again and
// ends itself when the answer is no: the browser then reconnects with its current cookie.
import "server-only";
import { readSince, subscribe, type LiveBatch, type LoggedEvent } from "./bus";
import { registerStream } from "../lifecycle/shutdown";

export const HEARTBEAT_MS = 15_000;
const SEEN_MAX = 4000;

export type StreamMessage = { event: string; data: unknown };

export type LiveStreamOptions = {
  /** Where the reader stands: the page's cursor or the browser's Last-Event-ID; null = from now. */
  cursor: string | null;
  signal: AbortSignal;
  lease: () => Promise<boolean>;
  /** The message for an event this reader may see and cares about, or null to skip it. */
  message: (e: LoggedEvent) => StreamMessage | null;
  /** Sent once the catch-up is done (the browser's "live" signal). */
  ready?: unknown;
  heartbeatMs?: number;
};

/** The cursor a request asks for: the browser's Last-Event-ID on its own reconnects, else `?cursor=`. */
export function requestedCursor(req: Request): string | null {
  return req.headers.get("last-event-id") || new URL(req.url).searchParams.get("cursor") || null;
}

export function liveStream(opts: LiveStreamOptions): ReadableStream<Uint8Array> {
  const enc = new TextEncoder();
  let cleanup = () => {};
  return new ReadableStream<Uint8Array>({
    async start(controller) {
      let closed = false;
      const send = (text: string) => {
        if (closed) return;
        try {
          controller.enqueue(enc.encode(text));
        } catch {
          close();
        }
      };
      const frame = (m: StreamMessage, id?: string) =>
        send(`${id ? `id: ${id}\n` : ""}event: ${m.event}\ndata: ${JSON.stringify(m.data)}\n\n`);
      let latest = "";
      // The catch-up and the first batches of the bus may both hold an event: forward it once.
      // (A repeat would be harmless — the browser refetches rows — so the memory stays bounded.)
      const seen = new Set<string>();
      const deliver = (batch: LiveBatch) => {
        latest = batch.cursor;
        if (batch.resync) return frame({ event: "resync", data: {} }, batch.cursor);
        const fresh = batch.events.filter((e) => !seen.has(e.id));
        for (const e of fresh) seen.add(e.id);
        if (seen.size > SEEN_MAX) for (const id of [...seen].slice(0, seen.size - SEEN_MAX / 2)) seen.delete(id);
        const out = fresh.map(opts.message).filter((m) => m !== null);
        out.forEach((m, i) => frame(m, i === out.length - 1 ? batch.cursor : undefined));
      };

      // Subscribe first, then read the catch-up: what the bus reads meanwhile waits in `buffer`
      // and is forwarded after it, without the events both saw.
      let buffer: LiveBatch[] | null = [];
      const off = await subscribe((b) => (buffer ? buffer.push(b) : deliver(b)));
      const beat = setInterval(async () => {
        if (!(await opts.lease())) return close();
        send(`${latest ? `id: ${latest}\n` : ""}: heartbeat\nevent: ping\ndata: ${Date.now()}\n\n`);
      }, opts.heartbeatMs ?? HEARTBEAT_MS);
      function close() {
        if (closed) return;
        closed = true;
        clearInterval(beat);
        off();
        unregister();
        try {
          controller.close();
        } catch {}
      }
      cleanup = close;
      opts.signal.addEventListener("abort", close, { once: true });
      // On shutdown the stream ends; the browser reconnects with its Last-Event-ID and misses nothing.
      const unregister = registerStream(close);
      // The browser reconnects 2 s after a drop.
      send(`retry: 2000\n\n`);

      let first: LiveBatch;
      try {
        first = opts.cursor
          ? await readSince(opts.cursor)
          : await readSince(null).then((b) => ({ ...b, resync: false }));
      } catch {
        // The database is away: end the stream; the browser retries with the same cursor.
        return close();
      }
      deliver(first);
      frame({ event: "ready", data: opts.ready ?? { at: Date.now() } }, first.cursor);
      const waiting = buffer;
      buffer = null;
      for (const b of waiting) deliver(b);
    },
    cancel() {
      cleanup();
    },
  });
}

export function sseResponse(stream: ReadableStream<Uint8Array>): Response {
  return new Response(stream, {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "no-cache, no-transform",
      "X-Accel-Buffering": "no",
      Connection: "keep-alive",
    },
  });
}
