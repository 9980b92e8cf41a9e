// Hot spots (ADR 0705) against independent SQL over "Tip" and "TipEntity": after the first read
// builds the days, after changes (read live while a changed day is fresh, then rebuilt), with the
// station and category filters, and for today (never built). Each test uses its own past days.
import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { Prisma } from "../generated/prisma/client";
import type { Category } from "../generated/prisma/enums";
import { db } from "../db";
import { makeStation, makeTip } from "../testing/factories";
import { addDays, istDay, istMidnight } from "../time/ist";
import { HOT_SHOWN, hotSpots, hotSpotsSql, type HotSpots } from "./hot-spots";

type F = { fromDay: string; toDay: string; stationId: string | null; category: Category | null };

/** The definition, written independently: tips received in the range, not merged, per entity. */
async function expected(f: F): Promise<HotSpots> {
  const rows = await db.$queryRaw<{ kind: string; value: string; tips: number }[]>`
    SELECT e."kind", e."value", count(DISTINCT t."id")::int AS tips
    FROM "TipEntity" e JOIN "Tip" t ON t."id" = e."tipId"
    WHERE t."receivedAt" >= ${istMidnight(f.fromDay)} AND t."receivedAt" < ${istMidnight(addDays(f.toDay, 1))}
      AND t."status" <> 'MERGED'
      ${f.stationId ? Prisma.sql`AND t."stationId" = ${f.stationId}::uuid` : Prisma.empty}
      ${f.category ? Prisma.sql`AND t."category"::text = ${f.category}` : Prisma.empty}
    GROUP BY e."kind", e."value"
    ORDER BY tips DESC, e."kind", e."value"`;
  const isPlace = (k: string) => k === "place" || k === "geo";
  return {
    places: rows.filter((r) => isPlace(r.kind)).slice(0, HOT_SHOWN),
    entities: rows.filter((r) => !isPlace(r.kind)).slice(0, HOT_SHOWN),
  };
}

/** A run of three days somewhere in 2016–2019 that no other test uses. */
const pastDays = () => {
  const d0 = addDays("2016-01-01", crypto.randomInt(0, 1400));
  return [d0, addDays(d0, 1), addDays(d0, 2)] as const;
};
const noon = (day: string) => new Date(istMidnight(day).getTime() + 12 * 3_600_000);

async function tip(day: string, stationId: string, category: Category, entities: [string, string][]) {
  const t = await makeTip({ receivedAt: noon(day), stationId, category });
  await db.tipEntity.createMany({ data: entities.map(([kind, value]) => ({ tipId: t.id, kind, value })) });
  return t;
}

/** Rows the executed plan of `sql` produced from scans of these tables (EXPLAIN ANALYZE). */
async function rowsReadFrom(sql: Prisma.Sql, tables: string[]) {
  const [row] = await db.$queryRaw<{ "QUERY PLAN": unknown }[]>`EXPLAIN (ANALYZE, FORMAT JSON) ${sql}`;
  const raw = row["QUERY PLAN"];
  const plan = (typeof raw === "string" ? JSON.parse(raw) : raw) as { Plan: PlanNode }[];
  let n = 0;
  const walk = (p: PlanNode) => {
    if (p["Relation Name"] && tables.includes(p["Relation Name"]))
      n += (p["Actual Rows"] ?? 0) * (p["Actual Loops"] ?? 1);
    p.Plans?.forEach(walk);
  };
  walk(plan[0].Plan);
  return n;
}
type PlanNode = { "Relation Name"?: string; "Actual Rows"?: number; "Actual Loops"?: number; Plans?: PlanNode[] };

const marks = async (days: readonly string[]) =>
  (
    await db.$queryRaw<{ day: string }[]>`
      SELECT DISTINCT day::text AS day FROM mukhbir_internal.hot_dirty WHERE day = ANY(${[...days]}::date[]) ORDER BY 1`
  ).map((r) => r.day);

