// Choices for the queue's filters and assignment menus: active stations (an officer bound to a
// station sees only it) and active users by name (names only; no usernames or roles).
import "server-only";
import { db } from "../db";
import { tipReach, type Viewer } from "../tips/scope";

export async function listQueueOptions(viewer: Viewer) {
  const reach = tipReach(viewer);
  const [stations, users] = await Promise.all([
    db.policeStation.findMany({
      where: { active: true, ...(reach.kind === "station" ? { id: reach.stationId } : reach.kind === "none" ? { id: { in: [] } } : {}) },
      select: { id: true, name: true },
      orderBy: { name: "asc" },
    }),
    db.user.findMany({ where: { active: true }, select: { id: true, name: true }, orderBy: { name: "asc" } }),
  ]);
  return { stations, users };
}
