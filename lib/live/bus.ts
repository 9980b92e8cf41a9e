// The live bus. Writers call `publish(tx, event)` inside their transaction: Postgres delivers a
// NOTIFY only after commit, so listeners never see uncommitted work. On PostgreSQL every app
// instance LISTENs on its own connection (so several instances behind a load balancer all hear
// every change); on PGlite the listener is the same in-process instance. Payloads carry ids only
// (limit 8,000 bytes) — never message text or identity.
import "server-only";
import { EventEmitter } from "node:events";
import type { Tx } from "../db";
import { raw } from "../db";

export const CHANNEL = "mukhbir_events";

export type LiveEvent =
  | { type: "tip.created"; tipId: string; ref: string; flagged?: boolean }
  | { type: "tip.updated"; tipId: string; ref: string }
  /** `flagged`: from a blocked informant — stored and shown, but no alert sound. */
  | { type: "message.created"; tipId: string; ref: string; messageId: string; direction: "INBOUND" | "OUTBOUND"; flagged?: boolean }
  | { type: "message.updated"; tipId: string; ref: string; messageId: string }
  /** Emitted locally after a (re)connect of the listener: subscribers should catch up. */
  | { type: "resync" };

export async function publish(tx: Tx, event: Exclude<LiveEvent, { type: "resync" }>) {
  await tx.$executeRaw`SELECT pg_notify(${CHANNEL}, ${JSON.stringify(event)})`;
}

type BusState = { emitter: EventEmitter; ready?: Promise<void> };
const g = globalThis as unknown as { __mukhbirBus?: BusState };

function state(): BusState {
  if (!g.__mukhbirBus) {
    const emitter = new EventEmitter();
    emitter.setMaxListeners(0); // one per open SSE stream
    g.__mukhbirBus = { emitter };
  }
  return g.__mukhbirBus;
}

/** Subscribe to every live event in this process. Returns an unsubscribe function. */
export async function subscribe(fn: (e: LiveEvent) => void): Promise<() => void> {
  const s = state();
  s.ready ??= raw()
    .listen(CHANNEL, (payload) => {
      if (!payload) return void s.emitter.emit("event", { type: "resync" } satisfies LiveEvent);
      try {
        s.emitter.emit("event", JSON.parse(payload) as LiveEvent);
      } catch {}
    })
    .then(() => undefined)
    .catch((e) => {
      s.ready = undefined;
      throw e;
    });
  await s.ready;
  s.emitter.on("event", fn);
  return () => void s.emitter.off("event", fn);
}
