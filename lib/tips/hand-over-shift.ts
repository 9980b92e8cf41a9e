// Shift hand-over: a supervisor moves every open tip of one officer to another in one step.
// Tips the receiver could not see (another station's) stay where they are and are counted.
import "server-only";
import { db } from "../db";
import { AppError } from "../errors";
import { audit } from "../audit";
import { recordChange, type ChangeActor } from "./record-change";
import { loadAssignee } from "./assign-tip";
import { reaches, tipScope } from "../auth/scope";

export async function handOverShift(actor: ChangeActor, fromUserId: string, toUserId: string) {
  if (fromUserId === toUserId) throw new AppError("invalid", "same officer", { reason: "same" });
  return db.$transaction(async (tx) => {
    const to = await loadAssignee(tx, toUserId);
    const tips = await tx.tip.findMany({
      where: {
        AND: [{ assigneeId: fromUserId, status: { in: ["NEW", "IN_PROGRESS", "WAITING_INFORMANT"] } }, tipScope(actor)],
      },
      select: { id: true, ref: true, stationId: true },
      orderBy: { receivedAt: "asc" },
    });
    const movable = tips.filter((t) => reaches(to, t.stationId));
    if (movable.length)
      await tx.tip.updateMany({
        where: { id: { in: movable.map((t) => t.id) }, assigneeId: fromUserId },
        data: { assigneeId: to.id },
      });
    for (const tip of movable) await recordChange(tx, { actor, tip, type: "handed_over", from: fromUserId, to: to.id });
    const result = { moved: movable.length, skipped: tips.length - movable.length };
    await audit(tx, {
      actorId: actor.id,
      actorRole: actor.role,
      action: "shift.handover",
      targetType: "user",
      targetId: fromUserId,
      detail: { to: to.id, ...result },
      ip: actor.ip ?? null,
    });
    return result;
  });
}
