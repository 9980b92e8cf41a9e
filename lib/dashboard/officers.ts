// Per-officer figures for the range: tips claimed and closed (from the tip's event trail, by who
// did it), median first response on the tips they hold, and what they hold open right now.
import "server-only";
import { Prisma } from "../generated/prisma/client";
import { db } from "../db";
import type { Role } from "../generated/prisma/enums";
import type { DashboardFilters } from "./filters";
import { rangeWhere, scopeWhere, OPEN_STATUSES, FIRST_RESPONSE_SECONDS, num } from "./sql";

/** TipEvent types written by the queue and tip workspace when an officer claims or closes a tip. */
export const CLAIM_EVENT = "claimed";
export const CLOSE_EVENT = "closed";

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
  // The join to "Tip" is only needed for the station / category filters; skip it otherwise.
  const filtered = !!(f.stationId || f.category);
  const events = filtered
    ? Prisma.sql`FROM "TipEvent" e JOIN "Tip" t ON t."id" = e."tipId" WHERE TRUE ${scopeWhere(f)} AND`
    : Prisma.sql`FROM "TipEvent" e WHERE`;
  const rows = await db.$queryRaw<(OfficerRow & { firstResponseMedian: unknown })[]>`
    WITH ev AS (
      SELECT e."actorId" AS "uid",
        count(*) FILTER (WHERE e."type" = ${CLAIM_EVENT})::int AS "claimed",
        count(*) FILTER (WHERE e."type" = ${CLOSE_EVENT})::int AS "closed"
      ${events} e."type" IN (${CLAIM_EVENT}, ${CLOSE_EVENT}) AND e."at" >= ${f.from} AND e."at" < ${f.to} AND e."actorId" IS NOT NULL
      GROUP BY e."actorId"
    ), fr AS (
      SELECT t."assigneeId" AS "uid", percentile_cont(0.5) WITHIN GROUP (ORDER BY ${FIRST_RESPONSE_SECONDS}) AS "median"
      FROM "Tip" t WHERE ${rangeWhere(f)} AND t."assigneeId" IS NOT NULL AND t."firstResponseAt" IS NOT NULL
      GROUP BY t."assigneeId"
    ), op AS (
      SELECT t."assigneeId" AS "uid", count(*)::int AS "open"
      FROM "Tip" t WHERE t."status" IN ${OPEN_STATUSES} AND t."assigneeId" IS NOT NULL ${scopeWhere(f)}
      GROUP BY t."assigneeId"
    ), ids AS (SELECT "uid" FROM ev UNION SELECT "uid" FROM fr UNION SELECT "uid" FROM op)
    SELECT u."id", u."name", u."role", COALESCE(ev."claimed", 0) AS "claimed", COALESCE(ev."closed", 0) AS "closed",
      fr."median" AS "firstResponseMedian", COALESCE(op."open", 0) AS "openNow"
    FROM ids JOIN "User" u ON u."id" = ids."uid"
    LEFT JOIN ev ON ev."uid" = u."id" LEFT JOIN fr ON fr."uid" = u."id" LEFT JOIN op ON op."uid" = u."id"
    ORDER BY "closed" DESC, "claimed" DESC, u."name"`;
  return rows.map((r) => ({ ...r, firstResponseMedian: num(r.firstResponseMedian) }));
}
