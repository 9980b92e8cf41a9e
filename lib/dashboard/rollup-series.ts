// The dashboard's figures for a set of tips, as rows of (series, key, value bucket, counts, values):
// the one definition both the day rollups (rollup-refresh.ts) and the live part of a read
// (range-scan.ts) use, so a rolled-up day and a day read from "Tip" cannot disagree (ADR 0520).
import "server-only";
import { Prisma } from "../generated/prisma/client";
import type { SlaSeconds } from "../sla/rule";
import { breachedSql } from "../sla/sql";
import { IST_HOUR, breachInstant } from "./sql";

/** Upper bounds (seconds, exclusive) of the first-response buckets; the last bucket is open-ended. */
export const RESPONSE_BUCKETS = [5 * 60, 15 * 60, 60 * 60, 4 * 60 * 60] as const;

/**
 * Value buckets for exact percentiles: log-spaced, `per` buckets per factor e. A percentile first
 * finds the bucket holding its rank from the counts, then sorts only that bucket's stored values.
 * Monotonic in the value, so ranks carry over; the values themselves are kept exactly.
 */
const valueBucket = (v: Prisma.Sql, per: number) =>
  Prisma.sql`CASE WHEN ${v} < 1 THEN 0 ELSE 1 + floor(ln(${v}) * ${per}::float8)::int END`;
const TILE_PER_E = 32;
const OFFICER_PER_E = 8;
/** Values per stored segment of a percentile row (seriesRows): 1,024 float8 are 8 KB. */
const SEGMENT_VALUES = 1024;

/**
 * Per-tip derived columns of the tips `FROM … t … WHERE …` (the caller's clauses), each with a
 * weight "w". `rollup`: the tips come from "Tip" (weight 1); "breached" only where no clock can
 * change it, and "ba" the instant from which a clocked (open) tip is breached — a rollup serves
 * reads at any later "now" (ADR 0520). Otherwise `t` must carry "w": +1 for a tip as it is, or a
 * clean day's delta, -1 for a state the rollup holds and +1 for the one that replaced it (ADR 0521).
 */
export function tipColumns(targets: SlaSeconds, now: Date, from: Prisma.Sql, where: Prisma.Sql, rollup = false) {
  const [b5, b15, b60, b240] = RESPONSE_BUCKETS;
  const clock = breachInstant(targets);
  return Prisma.sql`
    SELECT t."stationId" AS "sl", t."category" AS "cgl", ${IST_HOUR} || ':' || t."channel" AS "hc", t."category" AS "cs", t."stationId" AS "ss",
      CASE WHEN t."status" = 'CLOSED' THEN t."outcome" END AS "oc", t."assigneeId" AS "uid", x."fr", y."cl",
      t."status" = 'CLOSED' AS "closed", ${rollup ? Prisma.sql`1` : Prisma.sql`t."w"`}::int AS "w",
      ${
        rollup
          ? Prisma.sql`NOT ${clock.clocked} AND ${breachedSql(targets, now)} AS "breached", ${clock.at} AS "ba"`
          : Prisma.sql`${breachedSql(targets, now)} AS "breached", NULL::timestamptz AS "ba"`
      },
      CASE WHEN x."fr" IS NULL THEN NULL WHEN x."fr" < ${b5}::int THEN 0 WHEN x."fr" < ${b15}::int THEN 1
        WHEN x."fr" < ${b60}::int THEN 2 WHEN x."fr" < ${b240}::int THEN 3 ELSE 4 END AS "bk",
      ${valueBucket(Prisma.sql`x."fr"`, TILE_PER_E)} AS "frb", ${valueBucket(Prisma.sql`x."fr"`, OFFICER_PER_E)} AS "afb",
      ${valueBucket(Prisma.sql`y."cl"`, TILE_PER_E)} AS "clb"
    -- Seconds as float8 (date_part), computed once per row: EXTRACT's numeric was the scan's main cost (ADR 0510).
    ${from}
    CROSS JOIN LATERAL (SELECT date_part('epoch', t."firstResponseAt" - t."receivedAt") AS "fr") x
    CROSS JOIN LATERAL (SELECT CASE WHEN t."status" = 'CLOSED' THEN date_part('epoch', t."closedAt" - t."receivedAt") END AS "cl") y
    WHERE ${where}`;
}

/**
 * Series rows over a relation of tipColumns. lvl: bit 1 = per station, bit 2 = per category.
 * g: tile | hour | category | station | outcome | bucket (counts) and fr | cl | afr (percentiles).
 *
 * `rollup`: every filter level (a filtered read picks its own), and per percentile series and key
 * its values in order (v) with each value bucket's number, offset in v and count (bs, os, ns), in
 * segments of whole buckets (segmented) — a 30-day read then touches a row or a few per day and
 * officer, not one per bucket.
 * Otherwise (a live read, already filtered): one level, a row per percentile bucket (b, n) and no
 * values; the read takes the few it needs from the tips themselves (ordered aggregates would
 * force a sort per grouping set). Live counts are sums of the tips' weights, so a bucket's n can be
 * negative where deltas take out more of a rolled-up day's values than they add.
 */
