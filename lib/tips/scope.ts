// Who may see which tips, as a Prisma `where` fragment. An officer tied to a police station sees
// only that station's tips; officers without a station, supervisors and admins see all.
// Callers answer "not found" when a scoped lookup misses, never "forbidden".
import type { Prisma } from "../generated/prisma/client";
import type { Role } from "../generated/prisma/enums";

export type Viewer = { id: string; role: Role; stationId: string | null };

export function tipScope(viewer: Viewer): Prisma.TipWhereInput {
  if (viewer.role === "OFFICER" && viewer.stationId) return { stationId: viewer.stationId };
  return {};
}

/** The same rule for raw SQL: a condition on the "Tip" table alias `t`, with its parameter. */
export function tipScopeSql(viewer: Viewer): { sql: string; params: unknown[] } {
  if (viewer.role === "OFFICER" && viewer.stationId) return { sql: `t."stationId" = $SCOPE::uuid`, params: [viewer.stationId] };
  return { sql: "TRUE", params: [] };
}
