// Counts for the view tabs, exact and in one statement (one snapshot), without counting the open
// tips: triggers keep +1/-1 rows per change of an open tip (ADR 0302), summed here per scope.
// "Breaching SLA" moves with the clock: whole received-hours before a clock's cutoff come from the
// counters, the one hour around each cutoff is counted from the tips by the SLA rule itself. Hours
// older than the longest target are folded into one summary row per station and clock (ADR 0814),
// so the counters hold a row per recent hour, not one per hour of the year an open tip came in.
import "server-only";
import { db } from "../db";
import { overdueSql, windowSql } from "../sla/sql";
import { slaSeconds } from "../sla/rule";
import { PRIORITIES } from "../sla/targets";
import type { QueryContext } from "./conditions";
import { startOfIstDay } from "../time/ist";
import { foldHorizon, foldViewCounts } from "./fold-view-counts";
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
> & { aged: boolean | null };

export async function countViews(ctx: QueryContext): Promise<ViewCounts> {
  const scope = tipScopeSql(ctx.viewer);
  const now = Prisma.sql`${ctx.now}::timestamptz`;
  const secs = slaSeconds(ctx.targets);
  // Per SLA clock (priority × first response yet?): received before `cutoff` = overdue.
  const window = windowSql(secs, Prisma.sql`r.responded`, Prisma.sql`c.priority`);
  // Per clock, the counter rows that end by the edge hour count whole. A summary row (ADR 0814)
  // that reaches past the edge (only after a target grew beyond the fold's horizon) "straddles" it:
  // then that clock's open tips received before the edge hour's end are all counted from "Tip".
  const [row] = await db.$queryRaw<Row[]>`WITH clock AS (
       SELECT c.priority, c.responded, mukhbir_internal.tip_hour(c.cutoff) AS edge, c.cutoff
       FROM (SELECT c.priority, r.responded, ${now} - make_interval(secs => ${window}) AS cutoff
             FROM unnest(${[...PRIORITIES]}::text[]) c(priority) CROSS JOIN unnest(ARRAY[false, true]) r(responded)) c
     ),
     b AS (
       SELECT c.priority, c.responded, c.edge,
              sum(t.n) FILTER (WHERE t.visible AND COALESCE(t."until", t."hour" + interval '1 hour') <= c.edge) AS whole,
              COALESCE(bool_or(t."until" > c.edge), false) AS straddled,
              count(t.*) FILTER (WHERE NOT t.folded) AS changes,
              min(t."hour") FILTER (WHERE t.folded AND t."hour" > '-infinity') AS oldest
       FROM clock c LEFT JOIN (SELECT t.*, ${scope} AS visible FROM mukhbir_internal.tip_clock_count t) t
         ON t."priority" = c.priority AND t."responded" = c.responded
       GROUP BY 1, 2, 3
     )
     SELECT v.unassigned, v.mine, v.open, v.waiting, w.whole, e.edge, d."closedToday", v.changes + w.changes AS changes, w.aged
     FROM (SELECT sum(t.n) FILTER (WHERE t.visible AND t."assigneeId" IS NULL) AS unassigned,
                  sum(t.n) FILTER (WHERE t.visible AND t."assigneeId" = ${ctx.viewer.id}::uuid) AS mine,
                  sum(t.n) FILTER (WHERE t.visible) AS open,
                  sum(t.n) FILTER (WHERE t.visible AND t."status" = 'WAITING_INFORMANT') AS waiting,
                  count(*) FILTER (WHERE NOT t.folded) AS changes
           FROM (SELECT t.*, ${scope} AS visible FROM mukhbir_internal.tip_view_count t) t) v,
          (SELECT sum(b.whole) FILTER (WHERE NOT b.straddled) AS whole, sum(b.changes) AS changes,
                  min(b.oldest) < ${foldHorizon(ctx.targets, ctx.now)}::timestamptz - interval '1 day' AS aged FROM b) w,
          (SELECT count(*) AS edge FROM b CROSS JOIN LATERAL (
             SELECT 1 FROM "Tip" t
             WHERE ${OPEN_SQL} AND t."priority" = b.priority::"Priority"
               AND t."receivedAt" >= CASE WHEN b.straddled THEN '-infinity'::timestamptz ELSE b.edge END
               AND t."receivedAt" < b.edge + interval '1 hour'
               AND (t."firstResponseAt" IS NOT NULL) = b.responded
               AND ${scope} AND ${overdueSql(secs, ctx.now)}) x) e,
          (SELECT count(*) AS "closedToday" FROM "Tip" t
           WHERE t."closedAt" >= ${startOfIstDay(ctx.now)}::timestamptz AND t."status" IN ('CLOSED', 'MERGED') AND ${scope}) d`;
  const n = (v: bigint | number | null | undefined) => Number(v ?? 0);
  // Fold past FOLD_AFTER change rows, or once folded hour rows have aged a day past the summary's
  // horizon (about daily), so the counters stay a row per recent hour. Change rows of old hours (an
  // old tip closed) wait for FOLD_AFTER like any other: a fold rewrites every row.
  if (n(row.changes) > FOLD_AFTER || row.aged) await foldViewCounts(ctx.targets, ctx.now);
  return {
    unassigned: n(row.unassigned),
    mine: n(row.mine),
    open: n(row.open),
    breaching: n(row.whole) + n(row.edge),
    waiting: n(row.waiting),
    closedToday: n(row.closedToday),
  };
}