export function seriesRows(rel: Prisma.Sql, rollup: boolean) {
  const levels = rollup
    ? [Prisma.empty, Prisma.sql`"sl",`, Prisma.sql`"cgl",`, Prisma.sql`"sl", "cgl",`]
    : [Prisma.empty];
  const pct = rollup
    ? [Prisma.sql`"pf"`, Prisma.sql`"pcl"`, Prisma.sql`"uid"`]
    : [Prisma.sql`"frb"`, Prisma.sql`"clb"`, Prisma.sql`"uid", "afb"`];
  const sets = levels.flatMap((k) =>
    [
      Prisma.sql`"tile"`,
      Prisma.sql`"hc"`,
      Prisma.sql`"cs"`,
      Prisma.sql`"ss"`,
      Prisma.sql`"oc"`,
      Prisma.sql`"bk"`,
      ...pct,
    ].map((x) => Prisma.sql`(${k} ${x})`),
  );
  const [isFr, isCl, isAfr] = rollup
    ? [Prisma.sql`GROUPING("pf") = 0`, Prisma.sql`GROUPING("pcl") = 0`, Prisma.sql`GROUPING("uid") = 0`]
    : [Prisma.sql`GROUPING("frb") = 0`, Prisma.sql`GROUPING("clb") = 0`, Prisma.sql`GROUPING("afb") = 0`];
  // How many tips match: a count in a rollup (every weight is 1), the sum of the weights in a live
  // read, where a clean day's deltas take out (-1) the states its rollup holds (ADR 0521).
  const n = (match: Prisma.Sql) =>
    rollup ? Prisma.sql`count(*) FILTER (WHERE ${match})` : Prisma.sql`COALESCE(sum("w") FILTER (WHERE ${match}), 0)`;
  const rows = Prisma.sql`
      SELECT ${
        rollup
          ? Prisma.sql`(CASE WHEN GROUPING("sl") = 0 THEN 1 ELSE 0 END + CASE WHEN GROUPING("cgl") = 0 THEN 2 ELSE 0 END)::smallint AS "lvl",
        CASE WHEN GROUPING("sl") = 0 THEN "sl" END AS "station_id", CASE WHEN GROUPING("cgl") = 0 THEN "cgl" END AS "category",`
          : Prisma.sql`0::smallint AS "lvl", NULL::uuid AS "station_id", NULL::"Category" AS "category",`
      }
        CASE WHEN GROUPING("hc") = 0 THEN 'hour' WHEN GROUPING("cs") = 0 THEN 'category' WHEN GROUPING("ss") = 0 THEN 'station'
          WHEN GROUPING("oc") = 0 THEN 'outcome' WHEN GROUPING("bk") = 0 THEN 'bucket' WHEN ${isAfr} THEN 'afr'
          WHEN ${isFr} THEN 'fr' WHEN ${isCl} THEN 'cl' ELSE 'tile' END AS "g",
        COALESCE("hc", "cs"::text, "ss"::text, "oc"::text, "bk"::text, "uid"::text, '') AS "k",
        ${rollup ? Prisma.sql`-1` : Prisma.sql`COALESCE("frb", "clb", "afb", -1)`} AS "b",
        CASE WHEN ${isCl} THEN ${n(Prisma.sql`"cl" IS NOT NULL`)} WHEN ${isFr} OR ${isAfr} THEN ${n(Prisma.sql`"fr" IS NOT NULL`)} ELSE ${n(Prisma.sql`TRUE`)} END::int AS "n",
        ${n(Prisma.sql`"closed"`)}::int AS "closed", ${n(Prisma.sql`"breached"`)}::int AS "breached", ${n(Prisma.sql`"oc" = 'ACTIONED'`)}::int AS "actioned",
        ${n(Prisma.sql`"oc" = 'FIR_REGISTERED'`)}::int AS "fir", ${n(Prisma.sql`"oc" = 'ARREST_MADE'`)}::int AS "arrest",
        ${
          rollup
            ? Prisma.sql`CASE WHEN ${isCl} THEN array_agg("cl" ORDER BY "cl") FILTER (WHERE "cl" IS NOT NULL)
          WHEN ${isFr} OR ${isAfr} THEN array_agg("fr" ORDER BY "fr") FILTER (WHERE "fr" IS NOT NULL) END`
            : Prisma.sql`NULL::float8[]`
        } AS "v",
        ${rollup ? Prisma.sql`CASE WHEN GROUPING("tile") = 0 THEN array_agg("ba" ORDER BY "ba") FILTER (WHERE "ba" IS NOT NULL) END` : Prisma.sql`NULL::timestamptz[]`} AS "ba"
      -- OFFSET 0 keeps this a separate plan node: flattened, "sl"/"ss" and "cgl"/"cs" would be one
      -- expression and PostgreSQL would merge their grouping sets (the level copies exist to keep them apart).
      FROM (SELECT *, 1 AS "tile", 1 AS "pf", 1 AS "pcl" FROM ${rel} src OFFSET 0) rel
      GROUP BY GROUPING SETS (${Prisma.join(sets)})`;
  // Percentile rows exist only for tips that have the value (and, per officer, an assignee).
  return segmented(Prisma.sql`
    SELECT * FROM (${rows}) r
    WHERE NOT (r."g" IN ('fr', 'cl', 'afr') AND r."n" = 0) AND NOT (r."g" = 'afr' AND r."k" = '')`);
}

