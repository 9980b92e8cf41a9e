// A supervisor approves a drafted brief: it is released to the station and its duty contacts are
// notified (jobs, committed with the approval). A brief that went first (urgent) is reviewed the
// same way afterwards: the approval is recorded, nothing is sent twice.
import "server-only";
import { db } from "../db";
import { AppError } from "../errors";
import type { Viewer } from "../auth/scope";
import { deskRequestScope } from "./scope";
import { recordStep } from "./record-step";
import { enqueueNotifications } from "./notify";

export async function approveRequest(actor: Viewer & { ip?: string | null }, requestId: string, now = Date.now()) {
  return db.$transaction(async (tx) => {
    const found = await tx.actionRequest.findFirst({
      where: { id: requestId, ...deskRequestScope(actor) },
      select: { id: true },
    });
    if (!found) throw new AppError("notFound");
    await tx.$executeRaw`SELECT 1 FROM "ActionRequest" WHERE "id" = ${requestId}::uuid FOR UPDATE`;
    const r = await tx.actionRequest.findUniqueOrThrow({
      where: { id: requestId },
      select: {
        id: true,
        state: true,
        approvedAt: true,
        releasedAt: true,
        stationId: true,
        tip: { select: { id: true, ref: true } },
      },
    });
    if (r.approvedAt || r.state === "CLOSED") throw new AppError("conflict");
    const at = new Date(now);
    if (r.state === "DRAFTED") {
      await tx.actionRequest.update({
        where: { id: r.id },
        data: { state: "APPROVED", approvedById: actor.id, approvedAt: at, releasedAt: at },
      });
      await recordStep(tx, { actor, tip: r.tip, requestId: r.id, step: "approved", from: "DRAFTED", to: "APPROVED" });
      await enqueueNotifications(tx, r.id, r.stationId, "new");
    } else {
      // Released first (its priority may go before review): the review is recorded, the state stays.
      await tx.actionRequest.update({ where: { id: r.id }, data: { approvedById: actor.id, approvedAt: at } });
      await recordStep(tx, {
        actor,
        tip: r.tip,
        requestId: r.id,
        step: "approved",
        from: r.state,
        to: r.state,
        data: { review: true },
      });
    }
  });
}
