// The trail every tip-workspace mutation leaves, in the mutation's own transaction: a TipEvent
// (shown on the timeline), an audit row (hash-chained) and a live `tip.updated` for open pages.
import "server-only";
import type { Tx } from "../db";
import type { Prisma } from "../generated/prisma/client";
import { audit } from "../audit";
import { publish } from "../live/bus";

export type EventActor = { id: string; role: string; ip?: string | null };

export async function recordTipEvent(
  tx: Tx,
  actor: EventActor,
  tip: { id: string; ref: string },
  event: { type: string; from?: string | null; to?: string | null; data?: Prisma.InputJsonObject; action?: string },
) {
  await tx.tipEvent.create({
    data: { tipId: tip.id, actorId: actor.id, type: event.type, fromValue: event.from ?? null, toValue: event.to ?? null, data: event.data },
  });
  await audit(tx, {
    actorId: actor.id,
    actorRole: actor.role,
    action: event.action ?? `tip.${event.type}`,
    targetType: "tip",
    targetId: tip.ref,
    tipId: tip.id,
    detail: { from: event.from ?? null, to: event.to ?? null, ...(event.data ?? {}) },
    ip: actor.ip ?? null,
  });
  await publish(tx, { type: "tip.updated", tipId: tip.id, ref: tip.ref });
}
