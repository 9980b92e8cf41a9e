// Everything the queue page and its JSON route need for one URL: rows, counts, the effective sort.
import "server-only";
import type { Viewer } from "../auth/scope";
import { slaTargets } from "../sla/settings";
import { listQueue, queueRowsById, type QueuePage, type QueueRow } from "./list-queue";
import { countViews, type ViewCounts } from "./count-views";
import type { QueryContext } from "./conditions";
import type { QueueParams } from "./params";
import { loadEscalations, type QueueEscalations } from "./escalations";

export type QueueData = QueuePage & { counts: ViewCounts; escalations: QueueEscalations };

export async function queueContext(viewer: Viewer): Promise<QueryContext> {
  return {
    viewer: {
      id: viewer.id,
      role: viewer.role,
      stationId: viewer.stationId ?? null,
      districtWide: viewer.districtWide ?? false,
    },
    targets: await slaTargets(),
    now: new Date(),
  };
}

export async function loadQueue(viewer: Viewer, params: QueueParams): Promise<QueueData> {
  const ctx = await queueContext(viewer);
  const [page, counts, escalations] = await Promise.all([
    listQueue(params, ctx),
    countViews(ctx),
    loadEscalations(ctx.viewer, ctx.now.getTime()),
  ]);
  return { ...page, counts, escalations };
}

/** Live refresh: the given rows as they now match (absent = no longer in this view), and counts. */
export async function loadQueueRows(
  viewer: Viewer,
  params: QueueParams,
  ids: string[],
): Promise<{ rows: QueueRow[]; counts: ViewCounts; escalations: QueueEscalations }> {
  const ctx = await queueContext(viewer);
  const [rows, counts, escalations] = await Promise.all([
    queueRowsById(params, ctx, ids),
    countViews(ctx),
    loadEscalations(ctx.viewer, ctx.now.getTime()),
  ]);
  return { rows, counts, escalations };
}
