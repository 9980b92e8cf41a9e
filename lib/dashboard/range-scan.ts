// One read of the range (ADR 0520, after 0510): the tiles, every chart series and the officers'
// median first response, from the day rollups of the range's clean days plus the tips of every
// other day (today, dirty, or never built) read live from "Tip". Within a statement (one snapshot)
// a day is taken from exactly one side, so every figure is exact whatever state the rollups are in.
// A rolled-up open tip's breach is read against this request's "now" from the day's sorted breach
// instants. Percentiles stay exact `percentile_cont`: bucket counts locate each rank, and only the
// values of the one or two buckets holding it are sorted (the rollups keep each bucket's values).
import "server-only";
import { Prisma } from "../generated/prisma/client";
import type { Category, Channel, Outcome } from "../generated/prisma/enums";
import type { DashboardFilters } from "./filters";
import { slaTargetSeconds } from "../sla/settings";
import { refreshRange, slaFingerprint } from "./rollup-refresh";
import { seriesRows, tipColumns } from "./rollup-series";
import { scopeWhere, dashboardQuery, num } from "./sql";
import { openNowJson, foldIfNeeded } from "./open-now";
import { cleanDays, cleanWeeks, rolledUp } from "./clean-days";

/** The columns of "Tip" a figure reads, which a delta row has too (ADR 0521). */
const TIP_COLUMNS = Prisma.sql`t."receivedAt", t."status", t."priority", t."category", t."channel", t."stationId", t."assigneeId", t."firstResponseAt", t."closedAt", t."outcome"`;

export type RangeTiles = {
  newTips: number;
  frMedian: number | null;
  frP90: number | null;
  closeMedian: number | null;
  breached: number;
  closed: number;
  actioned: number;
  fir: number;
  arrest: number;
};

/** One row per series key; `h` is the IST hour counted from 1970-01-01 00:00 IST. */
export type SetRow =
  | { g: "hour"; h: number; channel: Channel; n: number }
  | { g: "category"; category: Category; n: number }
  | { g: "station"; stationId: string | null; n: number }
  | { g: "outcome"; outcome: Outcome | null; n: number }
  | { g: "bucket"; bucket: number | null; n: number };

export type RangeScan = {
  tiles: RangeTiles;
  /** "Now" figures: ignore the range, keep the filters (ADR 0500). */
  open: number;
  unassigned: number;
  sets: SetRow[];
  /** Median first response (seconds) per assignee over the range's tips they hold. */
  frByAssignee: Map<string, number | null>;
};

type Count = {
  g: string;
  k: string;
  n: number;
  closed: number;
  breached: number;
  actioned: number;
  fir: number;
  arrest: number;
};
type Pick = { g: string; k: string; p: number; total: number; lo: number | null; hi: number | null };
type Raw = { counts: Count[] | null; picks: Pick[] | null; now: { open: number; unassigned: number; changes: number } };

/** The percentiles the dashboard shows, per statement: series of value buckets and the fraction wanted. */
const TILE_PERCENTILES = {
  series: Prisma.sql`('fr', 'cl')`,
  want: Prisma.sql`(VALUES ('fr', 0.5::float8), ('fr', 0.9::float8), ('cl', 0.5::float8))`,
};
const OFFICER_PERCENTILES = { series: Prisma.sql`('afr')`, want: Prisma.sql`(VALUES ('afr', 0.5::float8))` };

