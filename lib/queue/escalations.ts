// What the open desk queue escalates (ADR 0609), beside its rows: urgent tips that reached the
// unclaimed stage (the queue repeats its alert sound until someone claims them) and action requests
// overdue now (the desk's overdue-requests view, with a sound when one is new). Both are small
// lists read through indexes ("Tip" by receive time, requests by state and due time), scoped as the
// viewer's tips and station requests are, and refreshed with every live update of the queue.
import "server-only";
import { db } from "../db";
import { tipScope, type Viewer } from "../auth/scope";
import { stationRequestScope } from "../requests/scope";
import { OVERDUE_STATES } from "../requests/escalate";

export type QueueEscalations = {
  unclaimed: { id: string; ref: string; stage: number }[];
  overdue: { id: string; ref: string; station: string; dueAt: string; stage: number; state: string }[];
};

const SHOWN = 20;

export async function loadEscalations(viewer: Viewer, now = Date.now()): Promise<QueueEscalations> {
  const [unclaimed, overdue] = await Promise.all([
    db.tip.findMany({
      where: {
        AND: [
          tipScope(viewer),
          {
            priority: "URGENT",
            assigneeId: null,
            unclaimedStage: { gte: 1 },
            status: { in: ["NEW", "IN_PROGRESS", "WAITING_INFORMANT"] },
          },
        ],
      },
      orderBy: { receivedAt: "asc" },
      take: SHOWN,
      select: { id: true, ref: true, unclaimedStage: true },
    }),
    db.actionRequest.findMany({
      where: { ...stationRequestScope(viewer), state: { in: OVERDUE_STATES }, dueAt: { lt: new Date(now) } },
      orderBy: { dueAt: "asc" },
      take: SHOWN,
      select: {
        id: true,
        state: true,
        dueAt: true,
        escalatedStage: true,
        tip: { select: { ref: true } },
        station: { select: { name: true } },
      },
    }),
  ]);
  return {
    unclaimed: unclaimed.map((t) => ({ id: t.id, ref: t.ref, stage: t.unclaimedStage })),
    overdue: overdue.map((r) => ({
      id: r.id,
      ref: r.tip.ref,
      station: r.station.name,
      dueAt: r.dueAt.toISOString(),
      stage: r.escalatedStage,
      state: r.state,
    })),
  };
}
