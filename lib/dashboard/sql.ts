// SQL fragments every dashboard query shares, so "in range" and the filters mean the same thing
// in every tile, chart, table and export. Built with Prisma.sql: values are always parameters.
import "server-only";
import { Prisma } from "../generated/prisma/client";
import type { DashboardFilters } from "./filters";
import type { SlaSeconds } from "./sla-targets";

export const TZ = "Asia/Kolkata";

/** Open = not closed and not merged into another tip. */
export const OPEN_STATUSES = Prisma.sql`('NEW', 'IN_PROGRESS', 'WAITING_INFORMANT')`;

/** Station and category filters on the "Tip" alias `t`. */
export function scopeWhere(f: Pick<DashboardFilters, "stationId" | "category">) {
  return Prisma.sql`${f.stationId ? Prisma.sql`AND t."stationId" = ${f.stationId}::uuid` : Prisma.empty}
    ${f.category ? Prisma.sql`AND t."category" = ${f.category}::"Category"` : Prisma.empty}`;
}

/**
 * Tips received in the range, filtered. Merged tips are left out everywhere: their messages now
 * live on the surviving tip, so counting them would count one incident twice (ADR 0500).
 */
export function rangeWhere(f: DashboardFilters) {
  return Prisma.sql`t."receivedAt" >= ${f.from} AND t."receivedAt" < ${f.to} AND t."status" <> 'MERGED' ${scopeWhere(f)}`;
}

/** Seconds from arrival to first response (null while none). */
export const FIRST_RESPONSE_SECONDS = Prisma.sql`EXTRACT(EPOCH FROM (t."firstResponseAt" - t."receivedAt"))::float8`;
export const CLOSE_SECONDS = Prisma.sql`EXTRACT(EPOCH FROM (t."closedAt" - t."receivedAt"))::float8`;

/** The tip's target for one SLA clock, in seconds, by priority. */
function targetSeconds(t: SlaSeconds["firstResponse"]) {
  return Prisma.sql`(CASE t."priority" WHEN 'URGENT' THEN ${t.URGENT}::int WHEN 'HIGH' THEN ${t.HIGH}::int
    WHEN 'NORMAL' THEN ${t.NORMAL}::int ELSE ${t.LOW}::int END)`;
}

/**
 * Breached = either SLA clock was missed (ADR 0500): the first response came later than its
 * target (or has not come and the target has passed; a tip closed with none is measured to its
 * closing), or the tip was closed later than the resolution target (or is still open past it).
 */
export function breachedExpr(targets: SlaSeconds, now: Date) {
  const n = Prisma.sql`${now}::timestamptz`;
  return Prisma.sql`((EXTRACT(EPOCH FROM (COALESCE(t."firstResponseAt", t."closedAt", ${n}) - t."receivedAt")) > ${targetSeconds(targets.firstResponse)})
    OR (EXTRACT(EPOCH FROM (COALESCE(t."closedAt", ${n}) - t."receivedAt")) > ${targetSeconds(targets.resolution)}))`;
}

/** The IST calendar day of arrival as YYYY-MM-DD. */
export const ARRIVAL_DAY = Prisma.sql`to_char(date_trunc('day', t."receivedAt" AT TIME ZONE 'Asia/Kolkata'), 'YYYY-MM-DD')`;

export const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
