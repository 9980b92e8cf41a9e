// Hot spots (issue 16 item 6, ADR 0705): the places (gazetteer places and shared-location cells) and
// the other entities named by the most tips received in the dashboard's range, under its station and
// category filters; merged tips count in their survivor only, as everywhere on the dashboard (ADR 0500).
// As the rest of the dashboard (ADR 0520), past days come from day rollups and only today and days
// changed since their build are read from "Tip"/"TipEntity", so the cost follows the range's days and
// its distinct (day, station, category, entity) rows, never the archive.
import "server-only";
import { Prisma } from "../generated/prisma/client";
import { db } from "../db";
import { istDay } from "../time/ist";
import type { DashboardFilters } from "./filters";
import { dashboardQuery } from "./sql";

export type HotSpot = { kind: string; value: string; tips: number };
export type HotSpots = { places: HotSpot[]; entities: HotSpot[] };

/** Rows shown per list. */
export const HOT_SHOWN = 10;
/** Kinds listed as places. */
export const PLACE_KINDS = ["place", "geo"] as const;
/** A changed day is rebuilt at most this often; in between it is read live (~one day's tips). */
const REBUILD_AFTER = "1 minute";
const HOT_LOCK = 727_105;

type F = Pick<DashboardFilters, "fromDay" | "toDay" | "stationId" | "category">;

export async function hotSpots(f: F, now = new Date()): Promise<HotSpots> {
  const today = istDay(now);
  await buildHotDays(f, today);
  const rows = await dashboardQuery<HotSpot & { place: boolean }>(hotSpotsSql(f, today));
  const pick = (place: boolean) =>
    rows.filter((r) => r.place === place).map(({ kind, value, tips }) => ({ kind, value, tips: Number(tips) }));
  return { places: pick(true), entities: pick(false) };
}

/** The read: clean days from the rollups, today and unclean days from "Tip" ⋈ "TipEntity"; top 10 of each list. */
export function hotSpotsSql(f: F, today: string): Prisma.Sql {
  const rollupWhere = Prisma.sql`${f.stationId ? Prisma.sql`r.station_id = ${f.stationId}::uuid` : Prisma.sql`TRUE`}
    AND ${f.category ? Prisma.sql`r.category = ${f.category}` : Prisma.sql`TRUE`}`;
  const tipWhere = Prisma.sql`${f.stationId ? Prisma.sql`t."stationId" = ${f.stationId}::uuid` : Prisma.sql`TRUE`}
    AND ${f.category ? Prisma.sql`t."category"::text = ${f.category}` : Prisma.sql`TRUE`}`;
  return Prisma.sql`
    WITH clean AS MATERIALIZED (
      SELECT d.day FROM mukhbir_internal.hot_day d
      WHERE d.day >= ${f.fromDay}::date AND d.day <= ${f.toDay}::date AND d.day < ${today}::date
        AND NOT EXISTS (SELECT 1 FROM mukhbir_internal.hot_dirty x WHERE x.day = d.day)),
    unclean AS MATERIALIZED (
      SELECT mukhbir_internal.ist_midnight(g::date) AS lo, mukhbir_internal.ist_midnight(g::date + 1) AS hi
      FROM generate_series(${f.fromDay}::date::timestamp, ${f.toDay}::date::timestamp, interval '1 day') g
      WHERE g::date NOT IN (SELECT day FROM clean)),
    counts AS (
      SELECT r.kind, r.value, r.tips FROM mukhbir_internal.hot_rollup r
      WHERE r.day IN (SELECT day FROM clean) AND ${rollupWhere}
      UNION ALL
      -- Per unclean day (LATERAL; OFFSET 0 keeps the planner from flattening it into one join whose
      -- other side it might start reading first): with no unclean day, "Tip" and "TipEntity" are not read.
      SELECT l."kind", l."value", 1 FROM unclean u CROSS JOIN LATERAL (
        SELECT e."kind", e."value" FROM "Tip" t JOIN "TipEntity" e ON e."tipId" = t."id"
        WHERE t."receivedAt" >= u.lo AND t."receivedAt" < u.hi AND t."status" <> 'MERGED' AND ${tipWhere}
        OFFSET 0) l),
    summed AS (
      SELECT kind, value, sum(tips)::int AS tips, kind IN ('place', 'geo') AS place FROM counts GROUP BY kind, value),
    ranked AS (
      SELECT *, row_number() OVER (PARTITION BY place ORDER BY tips DESC, kind, value) AS n FROM summed)
    SELECT kind, value, tips, place FROM ranked WHERE n <= ${HOT_SHOWN} ORDER BY place, n`;
}

/** Builds the range's past days that were never built, or changed and were built over a minute ago. */
export async function buildHotDays(f: Pick<F, "fromDay" | "toDay">, today: string) {
  const due = await db.$queryRaw<{ day: string }[]>`
    SELECT g::date::text AS day
    FROM generate_series(${f.fromDay}::date::timestamp, ${f.toDay}::date::timestamp, interval '1 day') g
    LEFT JOIN mukhbir_internal.hot_day d ON d.day = g::date
    WHERE g::date < ${today}::date
      AND (d.day IS NULL OR (d.built_at < now() - ${REBUILD_AFTER}::interval
        AND EXISTS (SELECT 1 FROM mukhbir_internal.hot_dirty x WHERE x.day = g::date)))`;
  for (const { day } of due) await buildHotDay(day);
}

/**
 * One day's rows, rebuilt in one statement after taking the day's lock (so its snapshot sees any
 * build that finished first): the marks it deletes are those its snapshot sees, so a change
 * committed later keeps its mark and the day is read live until rebuilt. Another build holding the
 * lock: skip (the read takes the day live).
 */
export async function buildHotDay(day: string) {
  await db.$transaction(async (tx) => {
    const [{ ok }] = await tx.$queryRaw<{ ok: boolean }[]>`
      SELECT pg_try_advisory_xact_lock(${HOT_LOCK}::int, (${day}::date - DATE '2000-01-01')::int) AS ok`;
    if (!ok) return;
    await tx.$executeRaw`
      WITH marks AS (DELETE FROM mukhbir_internal.hot_dirty WHERE day = ${day}::date),
      old AS (DELETE FROM mukhbir_internal.hot_rollup WHERE day = ${day}::date),
      built AS (
        INSERT INTO mukhbir_internal.hot_rollup (day, station_id, category, kind, value, tips)
        SELECT ${day}::date, t."stationId", t."category"::text, e."kind", e."value", count(*)::int
        FROM "Tip" t JOIN "TipEntity" e ON e."tipId" = t."id"
        WHERE t."receivedAt" >= mukhbir_internal.ist_midnight(${day}::date)
          AND t."receivedAt" < mukhbir_internal.ist_midnight(${day}::date + 1)
          AND t."status" <> 'MERGED'
        GROUP BY t."stationId", t."category", e."kind", e."value")
      INSERT INTO mukhbir_internal.hot_day (day, built_at) VALUES (${day}::date, now())
      ON CONFLICT (day) DO UPDATE SET built_at = EXCLUDED.built_at`;
  });
}