/**
 * Rollup rows (the columns of mukhbir_internal.dash_rollup but "day") from rows whose percentile
 * series hold all their values in order in "v": each such row becomes segments of whole value
 * buckets, a new one starting once SEGMENT_VALUES values precede it, each one row with its
 * buckets (bs), their offsets within it (os), counts (ns) and values. A read needing one bucket
 * then detoasts one segment (~8 KB), not all of a day's values (~100 KB at 27,000 tips a day, once
 * per bucket and day). The first segment carries the row's counts and later ones zeros, so sums
 * over rows stay right; a read sums buckets over rows, so a split row reads as one. A row without
 * values stays one row, without buckets.
 */
function segmented(rel: Prisma.Sql) {
  const bucket = (v: Prisma.Sql) =>
    Prisma.sql`CASE WHEN s."g" = 'afr' THEN ${valueBucket(v, OFFICER_PER_E)} ELSE ${valueBucket(v, TILE_PER_E)} END`;
  const first = (c: string) => Prisma.raw(`CASE WHEN h."seg" > 0 THEN 0 ELSE s."${c}" END AS "${c}"`);
  return Prisma.sql`
    SELECT s."lvl", s."station_id", s."category", s."g", s."k", s."b", ${Prisma.join(COUNTS.map(first))},
      h."v", s."ba", h."bs", h."os", h."ns" FROM (${rel}) s
    LEFT JOIN LATERAL (SELECT q."seg", s."v"[min(q."o") : max(q."o" + q."n" - 1)] AS "v", array_agg(q."b" ORDER BY q."b") AS "bs",
        array_agg(q."o" - q."so" + 1 ORDER BY q."b") AS "os", array_agg(q."n" ORDER BY q."b") AS "ns"
      FROM (SELECT p.*, min(p."o") OVER (PARTITION BY p."seg") AS "so" FROM (
        SELECT ${bucket(Prisma.sql`z."val"`)} AS "b", min(z."i")::int AS "o", count(*)::int AS "n", (min(z."i") - 1) / ${SEGMENT_VALUES}::int AS "seg"
        FROM unnest(s."v") WITH ORDINALITY z("val", "i") GROUP BY 1) p) q
      GROUP BY q."seg") h ON TRUE`;
}

/** The count columns of a rollup row. */
const COUNTS = ["n", "closed", "breached", "actioned", "fir", "arrest"];

/**
 * A week's rollup rows (ADR 0813) from its days' rows, the CTE `keyed` (keyedRows): per level, filters, series and key, the counts summed, the values and the
 * open tips' breach instants merged in order, then segmented as a day's rows are. Exactly the rows
 * seriesRows would build from the week's tips as the days saw them, so a read may take either.
 */
export function weekRows() {
  const key = Prisma.sql`"lvl", "station_id", "category", "g", "k"`;
  // Each key numbered once (a few hundred thousand day rows), so the values' sort compares an
  // integer and a float, not four text and uuid columns per value (~2.3M values a week at 27,000
  // tips a day).
  return segmented(Prisma.sql`
    SELECT s.*, v."v", a."ba" FROM (
      SELECT "kid", ${key}, -1 AS "b", ${Prisma.raw(COUNTS.map((c) => `sum("${c}")::int AS "${c}"`).join(", "))}
      FROM "keyed" GROUP BY "kid", ${key}) s
    LEFT JOIN (SELECT x."kid", array_agg(z."val" ORDER BY z."val") AS "v" FROM "keyed" x CROSS JOIN LATERAL unnest(x."v") z("val") GROUP BY 1) v
      ON v."kid" = s."kid"
    LEFT JOIN (SELECT x."kid", array_agg(z."at" ORDER BY z."at") AS "ba" FROM "keyed" x CROSS JOIN LATERAL unnest(x."ba") z("at") GROUP BY 1) a
      ON a."kid" = s."kid"`);
}

/** The CTE `keyed` weekRows reads: the day rows `src` with a number per key. */
export function keyedRows(src: Prisma.Sql) {
  return Prisma.sql`"keyed" AS MATERIALIZED (
    SELECT x.*, dense_rank() OVER (ORDER BY x."lvl", x."station_id", x."category", x."g", x."k") AS "kid" FROM ${src} x)`;
}
