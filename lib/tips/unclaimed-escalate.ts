// Unclaimed urgent tips (ADR 0609): a new URGENT tip nobody on the desk claims keeps alerting.
// Stage 1, `unclaimedAlertMinutes` after it arrived: the open desk queues list it and repeat their
// alert sound until someone claims it (lib/queue/escalations.ts reads the stage). Stage 2,
// `unclaimedPageMinutes` later: the SP Crime's desk contacts are paged through the station.notify
// job (a notification row about the tip, once per contact and stage). Each stage runs once — claimed
// with a conditional update like the requests' sweep (ADR 0604) — and is recorded on the tip
// (TipEvent, audit, live event). `now` is the caller's clock (the recurring job's, or a test's).
import "server-only";
import { db } from "../db";
import { audit } from "../audit";
import { publish } from "../live/bus";
import { requestSettings } from "../requests/settings";
import { enqueueDeskPages } from "../requests/notify";

export const UNCLAIMED_EVERY_MS = 60_000;
/** Tips older than this are past both stages anyway; the bound keeps the sweep on the receive index. */
const LOOK_BACK_MS = 24 * 3_600_000;

export async function escalateUnclaimedTips(now = Date.now()): Promise<{ id: string; stage: number }[]> {
  const s = await requestSettings();
  const alertAt = new Date(now - s.unclaimedAlertMinutes * 60_000);
  const pageAt = new Date(now - (s.unclaimedAlertMinutes + s.unclaimedPageMinutes) * 60_000);
  const due = await db.tip.findMany({
    where: {
      priority: "URGENT",
      assigneeId: null,
      status: { in: ["NEW", "IN_PROGRESS", "WAITING_INFORMANT"] },
      flagged: false,
      receivedAt: { gte: new Date(now - LOOK_BACK_MS) },
      OR: [
        { unclaimedStage: 0, receivedAt: { lte: alertAt } },
        { unclaimedStage: 1, receivedAt: { lte: pageAt } },
      ],
    },
    orderBy: { receivedAt: "asc" },
    take: 200,
    select: { id: true, ref: true, unclaimedStage: true, receivedAt: true },
  });
  const done: { id: string; stage: number }[] = [];
  for (const t of due) {
    // Both stages at once when the sweep first sees a tip already past the second.
    const stage = t.unclaimedStage === 0 && t.receivedAt <= pageAt ? 2 : t.unclaimedStage + 1;
    await db.$transaction(async (tx) => {
      const claimed = await tx.tip.updateMany({
        where: { id: t.id, unclaimedStage: t.unclaimedStage, assigneeId: null },
        data: { unclaimedStage: stage },
      });
      if (!claimed.count) return;
      const paged = stage === 2 ? await enqueueDeskPages(tx, { tipId: t.id }, "unclaimed-2") : 0;
      await tx.tipEvent.create({
        data: {
          tipId: t.id,
          actorId: null,
          type: "unclaimed_escalated",
          toValue: String(stage),
          data: { stage, paged },
        },
      });
      await audit(tx, {
        actorId: null,
        actorRole: null,
        action: "tip.unclaimed_escalated",
        targetType: "tip",
        targetId: t.id,
        tipId: t.id,
        detail: { ref: t.ref, stage, paged },
      });
      await publish(tx, { type: "tip.updated", tipId: t.id, ref: t.ref });
      done.push({ id: t.id, stage });
    });
  }
  return done;
}
