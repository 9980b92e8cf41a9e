// Builds the day rollups (ADR 0520): for each IST day of a range that is not clean (never built,
// built with other SLA targets, or marked dirty since), the series of all the day's tips but
// merged ones (open tips with the instant their breach starts) at every filter level, and the
// officers' claims and closes. Called before a read, so its cost is part of the request. Today is
// never built: it changes every minute and is read live.
// A changed tip of a built day leaves deltas (ADR 0521), which the read adds to the rollup; a day
// is rebuilt once it holds REBUILD_AT_DELTAS of them, so a read never adds up more than that per
// day. Dirty marks now come only from claims and closes (TipEvent) and bulk imports; a dirty day
// built less than REBUILD_AFTER_MS ago is left to the read, which takes that day from "Tip".
import "server-only";
import { Prisma } from "../generated/prisma/client";
import { db } from "../db";
import { daysOf, type DashboardFilters } from "./filters";
import { addDays, istDay, istMidnight } from "../time/ist";
import type { SlaSeconds } from "../sla/rule";
import { seriesRows, tipColumns } from "./rollup-series";
import { CLAIM_EVENT, CLOSE_EVENT } from "./events";

/** Identifies the SLA targets a day's breach counts were built with. */
export const slaFingerprint = (t: SlaSeconds) => JSON.stringify(t);

export const REBUILD_AFTER_MS = 60_000;
/** ~1,000 changed tips: well under a busy day's ~10 k tips that a rebuild (~0.3 s) reads. */
export const REBUILD_AT_DELTAS = 2_000;

/** `rebuildAfterMs` / `rebuildAtDeltas` 0 (tests): rebuild every day with any mark or delta. */
export async function refreshRange(
  f: Pick<DashboardFilters, "fromDay" | "toDay">,
  targets: SlaSeconds,
  now = new Date(),
  rebuildAfterMs = REBUILD_AFTER_MS,
  rebuildAtDeltas = REBUILD_AT_DELTAS,
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
  return built;
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
