// Counts for the view tabs in two index-friendly queries: the open views from the open-tip partial
// index in one pass (FILTER per view), "closed today" from the closedAt index.
import "server-only";
import { db } from "../db";
import { breachingSql } from "../sla/sql";
import { startOfToday, type QueryContext } from "./conditions";
import type { View } from "./params";
import { OPEN_SQL, scopeCondition, SqlParams } from "./sql";

export type ViewCounts = Record<Exclude<View, "all">, number>;

export async function countViews(ctx: QueryContext): Promise<ViewCounts> {
  const p = new SqlParams();
  const me = p.add(ctx.viewer.id);
  const [open] = await db.$queryRawUnsafe<Record<string, bigint | number>[]>(
    `SELECT count(*) FILTER (WHERE t."assigneeId" IS NULL) AS unassigned,
            count(*) FILTER (WHERE t."assigneeId" = ${me}::uuid) AS mine,
            count(*) AS open,
            count(*) FILTER (WHERE ${breachingSql(ctx.targets, p.add, ctx.now)}) AS breaching,
            count(*) FILTER (WHERE t."status" = 'WAITING_INFORMANT') AS waiting
     FROM "Tip" t WHERE ${OPEN_SQL} AND ${scopeCondition(ctx.viewer, p)}`,
    ...p.values,
  );
  const q = new SqlParams();
  const [closed] = await db.$queryRawUnsafe<{ n: bigint | number }[]>(
    `SELECT count(*) AS n FROM "Tip" t WHERE t."closedAt" >= ${q.add(startOfToday(ctx.now))}::timestamptz AND t."status" IN ('CLOSED', 'MERGED') AND ${scopeCondition(ctx.viewer, q)}`,
    ...q.values,
  );
  const n = (v: bigint | number | undefined) => Number(v ?? 0);
  return { unassigned: n(open.unassigned), mine: n(open.mine), open: n(open.open), breaching: n(open.breaching), waiting: n(open.waiting), closedToday: n(closed.n) };
}
