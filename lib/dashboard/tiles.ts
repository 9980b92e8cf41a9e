// The headline tiles: volume, what is open now, how fast the desk responded and closed, how much
// breached the SLA, and how tips ended. One scan of the range plus one of the open tips.
import "server-only";
import { db } from "../db";
import type { DashboardFilters } from "./filters";
import { dashboardTargets } from "./sla-targets";
import { rangeWhere, scopeWhere, OPEN_STATUSES, FIRST_RESPONSE_SECONDS, CLOSE_SECONDS, breachedExpr, num } from "./sql";

export type Tiles = {
  newTips: number;
  openNow: number;
  unassignedNow: number;
  /** Seconds; null when no tip in range has had a first response (or been closed). */
  firstResponseMedian: number | null;
  firstResponseP90: number | null;
  closeMedian: number | null;
  breached: number;
  closed: number;
  actioned: number;
  firRegistered: number;
  arrestMade: number;
  /** Shares 0..1 (null when the denominator is 0): breaches of new tips, outcomes of closed tips. */
  breachShare: number | null;
  actionedShare: number | null;
  firShare: number | null;
  arrestShare: number | null;
};

type RangeRow = { newTips: number; frMedian: number | null; frP90: number | null; closeMedian: number | null; breached: number; closed: number; actioned: number; fir: number; arrest: number };

export async function getTiles(f: DashboardFilters, now = new Date()): Promise<Tiles> {
  const targets = await dashboardTargets();
  const [[r], [open]] = await Promise.all([
    db.$queryRaw<RangeRow[]>`
      SELECT count(*)::int AS "newTips",
        percentile_cont(0.5) WITHIN GROUP (ORDER BY ${FIRST_RESPONSE_SECONDS}) AS "frMedian",
        percentile_cont(0.9) WITHIN GROUP (ORDER BY ${FIRST_RESPONSE_SECONDS}) AS "frP90",
        percentile_cont(0.5) WITHIN GROUP (ORDER BY ${CLOSE_SECONDS}) FILTER (WHERE t."status" = 'CLOSED') AS "closeMedian",
        count(*) FILTER (WHERE ${breachedExpr(targets, now)})::int AS "breached",
        count(*) FILTER (WHERE t."status" = 'CLOSED')::int AS "closed",
        count(*) FILTER (WHERE t."status" = 'CLOSED' AND t."outcome" = 'ACTIONED')::int AS "actioned",
        count(*) FILTER (WHERE t."status" = 'CLOSED' AND t."outcome" = 'FIR_REGISTERED')::int AS "fir",
        count(*) FILTER (WHERE t."status" = 'CLOSED' AND t."outcome" = 'ARREST_MADE')::int AS "arrest"
      FROM "Tip" t WHERE ${rangeWhere(f)}`,
    // "Now" figures ignore the date range (an old tip still open is still work) but keep the filters.
    db.$queryRaw<{ open: number; unassigned: number }[]>`
      SELECT count(*)::int AS "open", count(*) FILTER (WHERE t."assigneeId" IS NULL)::int AS "unassigned"
      FROM "Tip" t WHERE t."status" IN ${OPEN_STATUSES} ${scopeWhere(f)}`,
  ]);
  const share = (n: number, d: number) => (d > 0 ? n / d : null);
  return {
    newTips: r.newTips,
    openNow: open.open,
    unassignedNow: open.unassigned,
    firstResponseMedian: num(r.frMedian),
    firstResponseP90: num(r.frP90),
    closeMedian: num(r.closeMedian),
    breached: r.breached,
    closed: r.closed,
    actioned: r.actioned,
    firRegistered: r.fir,
    arrestMade: r.arrest,
    breachShare: share(r.breached, r.newTips),
    actionedShare: share(r.actioned, r.closed),
    firShare: share(r.fir, r.closed),
    arrestShare: share(r.arrest, r.closed),
  };
}
