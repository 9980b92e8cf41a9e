// Who may read an informant's alias (ADR 0606). The desk (district-wide officers, supervisors,
// admins) always may; a station-bound officer only when an admin switched it on for their station
// (off by default: word leaking from a station has hurt informers). Every read that could carry the
// alias to such an officer asks this and leaves the alias out of the response, not just the page.
import "server-only";
import { db, type Db, type Tx } from "../db";
import { tipReach, type Viewer } from "./scope";

export async function mayReadAlias(viewer: Viewer, client: Db | Tx = db): Promise<boolean> {
  const reach = tipReach(viewer);
  if (reach.kind === "all") return true;
  if (reach.kind === "none") return false;
  return stationShowsAlias(reach.stationId, client);
}

/** Whether a station's own officers may read the alias (the station's phone view shows what they may). */
export async function stationShowsAlias(stationId: string, client: Db | Tx = db): Promise<boolean> {
  const s = await client.policeStation.findUnique({ where: { id: stationId }, select: { showInformantAlias: true } });
  return !!s?.showInformantAlias;
}

/** Tip events whose values are the alias (blocking and the abuse mark name the informant by alias). */
export const ALIAS_EVENTS: ReadonlySet<string> = new Set([
  "informant_blocked",
  "informant_unblocked",
  "informant_marked_abusing",
  "informant_unmarked_abusing",
]);