describe("dashboard hot spots", () => {
  it("equal independent SQL when built, when changed days are read live, after rebuild, and under filters", async () => {
    const [d1, d2, d3] = pastDays();
    const [s1, s2] = [(await makeStation()).id, (await makeStation()).id];
    const x = crypto.randomBytes(3).toString("hex");
    const V: [string, string] = ["vehicle", `UP70HS${x}`];
    const U: [string, string] = ["upi", `hot${x}@ybl`];
    const K: [string, string] = ["place", "Kareli"];
    const G: [string, string] = ["geo", "25.44,81.85"];
    await tip(d1, s1, "ILLEGAL_LIQUOR", [K, V]);
    const t2 = await tip(d1, s2, "NARCOTICS", [K, G]);
    const t3 = await tip(d2, s1, "ILLEGAL_LIQUOR", [K, U, V]);
    await tip(d3, s1, "NARCOTICS", [G, V]);
    const dup = await tip(d2, s2, "ILLEGAL_LIQUOR", [V]);
    await db.tip.update({ where: { id: dup.id }, data: { status: "MERGED", mergedIntoId: t3.id } });

    const range: F = { fromDay: d1, toDay: d3, stationId: null, category: null };
    const first = await hotSpots(range);
    expect(first).toEqual(await expected(range));
    expect(first.places).toEqual([
      { kind: "place", value: "Kareli", tips: 3 },
      { kind: "geo", value: "25.44,81.85", tips: 2 },
    ]);
    expect(first.entities).toEqual([
      { kind: "vehicle", value: V[1], tips: 3 },
      { kind: "upi", value: U[1], tips: 1 },
    ]);
    // Built and clean: every day has its row and no mark.
    expect(
      (
        await db.$queryRaw<{ n: number }[]>`
        SELECT count(*)::int AS n FROM mukhbir_internal.hot_day WHERE day = ANY(${[d1, d2, d3]}::date[])`
      )[0].n,
    ).toBe(3);
    expect(await marks([d1, d2, d3])).toEqual([]);
    // The rollup rows hold the figures (one row per day, station, category and entity).
    const held = await db.$queryRaw<{ kind: string; value: string; tips: number }[]>`
      SELECT kind, value, sum(tips)::int AS tips FROM mukhbir_internal.hot_rollup
      WHERE day = ANY(${[d1, d2, d3]}::date[]) GROUP BY kind, value ORDER BY tips DESC, kind, value`;
    expect(held).toEqual([
      { kind: "place", value: "Kareli", tips: 3 },
      { kind: "vehicle", value: V[1], tips: 3 },
      { kind: "geo", value: "25.44,81.85", tips: 2 },
      { kind: "upi", value: U[1], tips: 1 },
    ]);
    // Reading again uses the rollups alone and says the same: the plan reads no row of "Tip" or
    // "TipEntity" for clean days, however many tips the archive holds.
    expect(await hotSpots(range)).toEqual(first);
    expect(await rowsReadFrom(hotSpotsSql(range, istDay(new Date())), ["Tip", "TipEntity"])).toBe(0);
    expect(await rowsReadFrom(hotSpotsSql(range, istDay(new Date())), ["hot_rollup"])).toBeGreaterThanOrEqual(6);

    const filtered: F[] = [
      { ...range, stationId: s1 },
      { ...range, stationId: s2 },
      { ...range, category: "NARCOTICS" },
      { ...range, stationId: s1, category: "ILLEGAL_LIQUOR" },
      { ...range, fromDay: d2, toDay: d2 },
    ];
    for (const f of filtered) expect(await hotSpots(f)).toEqual(await expected(f));

    // Changes to built days: an entity added to an old tip, a station move, an unmerge.
    await db.tipEntity.create({ data: { tipId: t2.id, kind: U[0], value: U[1] } });
    await db.tip.update({ where: { id: t3.id }, data: { stationId: s2 } });
    await db.tip.update({ where: { id: dup.id }, data: { status: "NEW", mergedIntoId: null } });
    expect(await marks([d1, d2, d3])).toEqual([d1, d2]);
    // Built under a minute ago: the changed days are read live, exactly.
    const live = await hotSpots(range);
    expect(live).toEqual(await expected(range));
    expect(live.entities[0]).toEqual({ kind: "vehicle", value: V[1], tips: 4 });
    expect(await hotSpots({ ...range, stationId: s2 })).toEqual(await expected({ ...range, stationId: s2 }));
    // Older builds are rebuilt by the next read, which leaves no mark.
    await db.$executeRaw`UPDATE mukhbir_internal.hot_day SET built_at = now() - interval '2 minutes' WHERE day = ANY(${[d1, d2, d3]}::date[])`;
    expect(await hotSpots(range)).toEqual(live);
    expect(await marks([d1, d2, d3])).toEqual([]);
    expect(await hotSpots({ ...range, stationId: s2 })).toEqual(await expected({ ...range, stationId: s2 }));
  });

  it("reads today live (never built)", async () => {
    const today = istDay(new Date());
    const station = (await makeStation()).id;
    const value = `today${crypto.randomBytes(4).toString("hex")}@ybl`;
    await tip(today, station, "GAMBLING", [["upi", value]]);
    await tip(today, station, "GAMBLING", [["upi", value]]);
    const f: F = { fromDay: today, toDay: today, stationId: station, category: null };
    expect(await hotSpots(f)).toEqual(await expected(f));
    expect((await hotSpots(f)).entities).toEqual([{ kind: "upi", value, tips: 2 }]);
    const unfiltered = { ...f, stationId: null };
    expect(await hotSpots(unfiltered)).toEqual(await expected(unfiltered));
    const built = await db.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM mukhbir_internal.hot_day WHERE day = ${today}::date`;
    expect(built[0].n).toBe(0);
  });
});
