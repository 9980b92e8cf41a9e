// The one step every tip mutation shares: a TipEvent for the tip's history, an audit row, and a
// `tip.updated` on the live bus, all inside the caller's transaction (so a rollback takes all
// three back, and listeners hear of the change only after it committed).
import "server-only";
import type { Tx } from "../db";
import type { Prisma } from "../generated/prisma/client";
import { audit } from "../audit";
import { publish } from "../live/bus";
import { AppError } from "../errors";
import { tipScope, type Viewer } from "../auth/scope";

export type ChangeActor = Viewer & { ip?: string | null };
export type TipRef = { id: string; ref: string };

export type Change = {
  actor: ChangeActor;
  tip: TipRef;
  /** Past-tense event type: claimed, assigned, handed_over, status_changed, priority_changed… */
  type: string;
  from?: string | null;
  to?: string | null;
  data?: Prisma.InputJsonValue;
};

export async function recordChange(tx: Tx, c: Change) {
  await tx.tipEvent.create({
    data: {
      tipId: c.tip.id,
      actorId: c.actor.id,
      type: c.type,
      fromValue: c.from ?? null,
      toValue: c.to ?? null,
      data: c.data,
    },
  });
  await audit(tx, {
    actorId: c.actor.id,
    actorRole: c.actor.role,
    action: `tip.${c.type}`,
    targetType: "tip",
    targetId: c.tip.id,
    tipId: c.tip.id,
    detail: {
      ref: c.tip.ref,
      from: c.from ?? null,
      to: c.to ?? null,
      ...(c.data && typeof c.data === "object" && !Array.isArray(c.data) ? c.data : {}),
    },
    ip: c.actor.ip ?? null,
  });
  await publish(tx, { type: "tip.updated", tipId: c.tip.id, ref: c.tip.ref });
}

type Field = "status" | "priority" | "category" | "stationId";
const EVENT: Record<Field, string> = {
  status: "status_changed",
  priority: "priority_changed",
  category: "category_changed",
  stationId: "station_changed",
};

/**
 * Sets one simple field of a tip the actor may see, and records the change. A tip outside the
 * actor's scope is "not found"; setting the value it already has records nothing.
 * Returns whether anything changed.
 */
export async function changeTipField<F extends Field>(
  tx: Tx,
  opts: {
    actor: ChangeActor;
    tipId: string;
    field: F;
    to: Prisma.TipUncheckedUpdateInput[F] & (string | null);
    data?: Prisma.InputJsonValue;
  },
): Promise<boolean> {
  const tip = await tx.tip.findFirst({
    where: { AND: [{ id: opts.tipId }, tipScope(opts.actor)] },
    select: { id: true, ref: true, status: true, priority: true, category: true, stationId: true },
  });
  if (!tip) throw new AppError("notFound");
  const from = tip[opts.field] as string | null;
  if (from === opts.to) return false;
  await tx.tip.update({ where: { id: tip.id }, data: { [opts.field]: opts.to } as Prisma.TipUncheckedUpdateInput });
  await recordChange(tx, { actor: opts.actor, tip, type: EVENT[opts.field], from, to: opts.to, data: opts.data });
  return true;
}