export async function scanRange(f: DashboardFilters, now = new Date()): Promise<RangeScan> {
  const targets = await slaTargetSeconds();
  await refreshRange(f, targets, now);
  const lvl = (f.stationId ? 1 : 0) + (f.category ? 2 : 0);
  // The live part: every tip of the unclean days as it is, and the clean days' deltas (ADR 0521).
  const live = tipColumns(
    targets,
    now,
    Prisma.sql`FROM (
      SELECT ${TIP_COLUMNS}, 1 AS "w" FROM unclean u JOIN "Tip" t ON t."receivedAt" >= u."lo" AND t."receivedAt" < u."hi" WHERE t."status" <> 'MERGED'
      UNION ALL
      SELECT ${TIP_COLUMNS}, t."w" FROM mukhbir_internal.dash_delta t WHERE t."day" IN (SELECT "day" FROM clean)) t`,
    Prisma.sql`TRUE ${scopeWhere(f)}`,
  );
  // The rollup rows of the range's clean days at the filters' level (ADR 0520), by week where a
  // week's rollup is current (ADR 0813).
  const rolled = rolledUp(Prisma.sql`r."lvl" = ${lvl}::smallint
    AND ${f.stationId ? Prisma.sql`r."station_id" = ${f.stationId}::uuid` : Prisma.sql`r."station_id" IS NULL`}
    AND ${f.category ? Prisma.sql`r."category" = ${f.category}::"Category"` : Prisma.sql`r."category" IS NULL`}
    AND r."day" BETWEEN ${f.fromDay}::date AND ${f.toDay}::date`);
  // Two statements side by side on two connections: the tiles, charts and tiles' percentiles, and
  // the officers' medians (most of the percentile work). Each is one snapshot and exact on its own;
  // the split only puts a second core to work, it does not lessen the work.
  const query = (officers: boolean) => {
    const pct = officers ? OFFICER_PERCENTILES : TILE_PERCENTILES;
    return Prisma.sql`
    WITH ${cleanDays(f, slaFingerprint(targets))}, ${cleanWeeks(f)},
    lt AS MATERIALIZED (${live}),
    -- The officers' statement reads only the officers' medians (afr) of l: series of tips with an
    -- assignee and a first response, so it groups only those (about half of today's tips).
    l AS MATERIALIZED (${seriesRows(officers ? Prisma.sql`(SELECT * FROM lt WHERE "uid" IS NOT NULL AND "fr" IS NOT NULL)` : Prisma.sql`lt`, false)}),
    s AS MATERIALIZED (
      SELECT "g", "k", "n", "closed", "breached", "actioned", "fir", "arrest" FROM l WHERE "g" NOT IN ('fr', 'cl', 'afr')
      UNION ALL
      -- Rolled-up open tips breached by now: the day's breach instants before it (width_bucket
      -- counts those <= its argument, a binary search; instants are whole microseconds).
      SELECT r."g", r."k", r."n", r."closed", r."breached" + COALESCE(width_bucket(${now}::timestamptz - interval '1 microsecond', r."ba"), 0),
        r."actioned", r."fir", r."arrest" FROM ${rolled} r WHERE r."g" NOT IN ('fr', 'cl', 'afr')
    ),
    -- Exact percentile_cont: rank lo = floor(p·(n−1)) and hi = ceil(p·(n−1)) (float8, as PostgreSQL
    -- computes them); the bucket counts say which bucket holds each; only those buckets are sorted,
    -- from the rollups' stored values and the live tips' own.
    pc AS MATERIALIZED (
      SELECT "g", "k", "b", sum("n")::bigint AS "n" FROM (
        SELECT "g", "k", "b", "n" FROM l WHERE "g" IN ${pct.series}
        UNION ALL
        SELECT r."g", r."k", e."b", e."n" FROM ${rolled} r CROSS JOIN LATERAL unnest(r."bs", r."ns") e("b", "n")
        WHERE r."g" IN ${pct.series}) x
      GROUP BY 1, 2, 3),
    cum AS (SELECT *, sum("n") OVER (PARTITION BY "g", "k" ORDER BY "b") - "n" AS "before", sum("n") OVER (PARTITION BY "g", "k") AS "total" FROM pc),
    want AS MATERIALIZED (
      SELECT DISTINCT c."g", c."k", c."total", ps."p", floor(ps."p" * (c."total" - 1)) AS "lo", ceil(ps."p" * (c."total" - 1)) AS "hi"
      FROM cum c JOIN ${pct.want} ps("g", "p") ON ps."g" = c."g"),
    need AS MATERIALIZED (
      SELECT DISTINCT c."g", c."k", c."b", c."before" FROM cum c JOIN want w ON w."g" = c."g" AND w."k" = c."k"
      WHERE (w."lo" >= c."before" AND w."lo" < c."before" + c."n") OR (w."hi" >= c."before" AND w."hi" < c."before" + c."n")),
    lv AS MATERIALIZED (
      SELECT x."g", x."k", x."b", x."before", lt."fr" AS "val", lt."w" FROM need x JOIN lt ON x."g" = 'fr' AND lt."frb" = x."b"
      UNION ALL SELECT x."g", x."k", x."b", x."before", lt."cl", lt."w" FROM need x JOIN lt ON x."g" = 'cl' AND lt."clb" = x."b"
      UNION ALL SELECT x."g", x."k", x."b", x."before", lt."fr", lt."w" FROM need x JOIN lt ON x."g" = 'afr' AND lt."afb" = x."b" AND lt."uid"::text = x."k"),
    -- A bucket's values: the rollups' slices (each row's offset and count for the bucket, found
    -- with array_position; one index lookup per series and key) and the live tips' with weight +1,
    -- less (a multiset difference, EXCEPT ALL) those deltas take out with weight -1, which only
    -- the buckets that have any pay for.
    pos AS (
      SELECT u."g", u."k", u."b", u."before", array_agg(u."val" ORDER BY u."val") AS "arr" FROM (
        SELECT x."g", x."k", x."b", x."before", y."val" FROM need x
          CROSS JOIN LATERAL (SELECT r."v", r."os"[i] AS "o", r."ns"[i] AS "n" FROM ${rolled} r
            CROSS JOIN LATERAL array_position(r."bs", x."b") i WHERE r."g" = x."g" AND r."k" = x."k" AND i IS NOT NULL
            -- OFFSET 0: planned per need row, so the index is searched by series and key too
            -- (flattened, the planner may scan the level's rows once per need row and filter).
            OFFSET 0) e
          CROSS JOIN LATERAL unnest(e."v"[e."o" : e."o" + e."n" - 1]) y("val")
        UNION ALL SELECT "g", "k", "b", "before", "val" FROM lv WHERE "w" > 0) u
      GROUP BY u."g", u."k", u."b", u."before"),
    neg AS (SELECT "g", "k", "b", array_agg("val") AS "arr" FROM lv WHERE "w" < 0 GROUP BY 1, 2, 3),
    vals AS (
      SELECT p."g", p."k", p."before", CASE WHEN n."arr" IS NULL THEN p."arr"
        ELSE ARRAY(SELECT v FROM (SELECT unnest(p."arr") EXCEPT ALL SELECT unnest(n."arr")) d(v) ORDER BY v) END AS "arr"
      FROM pos p LEFT JOIN neg n ON n."g" = p."g" AND n."k" = p."k" AND n."b" = p."b")
    SELECT
      ${
        officers
          ? Prisma.sql`NULL::json`
          : Prisma.sql`(SELECT json_agg(c) FROM (SELECT "g", "k", sum("n") AS "n", sum("closed") AS "closed", sum("breached") AS "breached", sum("actioned") AS "actioned",
          sum("fir") AS "fir", sum("arrest") AS "arrest" FROM s WHERE "g" NOT IN ('fr', 'cl', 'afr') GROUP BY 1, 2) c)`
      } AS "counts",
      (SELECT json_agg(pk) FROM (SELECT w."g", w."k", w."p", w."total",
          (SELECT x."arr"[(w."lo" - x."before")::int + 1] FROM vals x WHERE x."g" = w."g" AND x."k" = w."k" AND w."lo" >= x."before" AND w."lo" < x."before" + cardinality(x."arr")) AS "lo",
          (SELECT x."arr"[(w."hi" - x."before")::int + 1] FROM vals x WHERE x."g" = w."g" AND x."k" = w."k" AND w."hi" >= x."before" AND w."hi" < x."before" + cardinality(x."arr")) AS "hi"
        FROM want w) pk) AS "picks",
      ${officers ? Prisma.sql`NULL::json` : openNowJson(f)} AS "now"`;
  };
  const [[tiles], [medians]] = await Promise.all([
    dashboardQuery<Raw>(query(false), { hashOnly: true }),
    dashboardQuery<Raw>(query(true), { hashOnly: true }),
  ]);
  await foldIfNeeded(Number(tiles.now.changes));
  return fromRaw({ ...tiles, picks: [...(tiles.picks ?? []), ...(medians.picks ?? [])] });
}

