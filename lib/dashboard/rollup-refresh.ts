// Builds the day rollups (ADR 0520): for each IST day of a range that is not clean (never built,
// built with other SLA targets, or marked dirty since), the series of all the day's tips but
// merged ones (open tips with the instant their breach starts) at every filter level, and the
// officers' claims and closes. Called before a read, so its cost is part of the request. Today is
// never built: it changes every minute and is read live.
// A changed tip of a built day leaves deltas (ADR 0521), which the read adds to the rollup; a day
// is rebuilt once it holds REBUILD_AT_DELTAS of them, so a read never adds up more than that per
// day. Dirty marks now come only from claims and closes (TipEvent) and bulk imports; a dirty day
// built less than REBUILD_AFTER_MS ago is left to the read, which takes that day from "Tip".
// Whole weeks of clean days are then merged into week rollups (ADR 0813), so a long range reads
// a week's rows once instead of seven days' rows.
import "server-only";
import { Prisma } from "../generated/prisma/client";
import { db } from "../db";
import { daysOf, type DashboardFilters } from "./filters";
import { addDays, istDay, istMidnight } from "../time/ist";
import type { SlaSeconds } from "../sla/rule";
import { keyedRows, seriesRows, tipColumns, weekRows } from "./rollup-series";
import { CLAIM_EVENT, CLOSE_EVENT } from "./events";
import { weekBuilds } from "./clean-days";

/** Identifies the SLA targets a day's breach counts were built with. */
export const slaFingerprint = (t: SlaSeconds) => JSON.stringify(t);

export const REBUILD_AFTER_MS = 60_000;
/** ~1,000 changed tips: well under a busy day's ~10 k tips that a rebuild (~0.3 s) reads. */
export const REBUILD_AT_DELTAS = 2_000;

/**
 * `rebuildAfterMs` / `rebuildAtDeltas` 0 (tests): rebuild every day with any mark or delta (and,
 * unless `weekRebuildAfterMs` says otherwise, every week whose days were rebuilt since its merge).
 */
export async function refreshRange(
  f: Pick<DashboardFilters, "fromDay" | "toDay">,
  targets: SlaSeconds,
  now = new Date(),
  rebuildAfterMs = REBUILD_AFTER_MS,
  rebuildAtDeltas = REBUILD_AT_DELTAS,
  weekRebuildAfterMs = rebuildAfterMs * 10,
) {
  const today = istDay(now);
  const days = daysOf(f).filter((d) => d !== today);
  if (!days.length) return [];
  const fp = slaFingerprint(targets);
  const maxDeltas = Math.max(1, rebuildAtDeltas);
  const stale = await db.$queryRaw<{ day: string }[]>`
    SELECT d::text AS "day" FROM unnest(${days}::date[]) d
    WHERE NOT EXISTS (SELECT 1 FROM mukhbir_internal.dash_day x WHERE x."day" = d AND x."sla" = ${fp})
      OR (EXISTS (SELECT 1 FROM mukhbir_internal.dash_dirty x WHERE x."day" = d)
        AND NOT EXISTS (SELECT 1 FROM mukhbir_internal.dash_day x WHERE x."day" = d AND x."built_at" > now() - ${rebuildAfterMs}::int * interval '1 millisecond'))
      OR (SELECT count(*) FROM (SELECT 1 FROM mukhbir_internal.dash_delta x WHERE x."day" = d LIMIT ${maxDeltas}::int) x) >= ${maxDeltas}::int`;
  const built: string[] = [];
  for (const { day } of stale) if (await buildDay(day, targets, fp)) built.push(day);
  await refreshWeeks(days, fp, weekRebuildAfterMs);
  return built;
}

/** Mondays of the whole weeks (Monday to Sunday, IST days) among `days`, which are in order. */
function wholeWeeks(days: string[]): string[] {
  const has = new Set(days);
  return days.filter((d) => new Date(`${d}T00:00:00Z`).getUTCDay() === 1 && has.has(addDays(d, 6)));
}

/**
 * Merges the day rollups of each whole week of `days` whose seven days are clean into the week's
 * rollup (ADR 0813), unless it was merged from exactly those builds already. A week whose days
 * were rebuilt since is merged again at most every `rebuildAfterMs` (by default ten times a day's,
 * 10 min: a merge reads the week's values, ~2 s at 27,000 tips a day) while its days keep
 * changing; in between, a read takes those days one by one.
 */
async function refreshWeeks(days: string[], fp: string, rebuildAfterMs: number) {
  const weeks = wholeWeeks(days);
  if (!weeks.length) return;
  const due = await db.$queryRaw<{ day: string }[]>`
    SELECT m::text AS "day" FROM unnest(${weeks}::date[]) m
    WHERE (SELECT count(*) FROM mukhbir_internal.dash_day d WHERE d."day" BETWEEN m AND m + 6 AND d."sla" = ${fp}
        AND NOT EXISTS (SELECT 1 FROM mukhbir_internal.dash_dirty x WHERE x."day" = d."day")) = 7
      AND NOT EXISTS (SELECT 1 FROM mukhbir_internal.dash_week w WHERE w."day" = m
        AND (w."built_at" > now() - ${rebuildAfterMs}::int * interval '1 millisecond' OR w."built" = ${weekBuilds(Prisma.sql`m`)}))`;
  for (const { day } of due) await buildWeek(day);
}

