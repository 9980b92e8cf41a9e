// Which days of a range the rollups may answer for (ADR 0520), as two CTEs for a dashboard read:
// `clean` — built with the current SLA targets and not marked dirty since — and `unclean`, the
// others, with their bounds as instants, whose closed tips the read takes from "Tip" instead; and
// which of the clean days a week's rollup answers for (ADR 0813).
import "server-only";
import { Prisma } from "../generated/prisma/client";
import type { DashboardFilters } from "./filters";

export function cleanDays(f: Pick<DashboardFilters, "fromDay" | "toDay">, fingerprint: string) {
  return Prisma.sql`
    clean AS MATERIALIZED (
      SELECT d."day" FROM mukhbir_internal.dash_day d
      WHERE d."day" >= ${f.fromDay}::date AND d."day" <= ${f.toDay}::date AND d."sla" = ${fingerprint}
        AND NOT EXISTS (SELECT 1 FROM mukhbir_internal.dash_dirty x WHERE x."day" = d."day")),
    unclean AS MATERIALIZED (
      -- A day's bounds are its midnight in IST (lib/time).
      SELECT g::date AS "day", mukhbir_internal.ist_midnight(g::date) AS "lo", mukhbir_internal.ist_midnight(g::date + 1) AS "hi"
      FROM generate_series(${f.fromDay}::date::timestamp, ${f.toDay}::date::timestamp, interval '1 day') g
      WHERE g::date NOT IN (SELECT "day" FROM clean))`;
}

/**
 * The build times of the seven day rollups of the week starting `monday`, in day order: what a week
 * rollup records when merged (`dash_week.built`), and is current while they still are (ADR 0813).
 */
export function weekBuilds(monday: Prisma.Sql) {
  return Prisma.sql`ARRAY(SELECT d."built_at" FROM mukhbir_internal.dash_day d WHERE d."day" BETWEEN ${monday} AND ${monday} + 6 ORDER BY d."day")`;
}

/**
 * The rollup rows a read takes for its clean days (ADR 0813), as CTEs after cleanDays: `weeks`, the
 * whole weeks of the range whose week rollup was merged from exactly the day rollups now clean
 * (their build times match), and `byday`, the other clean days, each read from its own rows.
 */
export function cleanWeeks(f: Pick<DashboardFilters, "fromDay" | "toDay">) {
  return Prisma.sql`
    weeks AS MATERIALIZED (
      SELECT w."day" FROM mukhbir_internal.dash_week w
      WHERE w."day" >= ${f.fromDay}::date AND w."day" + 6 <= ${f.toDay}::date
        AND (SELECT count(*) FROM clean c WHERE c."day" BETWEEN w."day" AND w."day" + 6) = 7
        AND w."built" = ${weekBuilds(Prisma.sql`w."day"`)}),
    byday AS MATERIALIZED (
      SELECT c."day" FROM clean c WHERE NOT EXISTS (SELECT 1 FROM weeks w WHERE c."day" BETWEEN w."day" AND w."day" + 6))`;
}

/** The rollup rows of a read's clean days matching `scope` (on the alias r): weeks' rows and lone days' rows. */
export function rolledUp(scope: Prisma.Sql) {
  return Prisma.sql`(
    SELECT r.* FROM mukhbir_internal.dash_rollup r WHERE ${scope} AND r."day" = ANY (ARRAY(SELECT "day" FROM byday))
    UNION ALL
    SELECT r.* FROM mukhbir_internal.dash_week_rollup r WHERE ${scope} AND r."day" = ANY (ARRAY(SELECT "day" FROM weeks)))`;
}
