// Supervisors assign an open tip to any active officer who may see it (or unassign it).
import "server-only";
import { db, type Tx } from "../db";
import { AppError } from "../errors";
import { recordChange, type ChangeActor } from "./record-change";
import { reaches, tipScope } from "../auth/scope";
import type { Role } from "../generated/prisma/enums";

export type Assignee = { id: string; name: string; role: Role; stationId: string | null; districtWide: boolean };

/** The user a tip may go to: active, and able to see it (an officer bound to a station sees only that station). */
export async function loadAssignee(tx: Tx, userId: string): Promise<Assignee> {
  const user = await tx.user.findFirst({
    where: { id: userId, active: true },
    select: { id: true, name: true, role: true, stationId: true, districtWide: true },
  });
  if (!user) throw new AppError("invalid", "no such active user", { reason: "assignee" });
  return user;
}

export async function assignTipTx(tx: Tx, actor: ChangeActor, tipId: string, assignee: Assignee | null) {
  const tip = await tx.tip.findFirst({
    where: { AND: [{ id: tipId }, tipScope(actor)] },
    select: { id: true, ref: true, status: true, stationId: true, assigneeId: true },
  });
  if (!tip) throw new AppError("notFound");
  if (tip.status === "CLOSED" || tip.status === "MERGED")
    throw new AppError("conflict", "tip is closed", { reason: "closed", ref: tip.ref });
  if (assignee && !reaches(assignee, tip.stationId))
    throw new AppError("invalid", "assignee cannot see this tip", { reason: "scope", ref: tip.ref });
  const to = assignee?.id ?? null;
  if (tip.assigneeId === to) return false;
  await tx.tip.update({
    where: { id: tip.id },
    data: { assigneeId: to, ...(to && tip.status === "NEW" ? { status: "IN_PROGRESS" } : {}) },
  });
  await recordChange(tx, { actor, tip, type: "assigned", from: tip.assigneeId, to });
  return true;
}

export async function assignTip(actor: ChangeActor, tipId: string, assigneeId: string | null) {
  return db.$transaction(async (tx) => {
    const assignee = assigneeId ? await loadAssignee(tx, assigneeId) : null;
    return assignTipTx(tx, actor, tipId, assignee);
  });
}
