// The WHERE clause of a queue query: station scope (always), the view and the filters, as one
// Prisma.sql fragment (values are always bound parameters). A search is added by list-queue.ts,
// which chooses how to find its page (ADR 0710).
import { Prisma } from "../generated/prisma/client";
import { tipScopeSql, type Viewer } from "../auth/scope";
import { overdueSql } from "../sla/sql";
import { slaSeconds } from "../sla/rule";
import type { SlaTargets } from "../sla/targets";
import { addDays, istMidnight, startOfIstDay } from "../time/ist";
import { OPEN_SQL } from "../tips/open-sql";
import type { QueueParams, View } from "./params";
import { sourceOfNumber } from "../grading/scale";

export type QueryContext = { viewer: Viewer; targets: SlaTargets; now: Date };

export function viewCondition(view: View, ctx: QueryContext): Prisma.Sql {
  switch (view) {
    case "unassigned":
      // Written as the partial index's predicate so the planner uses it.
      return Prisma.sql`(t."assigneeId" IS NULL) AND (${OPEN_SQL})`;
    case "mine":
      return Prisma.sql`t."assigneeId" = ${ctx.viewer.id}::uuid AND ${OPEN_SQL}`;
    case "open":
      return OPEN_SQL;
    case "breaching":
      return overdueSql(slaSeconds(ctx.targets), ctx.now);
    case "waiting":
      return Prisma.sql`t."status" = 'WAITING_INFORMANT'`;
    case "closedToday":
      return Prisma.sql`t."closedAt" >= ${startOfIstDay(ctx.now)}::timestamptz AND t."status" IN ('CLOSED', 'MERGED')`;
    case "watched":
      // From the (few) watch hits, not a scan of the tips.
      return Prisma.sql`t."id" IN (SELECT h."tipId" FROM "TipWatchHit" h JOIN "WatchItem" w ON w."id" = h."watchId" WHERE w."ownerId" = ${ctx.viewer.id}::uuid OR w."shared")`;
    case "all":
      return Prisma.sql`TRUE`;
  }
}

export function filterConditions(f: QueueParams): Prisma.Sql[] {
  const out: Prisma.Sql[] = [];
  if (f.status) out.push(Prisma.sql`t."status" = ${f.status}::"TipStatus"`);
  if (f.priority) out.push(Prisma.sql`t."priority" = ${f.priority}::"Priority"`);
  if (f.category) out.push(Prisma.sql`t."category" = ${f.category}::"Category"`);
  if (f.channel) out.push(Prisma.sql`t."channel" = ${f.channel}::"Channel"`);
  if (f.station)
    out.push(f.station === "none" ? Prisma.sql`t."stationId" IS NULL` : Prisma.sql`t."stationId" = ${f.station}::uuid`);
  if (f.assignee)
    out.push(
      f.assignee === "none" ? Prisma.sql`t."assigneeId" IS NULL` : Prisma.sql`t."assigneeId" = ${f.assignee}::uuid`,
    );
  if (f.source)
    out.push(
      f.source === "none"
        ? Prisma.sql`t."sourceGrade" IS NULL`
        : Prisma.sql`t."sourceGrade" = ${sourceOfNumber(f.source)}::"SourceGrade"`,
    );
  if (f.intel)
    out.push(
      f.intel === "none" ? Prisma.sql`t."intelGrade" IS NULL` : Prisma.sql`t."intelGrade" = ${f.intel}::"IntelGrade"`,
    );
  if (f.entity) {
    const i = f.entity.indexOf(":");
    out.push(
      Prisma.sql`EXISTS (SELECT 1 FROM "TipEntity" e WHERE e."tipId" = t."id" AND e."kind" = ${f.entity.slice(0, i)} AND e."value" = ${f.entity.slice(i + 1)})`,
    );
  }
  out.push(...receivedRange(f, Prisma.sql`t."receivedAt"`));
  return out;
}

/** IST receive days, inclusive (the dashboard's hot spots link here with their range), on a receivedAt column. */
export function receivedRange(f: Pick<QueueParams, "from" | "to">, column: Prisma.Sql): Prisma.Sql[] {
  const out: Prisma.Sql[] = [];
  if (f.from) out.push(Prisma.sql`${column} >= ${istMidnight(f.from)}::timestamptz`);
  if (f.to) out.push(Prisma.sql`${column} < ${istMidnight(addDays(f.to, 1))}::timestamptz`);
  return out;
}

export function whereClause(f: QueueParams, ctx: QueryContext, view: View = f.view): Prisma.Sql {
  const conditions = [tipScopeSql(ctx.viewer), viewCondition(view, ctx), ...filterConditions(f)];
  return Prisma.join(
    conditions.map((c) => Prisma.sql`(${c})`),
    " AND ",
  );
}
