// Per-officer figures for the range: tips claimed and closed (from the tip's event trail, by who
// did it), median first response on the tips they hold, and what they hold open right now.
import "server-only";
import { Prisma } from "../generated/prisma/client";
import { db } from "../db";
import type { Role } from "../generated/prisma/enums";
import type { DashboardFilters } from "./filters";
import { scanRange, type RangeScan } from "./range-scan";
import { scopeWhere, dashboardQuery } from "./sql";
import { openByAssignee } from "./open-now";
import { CLAIM_EVENT, CLOSE_EVENT } from "./events";
import { cleanDays } from "./clean-days";
import { slaTargetSeconds } from "../sla/settings";
import { slaFingerprint } from "./rollup-refresh";

export type OfficerRow = {
  id: string;
  name: string;
  role: Role;
  claimed: number;
  closed: number;
  /** Seconds, over tips received in range and currently assigned to them; null if none. */
  firstResponseMedian: number | null;
  openNow: number;
};

export async function getOfficerStats(f: DashboardFilters): Promise<OfficerRow[]> {
  const [scan, activity] = await Promise.all([scanRange(f), officerActivity(f)]);
  return officerRows(scan, activity);
}

type Activity = Omit<OfficerRow, "firstResponseMedian">;

/**
 * Claims and closes in the range (an index-only scan of "TipEvent_type_at_actorId_idx") and what
 * each officer holds open now (open-now.ts), for everyone who has either. Runs beside the range scan.
 */
export async function officerActivity(f: DashboardFilters): Promise<Activity[]> {
  return dashboardQuery<Activity>(Prisma.sql`
    WITH ${await activityCounts(f)}, op AS (${openByAssignee(f)})
    SELECT u."id", u."name", u."role", COALESCE(ev."claimed", 0) AS "claimed", COALESCE(ev."closed", 0) AS "closed", COALESCE(op."open", 0) AS "openNow"
    FROM ev FULL JOIN op ON op."uid" = ev."uid" JOIN "User" u ON u."id" = COALESCE(ev."uid", op."uid")`);
}

/**
 * The `ev` CTE: claims and closes per officer in the range. Unfiltered, the clean days come from
 * the daily rollup and the rest from "TipEvent" (ADR 0520); filtered by the tip's station or
 * category (which can change after the event), all from "TipEvent" joined to "Tip".
 */
async function activityCounts(f: DashboardFilters) {
  const count = Prisma.sql`e."actorId" AS "uid", count(*) FILTER (WHERE e."type" = ${CLAIM_EVENT})::int AS "claimed",
    count(*) FILTER (WHERE e."type" = ${CLOSE_EVENT})::int AS "closed"`;
  const kinds = Prisma.sql`e."type" IN (${CLAIM_EVENT}, ${CLOSE_EVENT}) AND e."actorId" IS NOT NULL`;
  if (f.stationId || f.category)
    return Prisma.sql`ev AS (SELECT ${count} FROM "TipEvent" e JOIN "Tip" t ON t."id" = e."tipId"
      WHERE ${kinds} AND e."at" >= ${f.from} AND e."at" < ${f.to} ${scopeWhere(f)} GROUP BY e."actorId")`;
  return Prisma.sql`${cleanDays(f, slaFingerprint(await slaTargetSeconds()))},
    ev AS (SELECT "uid", sum("claimed")::int AS "claimed", sum("closed")::int AS "closed" FROM (
      SELECT a."actor_id" AS "uid", a."claimed", a."closed" FROM mukhbir_internal.dash_activity a WHERE a."day" IN (SELECT "day" FROM clean)
      UNION ALL
      SELECT ${count} FROM unclean u JOIN "TipEvent" e ON e."at" >= u."lo" AND e."at" < u."hi" WHERE ${kinds} GROUP BY e."actorId"
    ) x GROUP BY "uid")`;
}

/** Activity plus the range's medians; an assignee with a median but no activity is looked up. */
export async function officerRows(scan: Pick<RangeScan, "frByAssignee">, activity: Activity[]): Promise<OfficerRow[]> {
  const known = new Set(activity.map((a) => a.id));
  const missing = [...scan.frByAssignee.keys()].filter((id) => !known.has(id));
  const extra = missing.length
    ? await db.user.findMany({ where: { id: { in: missing } }, select: { id: true, name: true, role: true } })
    : [];
  const rows: OfficerRow[] = [...activity, ...extra.map((u) => ({ ...u, claimed: 0, closed: 0, openNow: 0 }))].map(
    (a) => ({
      ...a,
      firstResponseMedian: scan.frByAssignee.get(a.id) ?? null,
    }),
  );
  // Code-point order for the name tie-break, as the database's C collation gave before.
  return rows.sort(
    (a, b) => b.closed - a.closed || b.claimed - a.claimed || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
  );
}
