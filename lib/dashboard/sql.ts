// SQL fragments every dashboard query shares, so "in range" and the filters mean the same thing
// in every tile, chart, table and export. Built with Prisma.sql: values are always parameters.
import "server-only";
import { Prisma } from "../generated/prisma/client";
import { db } from "../db";
import type { DashboardFilters } from "./filters";
import type { SlaSeconds } from "../sla/rule";
import { breachedSql, windowSql } from "../sla/sql";

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

/**
 * A tip's SLA breach (the one rule, lib/sla/rule.ts; ADR 0030) as a step in time, for the rollups
 * (ADR 0520): while a tip is `clocked` — open, and not already breached by a first response that
 * came late — breachedSql(now) holds exactly when `at` < now, `at` being its receipt plus the
 * window of the clock it is racing (whole seconds, so the millisecond instants compare as the
 * float8 seconds do). Otherwise breachedSql no longer depends on now.
 */
export function breachInstant(secs: SlaSeconds) {
  // Breached "as of its receipt" counts only clocks that already stopped: here, a late first response.
  const clocked = Prisma.sql`(t."closedAt" IS NULL AND NOT ${breachedSql(secs, Prisma.sql`t."receivedAt"`)})`;
  const at = Prisma.sql`CASE WHEN ${clocked} THEN t."receivedAt" + make_interval(secs => ${windowSql(secs, Prisma.sql`t."firstResponseAt" IS NOT NULL`)}) END`;
  return { clocked, at };
}

/**
 * The IST hour of arrival, counted from 1970-01-01 00:00 IST (lib/time's istHour); the day, hour
 * and weekday are derived from it in JS after grouping (splitIstHour, ADR 0510).
 */
export const IST_HOUR = Prisma.sql`mukhbir_internal.ist_hour(t."receivedAt")`;

/**
 * Runs one dashboard statement in a transaction with settings for one big aggregate (ADR 0510):
 * no JIT (compiling the expressions cost 60–430 ms per statement, more than it saved);
 * work_mem large enough that the exact percentiles sort in memory instead of on disk; and
 * random_page_cost for data in RAM, without which the planner prefers heap fetches in arrival
 * order over the covering index "Tip_dashboard_idx" (an index-only scan of a third the size).
 * `hashOnly`: group by hashing, sort only where nothing else can (ADR 0520): the planner cannot see
 * how long the rollups' bucket arrays are (it guesses 10 elements) and sorted ~50 k bucket counts
 * to group them, ~25 ms more than hashing them at 1 M tips.
 */
export async function dashboardQuery<T>(query: Prisma.Sql, { hashOnly = false } = {}): Promise<T[]> {
  const [, rows] = await db.$transaction([
    db.$queryRaw`SELECT set_config('jit', 'off', true), set_config('work_mem', '64MB', true), set_config('random_page_cost', '1.1', true),
      set_config('enable_sort', ${hashOnly ? "off" : "on"}, true)`,
    db.$queryRaw<T[]>(query),
  ]);
  return rows;
}

export const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
