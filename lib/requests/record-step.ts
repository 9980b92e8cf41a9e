// The one step every request change shares: a TipEvent (the tip's timeline), an audit row
// (`request.<step>`, the tip's history) and a `tip.updated` on the live bus so the open tip page and
// the queue refresh — all in the caller's transaction. The brief's text never goes into either row.
import "server-only";
import type { Tx } from "../db";
import type { Prisma } from "../generated/prisma/client";
import type { Role } from "../generated/prisma/enums";
import { audit } from "../audit";
import { publish } from "../live/bus";

export type StepActor = { id: string; role: Role; ip?: string | null } | null;
export type RequestStep =
  | "drafted"
  | "released"
  | "approved"
  | "sent"
  | "acknowledged"
  | "reported"
  | "closed"
  | "notify_failed"
  | "escalated"
  | "informant_told";

export async function recordStep(
  tx: Tx,
  s: {
    actor: StepActor;
    tip: { id: string; ref: string };
    requestId: string;
    step: RequestStep;
    from?: string | null;
    to?: string | null;
    data?: Record<string, Prisma.InputJsonValue | null>;
  },
) {
  await tx.tipEvent.create({
    data: {
      tipId: s.tip.id,
      actorId: s.actor?.id ?? null,
      type: `request_${s.step}`,
      fromValue: s.from ?? null,
      toValue: s.to ?? null,
      data: { requestId: s.requestId, ...s.data },
    },
  });
  await audit(tx, {
    actorId: s.actor?.id ?? null,
    actorRole: s.actor?.role ?? null,
    action: `request.${s.step}`,
    targetType: "request",
    targetId: s.requestId,
    tipId: s.tip.id,
    detail: { ref: s.tip.ref, from: s.from ?? null, to: s.to ?? null, ...s.data },
    ip: s.actor?.ip ?? null,
  });
  await publish(tx, { type: "tip.updated", tipId: s.tip.id, ref: s.tip.ref });
}
