// "Now" figures of the dashboard (ADR 0500: they ignore the range, keep the filters): open tips,
// unassigned ones, and each officer's open tips. Without a category filter they come from the
// queue's trigger-maintained counters (ADR 0302; exact, same snapshot as the statement that reads
// them), so they cost the same at 1 k and 1 M tips; the counters know no category, so a category
// filter counts the open tips themselves.
import "server-only";
import { Prisma } from "../generated/prisma/client";
import { foldViewCounts } from "../queue/fold-view-counts";
import { FOLD_AFTER } from "../queue/count-views";
import type { DashboardFilters } from "./filters";
import { scopeWhere } from "./sql";
import { OPEN_SQL } from "../tips/open-sql";

type Filters = Pick<DashboardFilters, "stationId" | "category">;

const counters = (f: Filters) =>
  Prisma.sql`mukhbir_internal.tip_view_count t WHERE TRUE ${f.stationId ? Prisma.sql`AND t."stationId" = ${f.stationId}::uuid` : Prisma.empty}`;

/** A scalar subquery: json {open, unassigned, changes} (changes = the counters' unfolded rows). */
export function openNowJson(f: Filters) {
  return f.category
    ? Prisma.sql`(SELECT json_build_object('open', count(*), 'unassigned', count(*) FILTER (WHERE t."assigneeId" IS NULL), 'changes', 0)
        FROM "Tip" t WHERE ${OPEN_SQL} ${scopeWhere(f)})`
    : Prisma.sql`(SELECT json_build_object('open', COALESCE(sum(t."n"), 0), 'unassigned', COALESCE(sum(t."n") FILTER (WHERE t."assigneeId" IS NULL), 0),
          'changes', count(*) FILTER (WHERE NOT t."folded"))
        FROM ${counters(f)})`;
}

/** Rows (uid, open) of officers holding open tips now. */
export function openByAssignee(f: Filters) {
  return f.category
    ? Prisma.sql`SELECT t."assigneeId" AS "uid", count(*)::int AS "open"
        FROM "Tip" t WHERE ${OPEN_SQL} AND t."assigneeId" IS NOT NULL ${scopeWhere(f)} GROUP BY t."assigneeId"`
    : Prisma.sql`SELECT t."assigneeId" AS "uid", sum(t."n")::int AS "open"
        FROM ${counters(f)} AND t."assigneeId" IS NOT NULL GROUP BY t."assigneeId" HAVING sum(t."n") <> 0`;
}

/** As the queue does: past FOLD_AFTER unfolded change rows, fold them (a few ms, its own transaction). */
export async function foldIfNeeded(changes: number) {
  if (changes > FOLD_AFTER) await foldViewCounts();
}