async function buildWeek(monday: string) {
  await db.$transaction(
    async (tx) => {
      const [{ locked }] = await tx.$queryRaw<
        { locked: boolean }[]
      >`SELECT pg_try_advisory_xact_lock(7205202, (${monday}::date - DATE '2000-01-01')) AS "locked"`;
      if (!locked) return;
      await tx.$executeRaw`SELECT set_config('jit', 'off', true), set_config('work_mem', '64MB', true)`;
      // One statement, one snapshot: the days' rows merged and the build times recorded are the same
      // builds, so a day rebuilt meanwhile leaves the week stale, never wrong.
      await tx.$executeRaw`
      WITH "old" AS (DELETE FROM mukhbir_internal.dash_week_rollup WHERE "day" = ${monday}::date),
      ${keyedRows(Prisma.sql`(SELECT * FROM mukhbir_internal.dash_rollup WHERE "day" BETWEEN ${monday}::date AND ${monday}::date + 6)`)},
      "rows" AS (
        INSERT INTO mukhbir_internal.dash_week_rollup ("day", "lvl", "station_id", "category", "g", "k", "n", "closed", "breached", "actioned", "fir", "arrest", "v", "bs", "os", "ns", "ba")
        SELECT ${monday}::date, s."lvl", s."station_id", s."category", s."g", s."k", s."n", s."closed", s."breached", s."actioned", s."fir", s."arrest", s."v", s."bs", s."os", s."ns", s."ba"
        FROM (${weekRows()}) s)
      INSERT INTO mukhbir_internal.dash_week ("day", "built")
      VALUES (${monday}::date, ${weekBuilds(Prisma.sql`${monday}::date`)})
      ON CONFLICT ("day") DO UPDATE SET "built" = EXCLUDED."built", "built_at" = now()`;
    },
    { timeout: 120_000 },
  );
}

async function buildDay(day: string, targets: SlaSeconds, fp: string) {
  const [from, to] = [istMidnight(day), istMidnight(addDays(day, 1))];
  return db.$transaction(
    async (tx) => {
      // Another request building the same day: skip it; the read takes the day from "Tip" meanwhile.
      const [{ locked }] = await tx.$queryRaw<
        { locked: boolean }[]
      >`SELECT pg_try_advisory_xact_lock(7205201, (${day}::date - DATE '2000-01-01')) AS "locked"`;
      if (!locked) return false;
      await tx.$executeRaw`SELECT set_config('jit', 'off', true), set_config('work_mem', '64MB', true)`;
      // The dirty marks go first: this statement's snapshot is older than the build's below, so a
      // change committed in between leaves its mark behind and the day stays dirty (never stale).
      await tx.$executeRaw`DELETE FROM mukhbir_internal.dash_dirty WHERE "day" = ${day}::date`;
      await tx.$executeRaw`DELETE FROM mukhbir_internal.dash_rollup WHERE "day" = ${day}::date`;
      await tx.$executeRaw`DELETE FROM mukhbir_internal.dash_activity WHERE "day" = ${day}::date`;
      const tips = tipColumns(
        targets,
        from,
        Prisma.sql`FROM "Tip" t`,
        Prisma.sql`t."receivedAt" >= ${from} AND t."receivedAt" < ${to} AND t."status" <> 'MERGED'`,
        true,
      );
      // The day's deltas go in the statement that reads "Tip" (one snapshot): a change committed
      // before it is in the rollup and its deltas are gone; one committed after keeps its deltas.
      await tx.$executeRaw`
      WITH "folded" AS (DELETE FROM mukhbir_internal.dash_delta WHERE "day" = ${day}::date)
      INSERT INTO mukhbir_internal.dash_rollup ("day", "lvl", "station_id", "category", "g", "k", "n", "closed", "breached", "actioned", "fir", "arrest", "v", "bs", "os", "ns", "ba")
      SELECT ${day}::date, s."lvl", s."station_id", s."category", s."g", s."k", s."n", s."closed", s."breached", s."actioned", s."fir", s."arrest", s."v", s."bs", s."os", s."ns", s."ba"
      FROM (${seriesRows(Prisma.sql`(${tips})`, true)}) s`;
      await tx.$executeRaw`
      INSERT INTO mukhbir_internal.dash_activity ("day", "actor_id", "claimed", "closed")
      SELECT ${day}::date, e."actorId", count(*) FILTER (WHERE e."type" = ${CLAIM_EVENT}), count(*) FILTER (WHERE e."type" = ${CLOSE_EVENT})
      FROM "TipEvent" e WHERE e."type" IN (${CLAIM_EVENT}, ${CLOSE_EVENT}) AND e."at" >= ${from} AND e."at" < ${to} AND e."actorId" IS NOT NULL
      GROUP BY e."actorId"`;
      await tx.$executeRaw`
      INSERT INTO mukhbir_internal.dash_day ("day", "sla") VALUES (${day}::date, ${fp})
      ON CONFLICT ("day") DO UPDATE SET "sla" = EXCLUDED."sla", "built_at" = now()`;
      return true;
    },
    { timeout: 60_000 },
  );
}