/** percentile_cont's interpolation, in the same float8 steps as PostgreSQL's (orderedsetaggs.c). */
function interpolate(p: Pick): number | null {
  if (!p.total || p.lo === null || p.hi === null) return null;
  const pos = p.p * (p.total - 1);
  const lo = Number(p.lo),
    hi = Number(p.hi);
  return Math.floor(pos) === Math.ceil(pos) ? lo : lo + (pos - Math.floor(pos)) * (hi - lo);
}

function fromRaw(row: Raw): RangeScan {
  const tile = (row.counts ?? []).find((c) => c.g === "tile");
  const pick = (g: string, p: number, k = "") => {
    const x = (row.picks ?? []).find((y) => y.g === g && y.k === k && y.p === p);
    return x ? num(interpolate(x)) : null;
  };
  const sets: SetRow[] = [];
  for (const c of row.counts ?? []) {
    const n = Number(c.n);
    if (c.g === "hour") {
      const [h, channel] = c.k.split(":");
      sets.push({ g: "hour", h: Number(h), channel: channel as Channel, n });
    } else if (c.g === "category") sets.push({ g: "category", category: c.k as Category, n });
    else if (c.g === "station") sets.push({ g: "station", stationId: c.k || null, n });
    else if (c.g === "outcome") sets.push({ g: "outcome", outcome: (c.k || null) as Outcome | null, n });
    else if (c.g === "bucket") sets.push({ g: "bucket", bucket: c.k === "" ? null : Number(c.k), n });
  }
  return {
    tiles: {
      newTips: Number(tile?.n ?? 0),
      frMedian: pick("fr", 0.5),
      frP90: pick("fr", 0.9),
      closeMedian: pick("cl", 0.5),
      breached: Number(tile?.breached ?? 0),
      closed: Number(tile?.closed ?? 0),
      actioned: Number(tile?.actioned ?? 0),
      fir: Number(tile?.fir ?? 0),
      arrest: Number(tile?.arrest ?? 0),
    },
    open: Number(row.now.open),
    unassigned: Number(row.now.unassigned),
    sets,
    frByAssignee: new Map((row.picks ?? []).filter((p) => p.g === "afr").map((p) => [p.k, num(interpolate(p))])),
  };
}
