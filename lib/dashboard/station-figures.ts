// The SP Crime's view of stations (ADR 0610): per station or unit, the action requests released in
// the range, how many were acknowledged and reported with the mean time from release to each, their
// outcomes, and the requests overdue now. Same discipline as the tip figures (ADR 0520): per IST
// release day and station the sums live in `mukhbir_internal.req_day`, built once a day is over;
// a day counts from the rollup only while it is clean (built, no req_dirty mark from the triggers on
// "ActionRequest" and "ActionReport", not today), every other day is read from "ActionRequest" by
// the same definition (`requestDayRows`) in the same statement, so a figure is exact whatever the
// rollups' state and the read's cost follows the range's days and stations, not the history.
// Overdue now is read live from the escalation sweep's index (open requests by due time).
import "server-only";
import { Prisma } from "../generated/prisma/client";
import { db } from "../db";
import { daysOf, type DashboardFilters } from "./filters";
import { addDays, istDay, istMidnight } from "../time/ist";
import { OVERDUE_STATES } from "../requests/escalate";
import { dashboardQuery } from "./sql";

export type StationFigure = {
  stationId: string;
  released: number;
  acked: number;
  /** Mean minutes from release to acknowledgement / first report; null when none. */
  ackMinutes: number | null;
  reported: number;
  reportMinutes: number | null;
  outcomes: { ACTION_TAKEN: number; FIR_REGISTERED: number; ARREST: number; RECOVERY: number; NOT_FOUND: number };
  overdueNow: number;
};

/** The sweep's own list of states (constants, so inlined; the overdue view's rule, ADR 0604). */
const OVERDUE_SQL = Prisma.raw(OVERDUE_STATES.map((s) => `'${s}'`).join(", "));

const COLUMNS = Prisma.raw(
  `"released", "acked", "ack_ms", "reported", "report_ms", "action_taken", "fir", "arrest", "recovery", "not_found"`,
);

/**
 * The one definition: per IST release day and station, over released requests matching `where`
 * (on the alias r, read from `from`). A request's outcome is its latest report that is not a bare
 * acknowledgement. Delays are summed in whole milliseconds (the columns' precision), so rollup and
 * live sums agree exactly.
 */
export function requestDayRows(where: Prisma.Sql, from = Prisma.sql`"ActionRequest" r`) {
  return Prisma.sql`
    SELECT mukhbir_internal.ist_day(r."releasedAt") AS "day", r."stationId" AS "station_id",
      count(*)::int AS "released",
      count(r."acknowledgedAt")::int AS "acked",
      COALESCE(sum(round(EXTRACT(EPOCH FROM (r."acknowledgedAt" - r."releasedAt")) * 1000)), 0)::bigint AS "ack_ms",
      count(r."reportedAt")::int AS "reported",
      COALESCE(sum(round(EXTRACT(EPOCH FROM (r."reportedAt" - r."releasedAt")) * 1000)), 0)::bigint AS "report_ms",
      count(*) FILTER (WHERE o."kind" = 'ACTION_TAKEN')::int AS "action_taken",
      count(*) FILTER (WHERE o."kind" = 'FIR_REGISTERED')::int AS "fir",
      count(*) FILTER (WHERE o."kind" = 'ARREST')::int AS "arrest",
      count(*) FILTER (WHERE o."kind" = 'RECOVERY')::int AS "recovery",
      count(*) FILTER (WHERE o."kind" = 'NOT_FOUND')::int AS "not_found"
    FROM ${from}
    LEFT JOIN LATERAL (
      SELECT p."kind" FROM "ActionReport" p WHERE p."requestId" = r."id" AND p."kind" <> 'ACKNOWLEDGED'
      ORDER BY p."createdAt" DESC, p."id" DESC LIMIT 1
    ) o ON TRUE
    WHERE r."releasedAt" IS NOT NULL AND ${where}
    GROUP BY 1, 2`;
}

/** Builds the range's unclean days but today (never built: it changes all day). Returns the days built. */
export async function refreshStationDays(f: Pick<DashboardFilters, "fromDay" | "toDay">, now = new Date()) {
  const today = istDay(now);
  const days = daysOf(f).filter((d) => d < today);
  if (!days.length) return [];
  const stale = await db.$queryRaw<{ day: string }[]>`
    SELECT d::text AS "day" FROM unnest(${days}::date[]) d
    WHERE NOT EXISTS (SELECT 1 FROM mukhbir_internal.req_day_built b WHERE b."day" = d)
      OR EXISTS (SELECT 1 FROM mukhbir_internal.req_dirty x WHERE x."day" = d)`;
  const built: string[] = [];
  for (const { day } of stale) if (await buildDay(day)) built.push(day);
  return built;
}

async function buildDay(day: string) {
  const [from, to] = [istMidnight(day), istMidnight(addDays(day, 1))];
  return db.$transaction(async (tx) => {
    // Another reader building the same day: skip; this read takes the day from "ActionRequest".
    const [{ locked }] = await tx.$queryRaw<
      { locked: boolean }[]
    >`SELECT pg_try_advisory_xact_lock(7206100, (${day}::date - DATE '2000-01-01')) AS "locked"`;
    if (!locked) return false;
    // Marks first (an older snapshot than the build's read): a change committed in between keeps its mark.
    await tx.$executeRaw`DELETE FROM mukhbir_internal.req_dirty WHERE "day" = ${day}::date`;
    await tx.$executeRaw`DELETE FROM mukhbir_internal.req_day WHERE "day" = ${day}::date`;
    await tx.$executeRaw`
      INSERT INTO mukhbir_internal.req_day ("day", "station_id", ${COLUMNS})
      SELECT "day", "station_id", ${COLUMNS}
      FROM (${requestDayRows(Prisma.sql`r."releasedAt" >= ${from} AND r."releasedAt" < ${to}`)}) x`;
    await tx.$executeRaw`
      INSERT INTO mukhbir_internal.req_day_built ("day") VALUES (${day}::date)
      ON CONFLICT ("day") DO UPDATE SET "built_at" = now()`;
    return true;
  });
}

