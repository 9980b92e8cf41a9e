// Escalation of stalled requests (ADR 0604): a released request not acknowledged, or acknowledged
// but not reported, by its due time escalates once at the due time (stage 1) and once more
// `escalateAfterMinutes` later (stage 2). Each stage notifies the station's SENIOR contacts once
// (StationNotification is unique per request, contact and stage), is recorded on the tip (TipEvent,
// audit, live event) and shows in the desk's overdue view (/station?view=overdue, and on the queue);
// each stage also pages the SP Crime's desk contacts (ADR 0609). The stage number
// is claimed with a conditional update, so concurrent sweeps (several instances) run a stage once.
// `now` is a parameter: the clock is the caller's (tests pass a fake one).
import "server-only";
import { db } from "../db";
import type { RequestState } from "../generated/prisma/enums";
import { requestSettings } from "./settings";
import { enqueueDeskPages, enqueueNotifications } from "./notify";
import { recordStep } from "./record-step";

export const OVERDUE_STATES: RequestState[] = ["APPROVED", "SENT", "ACKNOWLEDGED"];
export const ESCALATE_EVERY_MS = 5 * 60_000;

export async function escalateRequests(now = Date.now()): Promise<{ id: string; stage: number }[]> {
  const settings = await requestSettings();
  const stageTwo = new Date(now - settings.escalateAfterMinutes * 60_000);
  const due = await db.actionRequest.findMany({
    where: {
      state: { in: OVERDUE_STATES },
      releasedAt: { not: null },
      OR: [
        { escalatedStage: 0, dueAt: { lte: new Date(now) } },
        { escalatedStage: 1, dueAt: { lte: stageTwo } },
      ],
    },
    orderBy: { dueAt: "asc" },
    take: 200,
    select: { id: true, escalatedStage: true },
  });
  const done: { id: string; stage: number }[] = [];
  for (const r of due) {
    const stage = r.escalatedStage + 1;
    await db.$transaction(async (tx) => {
      const claimed = await tx.actionRequest.updateMany({
        where: { id: r.id, escalatedStage: r.escalatedStage, state: { in: OVERDUE_STATES } },
        data: { escalatedStage: stage },
      });
      if (!claimed.count) return;
      const req = await tx.actionRequest.findUniqueOrThrow({
        where: { id: r.id },
        select: { state: true, stationId: true, tip: { select: { id: true, ref: true } } },
      });
      const notified = await enqueueNotifications(tx, r.id, req.stationId, `overdue-${stage}`, "SENIOR");
      // The SP Crime's desk hears of every stage too (ADR 0609), once per contact and stage.
      const paged = await enqueueDeskPages(tx, { requestId: r.id }, `overdue-${stage}`);
      const reason = req.state === "ACKNOWLEDGED" ? "unreported" : "unacknowledged";
      await recordStep(tx, {
        actor: null,
        tip: req.tip,
        requestId: r.id,
        step: "escalated",
        to: String(stage),
        data: { stage, reason, notified, paged },
      });
      done.push({ id: r.id, stage });
    });
  }
  return done;
}
