// Who may see which tips — the one rule, in every form a caller needs. An officer tied to a police
// station sees only that station's tips; an officer an admin marked district-wide (the district's
// desk), supervisors and admins see all; an officer with neither sees none (least privilege: a
// missing station is never "everything"). Callers answer "not found" when a scoped lookup misses.
import { Prisma } from "../generated/prisma/client";
import type { Role } from "../generated/prisma/enums";

export type Viewer = { id: string; role: Role; stationId: string | null; districtWide: boolean };

type Reach = { kind: "all" } | { kind: "station"; stationId: string } | { kind: "none" };

export function tipReach(viewer: Viewer): Reach {
  if (viewer.role !== "OFFICER") return { kind: "all" };
  if (viewer.stationId) return { kind: "station", stationId: viewer.stationId };
  return viewer.districtWide ? { kind: "all" } : { kind: "none" };
}

/** Whether the viewer may see a tip of this station (null: not routed to one yet). */
export function reaches(viewer: Viewer, stationId: string | null): boolean {
  const reach = tipReach(viewer);
  return reach.kind === "all" || (reach.kind === "station" && reach.stationId === stationId);
}

/** As a Prisma `where` on Tip. */
export function tipScope(viewer: Viewer): Prisma.TipWhereInput {
  const reach = tipReach(viewer);
  if (reach.kind === "station") return { stationId: reach.stationId };
  if (reach.kind === "none") return { id: { in: [] } };
  return {};
}

/** As a Prisma `where` on PoliceStation: the stations whose tips the viewer sees. */
export function stationScope(viewer: Viewer): Prisma.PoliceStationWhereInput {
  const reach = tipReach(viewer);
  if (reach.kind === "station") return { id: reach.stationId };
  if (reach.kind === "none") return { id: { in: [] } };
  return {};
}

/** As an SQL condition on the "Tip" alias `t` (or any relation with a "stationId" column named `t`). */
export function tipScopeSql(viewer: Viewer): Prisma.Sql {
  const reach = tipReach(viewer);
  if (reach.kind === "station") return Prisma.sql`t."stationId" = ${reach.stationId}::uuid`;
  return reach.kind === "none" ? Prisma.sql`FALSE` : Prisma.sql`TRUE`;
}
