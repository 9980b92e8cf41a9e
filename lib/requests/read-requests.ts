// Reads of action requests. The station's reads select the brief and nothing of the tip but its
// ref and priority: no message, no alias, no informant field can reach a station's page.
import "server-only";
import { db } from "../db";
import type { Viewer } from "../auth/scope";
import type { Prisma } from "../generated/prisma/client";
import { deskRequestScope, stationRequestScope } from "./scope";
import { OVERDUE_STATES } from "./escalate";

const brief = {
  id: true,
  state: true,
  priority: true,
  what: true,
  where: true,
  when: true,
  whoNamed: true,
  instructions: true,
  dueAt: true,
  releasedAt: true,
  approvedAt: true,
  createdAt: true,
} as const;
const reports = {
  orderBy: { createdAt: "asc" },
  select: {
    id: true,
    kind: true,
    firNumber: true,
    arrests: true,
    seizedWhat: true,
    seizedQty: true,
    details: true,
    createdAt: true,
    author: { select: { name: true } },
    photos: { select: { id: true } },
  },
} as const;

/**
 * The station's list: released requests of the stations the viewer reaches, open ones first by due
 * time. `overdue`: only those past their due time and not yet reported (the desk's overdue view).
 */
export function listStationRequests(viewer: Viewer, opts: { overdue?: boolean; now?: number } = {}) {
  const overdue: Prisma.ActionRequestWhereInput = opts.overdue
    ? { state: { in: OVERDUE_STATES }, dueAt: { lt: new Date(opts.now ?? Date.now()) } }
    : {};
  return db.actionRequest.findMany({
    where: { ...stationRequestScope(viewer), ...overdue },
    orderBy: [{ closedAt: { sort: "desc", nulls: "first" } }, { dueAt: "asc" }],
    take: 100,
    select: {
      id: true,
      state: true,
      priority: true,
      what: true,
      where: true,
      dueAt: true,
      escalatedStage: true,
      tip: { select: { ref: true } },
      station: { select: { name: true, nameHi: true } },
      _count: { select: { media: true } },
    },
  });
}

/**
 * One request for the station's page. The informant's alias is read only when the request's station
 * may read it (ADR 0606: the page shows what the station sees, whoever opens it); otherwise it is
 * never selected, so it cannot reach the response.
 */
export async function getStationRequest(viewer: Viewer, id: string) {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const r = await db.actionRequest.findFirst({
    where: { id, ...stationRequestScope(viewer) },
    select: {
      ...brief,
      tipId: true,
      tip: { select: { ref: true } },
      station: { select: { name: true, nameHi: true, showInformantAlias: true } },
      media: { select: { attachmentId: true } },
      reports,
    },
  });
  if (!r) return null;
  const { tipId, station, ...rest } = r;
  const view: typeof rest & { station: { name: string; nameHi: string | null }; alias?: string } = {
    ...rest,
    station: { name: station.name, nameHi: station.nameHi },
  };
  // No `alias` key at all unless the station may read it: the station's response holds nothing about it.
  if (station.showInformantAlias)
    view.alias = (
      await db.tip.findUniqueOrThrow({ where: { id: tipId }, select: { informant: { select: { alias: true } } } })
    ).informant.alias;
  return view;
}

/** The tip page's panel: every request of the tip, with its notifications and reports. */
export function listTipRequests(viewer: Viewer, tipId: string) {
  return db.actionRequest.findMany({
    where: { tipId, ...deskRequestScope(viewer) },
    orderBy: { createdAt: "asc" },
    select: {
      ...brief,
      warnings: true,
      escalatedStage: true,
      informantToldAt: true,
      station: { select: { name: true, nameHi: true } },
      draftedBy: { select: { name: true } },
      approvedBy: { select: { name: true } },
      _count: { select: { media: true } },
      notifications: {
        orderBy: { createdAt: "asc" },
        select: { id: true, state: true, error: true, attempts: true, contact: { select: { name: true } } },
      },
      reports,
    },
  });
}
export type TipRequest = Awaited<ReturnType<typeof listTipRequests>>[number];
export type StationRequestCard = Awaited<ReturnType<typeof listStationRequests>>[number];
export type StationRequest = NonNullable<Awaited<ReturnType<typeof getStationRequest>>>;
