// The queue's Server-Sent Events stream. It forwards live-bus events (ids and refs only: never
// text, never identity) that the viewer may see, with an id per event, a heartbeat every 15 s
// (a comment for proxies plus a `ping` event the browser's watchdog can see), and a `resync`
// whenever the bus itself reconnected (the browser then refetches its view). At every heartbeat it
// asks its lease (lib/auth/guard.ts streamLease) again and ends itself when the answer is no: the
// browser then reconnects with its current cookie, and a user who was disabled or signed out gets a 401.
import "server-only";
import crypto from "node:crypto";
import { db } from "../db";
import { subscribe, type LiveEvent } from "../live/bus";
import { tipReach, type Viewer } from "../tips/scope";

export const HEARTBEAT_MS = 15_000;
/** One id per server process start: ids never repeat across restarts. */
const BOOT = crypto.randomBytes(3).toString("hex");

type Forwarded = { type: string; tipId?: string; ref?: string; flagged?: boolean; direction?: string };

/** Only what the browser needs to refetch a row and decide on a sound. */
function strip(e: LiveEvent): Forwarded {
  if (e.type === "resync") return { type: "resync" };
  const out: Forwarded = { type: e.type, tipId: e.tipId, ref: e.ref };
  const flagged = (e as { flagged?: boolean }).flagged;
  if (flagged) out.flagged = true;
  if (e.type === "message.created") out.direction = e.direction;
  return out;
}

/** Station-bound officers hear only their station's tips; one indexed lookup per event. */
async function visible(viewer: Viewer, e: LiveEvent): Promise<boolean> {
  const reach = tipReach(viewer);
  if (e.type === "resync" || reach.kind === "all") return true;
  if (reach.kind === "none") return false;
  const tip = await db.tip.findUnique({ where: { id: e.tipId }, select: { stationId: true } });
  return tip?.stationId === reach.stationId;
}

export function liveStream(viewer: Viewer, signal: AbortSignal, lease: () => Promise<boolean>, heartbeatMs = HEARTBEAT_MS): ReadableStream<Uint8Array> {
  const enc = new TextEncoder();
  let seq = 0;
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
      const event = (name: string, data: unknown) => send(`id: ${BOOT}-${++seq}\nevent: ${name}\ndata: ${JSON.stringify(data)}\n\n`);
      // Events are checked in order, one at a time; a slow check never reorders them.
      let chain = Promise.resolve();
      const off = await subscribe((e) => {
        chain = chain.then(async () => {
          if (await visible(viewer, e).catch(() => false)) event(e.type === "resync" ? "resync" : "tip", strip(e));
        });
      });
      const beat = setInterval(async () => {
        if (!(await lease())) return close();
        send(`: heartbeat\nevent: ping\ndata: ${Date.now()}\n\n`);
      }, heartbeatMs);
      function close() {
        if (closed) return;
        closed = true;
        clearInterval(beat);
        off();
        try {
          controller.close();
        } catch {}
      }
      cleanup = close;
      signal.addEventListener("abort", close, { once: true });
      // The browser reconnects 2 s after a drop; a fresh connection tells it where it stands.
      send(`retry: 2000\n\n`);
      event("ready", { at: Date.now() });
    },
    cancel() {
      cleanup();
    },
  });
}