type Row = {
  station_id: string;
  released: number;
  acked: number;
  ack_ms: bigint | number;
  reported: number;
  report_ms: bigint | number;
  action_taken: number;
  fir: number;
  arrest: number;
  recovery: number;
  not_found: number;
  overdue: number;
};

/**
 * The figures per station for the range (clean days from the rollup, the rest live, one statement)
 * with the requests overdue now. The station filter applies; the category filter does not (a
 * request's station, not its tip's category, is what this view compares). `now` is the caller's clock.
 */
export async function stationFigures(
  f: Pick<DashboardFilters, "fromDay" | "toDay" | "stationId">,
  now = new Date(),
): Promise<StationFigure[]> {
  await refreshStationDays(f, now);
  const today = istDay(now);
  const days = daysOf(f);
  const station = (col: Prisma.Sql) => (f.stationId ? Prisma.sql`AND ${col} = ${f.stationId}::uuid` : Prisma.empty);
  // The live part reads each unclean day by its own bounds (an index range per day), so its cost
  // follows those days' requests, not the range's: a 30-day read once scanned every request of the
  // 30 days to keep today's.
  const rows = await dashboardQuery<Row>(Prisma.sql`
    WITH "clean" AS MATERIALIZED (
      SELECT d::date AS "day" FROM unnest(${days}::date[]) d
      WHERE d < ${today}::date
        AND EXISTS (SELECT 1 FROM mukhbir_internal.req_day_built b WHERE b."day" = d)
        AND NOT EXISTS (SELECT 1 FROM mukhbir_internal.req_dirty x WHERE x."day" = d)
    ), "unclean" AS MATERIALIZED (
      SELECT mukhbir_internal.ist_midnight(d::date) AS "lo", mukhbir_internal.ist_midnight(d::date + 1) AS "hi"
      FROM unnest(${days}::date[]) d WHERE d::date NOT IN (SELECT "day" FROM "clean")
    ), "parts" AS (
      SELECT "station_id", ${COLUMNS} FROM mukhbir_internal.req_day x
      WHERE x."day" IN (SELECT "day" FROM "clean") ${station(Prisma.sql`x."station_id"`)}
      UNION ALL
      SELECT "station_id", ${COLUMNS} FROM (${requestDayRows(
        Prisma.sql`TRUE ${station(Prisma.sql`r."stationId"`)}`,
        Prisma.sql`"unclean" u JOIN "ActionRequest" r ON r."releasedAt" >= u."lo" AND r."releasedAt" < u."hi"`,
      )}) l
    ), "overdue" AS (
      SELECT r."stationId" AS "station_id", count(*)::int AS "n" FROM "ActionRequest" r
      WHERE r."state" IN (${OVERDUE_SQL}) AND r."releasedAt" IS NOT NULL
        AND r."dueAt" < ${now} ${station(Prisma.sql`r."stationId"`)}
      GROUP BY 1
    ), "summed" AS (
      SELECT "station_id", sum("released")::int AS "released", sum("acked")::int AS "acked", sum("ack_ms")::bigint AS "ack_ms",
        sum("reported")::int AS "reported", sum("report_ms")::bigint AS "report_ms",
        sum("action_taken")::int AS "action_taken", sum("fir")::int AS "fir", sum("arrest")::int AS "arrest",
        sum("recovery")::int AS "recovery", sum("not_found")::int AS "not_found"
      FROM "parts" GROUP BY 1
    )
    SELECT COALESCE(s."station_id", o."station_id") AS "station_id",
      COALESCE(s."released", 0) AS "released", COALESCE(s."acked", 0) AS "acked", COALESCE(s."ack_ms", 0) AS "ack_ms",
      COALESCE(s."reported", 0) AS "reported", COALESCE(s."report_ms", 0) AS "report_ms",
      COALESCE(s."action_taken", 0) AS "action_taken", COALESCE(s."fir", 0) AS "fir", COALESCE(s."arrest", 0) AS "arrest",
      COALESCE(s."recovery", 0) AS "recovery", COALESCE(s."not_found", 0) AS "not_found", COALESCE(o."n", 0) AS "overdue"
    FROM "summed" s FULL JOIN "overdue" o ON o."station_id" = s."station_id"`);
  const mean = (ms: bigint | number, n: number) => (n ? Number(ms) / n / 60_000 : null);
  return rows
    .map((r) => ({
      stationId: r.station_id,
      released: r.released,
      acked: r.acked,
      ackMinutes: mean(r.ack_ms, r.acked),
      reported: r.reported,
      reportMinutes: mean(r.report_ms, r.reported),
      outcomes: {
        ACTION_TAKEN: r.action_taken,
        FIR_REGISTERED: r.fir,
        ARREST: r.arrest,
        RECOVERY: r.recovery,
        NOT_FOUND: r.not_found,
      },
      overdueNow: r.overdue,
    }))
    .sort((a, b) => b.overdueNow - a.overdueNow || b.released - a.released || a.stationId.localeCompare(b.stationId));
}
