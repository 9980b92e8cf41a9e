// Claiming: one click takes a chosen tip, or the oldest unassigned one, for the acting officer.
// Atomic by a conditional UPDATE (… WHERE "assigneeId" IS NULL): of two officers claiming one tip,
// exactly one changes the row; the other gets a conflict naming who has it. The first claim is a
// first response (docs/SLA.md) and moves NEW to IN_PROGRESS.
import "server-only";
import { db, type Tx } from "../db";
import { AppError } from "../errors";
import { noteFirstResponse } from "../sla/first-response";
import { Prisma } from "../generated/prisma/client";
import { OPEN_SQL } from "./open-sql";
import { recordChange, type ChangeActor, type TipRef } from "./record-change";
import { tipScope, tipScopeSql } from "../auth/scope";

export type ClaimResult = TipRef & { already: boolean };

/** Claims `tipId`, or the oldest unassigned open tip in the actor's scope when none is given. */
export async function claimTip(actor: ChangeActor, tipId?: string): Promise<ClaimResult> {
  return db.$transaction(async (tx) => {
    const won = await conditionalClaim(tx, actor, tipId);
    if (!won) return explainLoss(tx, actor, tipId);
    await noteFirstResponse(tx, won.id);
    await recordChange(tx, {
      actor,
      tip: won,
      type: "claimed",
      from: null,
      to: actor.id,
      data: { status: "IN_PROGRESS" },
    });
    return { id: won.id, ref: won.ref, already: false };
  });
}

async function conditionalClaim(tx: Tx, actor: ChangeActor, tipId?: string): Promise<TipRef | undefined> {
  const scope = tipScopeSql(actor);
  // The oldest unassigned tip: skip rows another claimer holds locked rather than queueing on them.
  // Flagged tips (blocked informants) are left for someone to look at deliberately.
  const target = tipId
    ? Prisma.sql`t."id" = ${tipId}::uuid`
    : Prisma.sql`t."id" = (SELECT t."id" FROM "Tip" t WHERE t."assigneeId" IS NULL AND ${OPEN_SQL} AND NOT t."flagged" AND ${scope}
         ORDER BY t."receivedAt", t."id" LIMIT 1 FOR UPDATE SKIP LOCKED)`;
  const rows = await tx.$queryRaw<TipRef[]>`
    UPDATE "Tip" t SET "assigneeId" = ${actor.id}::uuid, "claimedAt" = COALESCE(t."claimedAt", now()),
       "status" = CASE WHEN t."status" = 'NEW' THEN 'IN_PROGRESS'::"TipStatus" ELSE t."status" END, "updatedAt" = now()
     WHERE ${target} AND t."assigneeId" IS NULL AND ${OPEN_SQL} AND ${scope}
     RETURNING t."id", t."ref"`;
  return rows[0];
}

/** Nothing changed: say why (not found, nothing left, already yours, someone else has it, closed). */
async function explainLoss(tx: Tx, actor: ChangeActor, tipId?: string): Promise<ClaimResult> {
  if (!tipId) throw new AppError("notFound", "no unassigned tip", { reason: "empty" });
  const tip = await tx.tip.findFirst({
    where: { AND: [{ id: tipId }, tipScope(actor)] },
    select: { id: true, ref: true, status: true, assigneeId: true, assignee: { select: { name: true } } },
  });
  if (!tip) throw new AppError("notFound");
  if (tip.assigneeId === actor.id) return { id: tip.id, ref: tip.ref, already: true };
  if (tip.assignee)
    throw new AppError("conflict", "already claimed", { reason: "claimed", assignee: tip.assignee.name, ref: tip.ref });
  throw new AppError("conflict", "tip is closed", { reason: "closed", ref: tip.ref });
}
