// Counts for the view tabs, exact and in one statement (one snapshot), without counting the open
// tips: triggers keep +1/-1 rows per change of an open tip (ADR 0302), summed here per scope.
// "Breaching SLA" moves with the clock: whole received-hours before a clock's cutoff come from the
// counters, the one hour around each cutoff is counted from the tips by the SLA rule itself.
import "server-only";
import { db } from "../db";
import { overdueSql, windowSql } from "../sla/sql";
import { slaSeconds } from "../sla/rule";
import { PRIORITIES } from "../sla/targets";
import type { QueryContext } from "./conditions";
import { startOfIstDay } from "../time/ist";
import { foldViewCounts } from "./fold-view-counts";
import type { View } from "./params";
import { Prisma } from "../generated/prisma/client";
import { tipScopeSql } from "../auth/scope";
import { OPEN_SQL } from "../tips/open-sql";

export type ViewCounts = Record<Exclude<View, "all" | "watched">, number>;

/** Unfolded change rows (in either table) after which a read folds them (a few ms). */
export const FOLD_AFTER = 500;

type Row = Record<
  "unassigned" | "mine" | "open" | "waiting" | "whole" | "edge" | "closedToday" | "changes",
  bigint | number | null
>;

export async function countViews(ctx: QueryContext): Promise<ViewCounts> {
  const scope = tipScopeSql(ctx.viewer);
  const now = Prisma.sql`${ctx.now}::timestamptz`;
  const secs = slaSeconds(ctx.targets);
  // Per SLA clock (priority × first response yet?): received before `cutoff` = overdue.
  const window = windowSql(secs, Prisma.sql`r.responded`, Prisma.sql`c.priority`);
  const [row] = await db.$queryRaw<Row[]>`WITH clock AS (
       SELECT c.priority, c.responded, mukhbir_internal.tip_hour(c.cutoff) AS edge, c.cutoff
       FROM (SELECT c.priority, r.responded, ${now} - make_interval(secs => ${window}) AS cutoff
             FROM unnest(${[...PRIORITIES]}::text[]) c(priority) CROSS JOIN unnest(ARRAY[false, true]) r(responded)) c
     )
     SELECT v.unassigned, v.mine, v.open, v.waiting, b.whole, e.edge, d."closedToday", v.changes + b.changes AS changes
     FROM (SELECT sum(t.n) FILTER (WHERE t.visible AND t."assigneeId" IS NULL) AS unassigned,
                  sum(t.n) FILTER (WHERE t.visible AND t."assigneeId" = ${ctx.viewer.id}::uuid) AS mine,
                  sum(t.n) FILTER (WHERE t.visible) AS open,
                  sum(t.n) FILTER (WHERE t.visible AND t."status" = 'WAITING_INFORMANT') AS waiting,
                  count(*) FILTER (WHERE NOT t.folded) AS changes
           FROM (SELECT t.*, ${scope} AS visible FROM mukhbir_internal.tip_view_count t) t) v,
          (SELECT sum(t.n) FILTER (WHERE t.visible AND t."hour" + interval '1 hour' <= c.cutoff) AS whole,
                  count(*) FILTER (WHERE NOT t.folded) AS changes
           FROM (SELECT t.*, ${scope} AS visible FROM mukhbir_internal.tip_clock_count t) t
           JOIN clock c ON c.priority = t."priority" AND c.responded = t."responded") b,
          (SELECT count(*) AS edge FROM clock c CROSS JOIN LATERAL (
             SELECT 1 FROM "Tip" t
             WHERE ${OPEN_SQL} AND t."priority" = c.priority::"Priority"
               AND t."receivedAt" >= c.edge AND t."receivedAt" < c.edge + interval '1 hour'
               AND (t."firstResponseAt" IS NOT NULL) = c.responded
               AND ${scope} AND ${overdueSql(secs, ctx.now)}) x) e,
          (SELECT count(*) AS "closedToday" FROM "Tip" t
           WHERE t."closedAt" >= ${startOfIstDay(ctx.now)}::timestamptz AND t."status" IN ('CLOSED', 'MERGED') AND ${scope}) d`;
  const n = (v: bigint | number | null | undefined) => Number(v ?? 0);
  if (n(row.changes) > FOLD_AFTER) await foldViewCounts();
  return {
    unassigned: n(row.unassigned),
    mine: n(row.mine),
    open: n(row.open),
    breaching: n(row.whole) + n(row.edge),
    waiting: n(row.waiting),
    closedToday: n(row.closedToday),
  };
}
