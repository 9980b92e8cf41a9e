// Reopening puts a closed tip back in work. The old outcome and summary stay in the timeline
// (the event) and the audit trail; the tip itself no longer claims them.
import "server-only";
import { db } from "../db";
import { AppError } from "../errors";
import type { Viewer } from "../auth/scope";
import { lockScopedTip } from "./find-scoped-tip";
import { recordChange } from "./record-change";

export async function reopenTip(actor: Viewer & { ip?: string | null }, ref: string) {
  return db.$transaction(async (tx) => {
    const tip = await lockScopedTip(tx, actor, ref);
    if (tip.status !== "CLOSED") throw new AppError("conflict", "only a closed tip can be reopened");
    const before = await tx.tip.findUniqueOrThrow({
      where: { id: tip.id },
      select: { outcome: true, closingSummary: true },
    });
    const status = tip.assigneeId ? "IN_PROGRESS" : "NEW";
    await tx.tip.update({
      where: { id: tip.id },
      data: { status, outcome: null, closingSummary: null, closedAt: null, lastActivityAt: new Date() },
    });
    await recordChange(tx, {
      actor,
      tip,
      type: "reopened",
      from: before.outcome,
      to: status,
      data: { previousSummary: before.closingSummary },
    });
  });
}
