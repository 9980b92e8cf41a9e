// The last statement of a call's ingest transaction (messages: ADR 0120): its live events, written
// to the live event log (ADR 0150), which readers see only after COMMIT. A transaction that opened a
// tip cannot name its ref yet: the tip is numbered at COMMIT by the `number_tip` trigger
// (docs/decisions/0110-late-ref-allocation.md), because the counter's row lock would otherwise be
// held across client round trips and every other new tip would queue behind it. Its events are
// built with the pending ref and left in a transaction-local setting; the trigger swaps in the real
// ref and sends them.
import "server-only";
import type { Tx } from "../db";
import type { LiveEvent } from "../live/bus";
import type { ThreadedTip } from "./thread-tip";

export type BusEvent = LiveEvent;

export async function finishIngest(tx: Tx, tip: ThreadedTip, events: BusEvent[]) {
  const payloads = events.map((e) => JSON.stringify(e));
  if (tip.isNew) await tx.$executeRaw`SELECT set_config('mukhbir.pending_events', ${JSON.stringify(payloads)}, true)`;
  else if (payloads.length) await tx.$executeRaw`SELECT mukhbir_internal.emit_live(p::jsonb) FROM unnest(${payloads}::text[]) AS p`;
}
