// Which days of a range the rollups may answer for (ADR 0520), as two CTEs for a dashboard read:
// `clean` — built with the current SLA targets and not marked dirty since — and `unclean`, the
// others, with their bounds as instants, whose closed tips the read takes from "Tip" instead.
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
