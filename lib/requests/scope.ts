// Who sees which action requests on the station side: the tip scope's rule (lib/auth/scope.ts)
// applied to the request's station, and only requests released to the station (a draft awaiting a
// supervisor is not the station's yet). A miss is "not found", like a tip of another station.
import "server-only";
import type { Tx } from "../db";
import { AppError } from "../errors";
import type { Prisma } from "../generated/prisma/client";
import { tipReach, type Viewer } from "../auth/scope";

export function stationRequestScope(viewer: Viewer): Prisma.ActionRequestWhereInput {
  const reach = tipReach(viewer);
  const released: Prisma.ActionRequestWhereInput = { releasedAt: { not: null } };
  if (reach.kind === "station") return { ...released, stationId: reach.stationId };
  if (reach.kind === "none") return { id: { in: [] } };
  return released;
}

/** Desk side: requests of tips the viewer may see (drafts included). */
export function deskRequestScope(viewer: Viewer): Prisma.ActionRequestWhereInput {
  const reach = tipReach(viewer);
  if (reach.kind === "station") return { tip: { stationId: reach.stationId } };
  if (reach.kind === "none") return { id: { in: [] } };
  return {};
}

/**
 * Locks a request the viewer may reach (FOR UPDATE, until the transaction ends), so two officers
 * acting on it at once go one after the other; anything else, a malformed id included, is "not
 * found" before any input is read.
 */
export async function lockRequestInScope(tx: Tx, id: string, scope: Prisma.ActionRequestWhereInput) {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw new AppError("notFound");
  const found = await tx.actionRequest.findFirst({ where: { id, ...scope }, select: { id: true } });
  if (!found) throw new AppError("notFound");
  await tx.$executeRaw`SELECT 1 FROM "ActionRequest" WHERE "id" = ${id}::uuid FOR UPDATE`;
}
