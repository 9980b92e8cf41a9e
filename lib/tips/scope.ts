// Who may see which tips, as a Prisma `where` fragment. An officer tied to a police station sees
// only that station's tips; an officer an admin marked district-wide (the district's desk),
// supervisors and admins see all; an officer with neither sees none (least privilege: a missing
// station is never "everything"). Callers answer "not found" when a scoped lookup misses.
import type { Prisma } from "../generated/prisma/client";
import type { Role } from "../generated/prisma/enums";

export type Viewer = { id: string; role: Role; stationId: string | null; districtWide: boolean };

type Reach = { kind: "all" } | { kind: "station"; stationId: string } | { kind: "none" };

export function tipReach(viewer: Viewer): Reach {
  if (viewer.role !== "OFFICER") return { kind: "all" };
  if (viewer.stationId) return { kind: "station", stationId: viewer.stationId };
  return viewer.districtWide ? { kind: "all" } : { kind: "none" };
}

export function tipScope(viewer: Viewer): Prisma.TipWhereInput {
  const reach = tipReach(viewer);
  if (reach.kind === "station") return { stationId: reach.stationId };
  if (reach.kind === "none") return { id: { in: [] } };
  return {};
}

/** The same rule for raw SQL: a condition on the "Tip" table alias `t`, with its parameter. */
export function tipScopeSql(viewer: Viewer): { sql: string; params: unknown[] } {
  const reach = tipReach(viewer);
  if (reach.kind === "station") return { sql: `t."stationId" = $SCOPE::uuid`, params: [reach.stationId] };
  return { sql: reach.kind === "none" ? "FALSE" : "TRUE", params: [] };
}
