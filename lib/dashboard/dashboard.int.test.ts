// Every tile, chart series and officer figure against (a) hand-computed values for a small set and
// (b) an independent SQL computation written here, over a larger seeded set, for several filters.
// The independent SQL deliberately uses other formulations (IST dates instead of instants,
// a VALUES table of SLA targets, extract(dow), minutes) so a shared mistake is unlikely.
import { describe, it, expect, beforeAll } from "vitest";
import { db } from "../db";
import { makeStation, makeUser, makeTip } from "../testing/factories";
import type { Prisma } from "../generated/prisma/client";
import { parseFilters, type DashboardFilters } from "./filters";
import { getTiles } from "./tiles";
import { getCharts } from "./charts";
import { getOfficerStats } from "./officers";
import { slaSeconds as toSeconds } from "../sla/rule";
import { DEFAULT_SLA } from "../sla/targets";
const SLA = toSeconds(DEFAULT_SLA);
import { saveSlaTargets, slaTargets } from "../sla/settings";
import { refreshRange } from "./rollup-refresh";
import { reopenTip } from "../tips/reopen-tip";
import { closeTip } from "../tips/close-tip";
import { mergeTip } from "../tips/merge-tip";
import { updateTipField } from "../tips/update-tip-field";
import { claimTip } from "../tips/claim-tip";
import { assignTip } from "../tips/assign-tip";
import { foldViewCounts } from "../queue/fold-view-counts";
import { istDay, TIME_ZONE } from "../time/ist";

const NOW = new Date("2026-11-20T12:00:00+05:30");
const ist = (s: string) => new Date(`${s}+05:30`);
const min = 60_000;
const plus = (d: Date, ms: number) => new Date(d.getTime() + ms);

let A: string, B: string, C: string, o1: string, o2: string;

type TipSeed = Partial<Prisma.TipUncheckedCreateInput> & { receivedAt: Date };
async function tip(seed: TipSeed) {
  return makeTip({ channel: "WHATSAPP", priority: "NORMAL", ...seed });
}
async function event(tipId: string, actorId: string, type: string, at: Date) {
  await db.tipEvent.create({ data: { tipId, actorId, type, at } });
}

beforeAll(async () => {
  A = (await makeStation()).id;
  B = (await makeStation()).id;
  C = (await makeStation()).id;
  o1 = (await makeUser({ name: "Officer One" })).id;
  o2 = (await makeUser({ name: "Officer Two" })).id;

  // The hand-computed set, all at station A.
  const t1r = ist("2026-11-20T00:30:00"); // 2026-11-19 19:00 UTC: an IST-vs-UTC day boundary
  const t1 = await tip({
    stationId: A,
    priority: "URGENT",
    category: "NARCOTICS",
    receivedAt: t1r,
    firstResponseAt: plus(t1r, 3 * min),
    closedAt: plus(t1r, 120 * min),
    status: "CLOSED",
    outcome: "ACTIONED",
    assigneeId: o1,
  });
  const t2r = ist("2026-11-19T23:30:00");
  const t2 = await tip({
    stationId: A,
    channel: "VOICE",
    priority: "HIGH",
    category: "GAMBLING",
    receivedAt: t2r,
    firstResponseAt: plus(t2r, 20 * min),
    closedAt: plus(t2r, 300 * min),
    status: "CLOSED",
    outcome: "FIR_REGISTERED",
    assigneeId: o1,
  });
  const t3r = ist("2026-11-18T10:15:00");
  const t3 = await tip({
    stationId: A,
    category: "NARCOTICS",
    receivedAt: t3r,
    firstResponseAt: plus(t3r, 90 * min),
    status: "IN_PROGRESS",
    assigneeId: o2,
  });
  await tip({ stationId: A, receivedAt: ist("2026-11-20T11:30:00") }); // t4: new, 30 min old, within target
  await tip({ stationId: A, priority: "LOW", receivedAt: ist("2026-11-17T08:00:00") }); // t5: never answered → breach
  await tip({ stationId: A, receivedAt: ist("2026-11-19T09:00:00"), status: "MERGED" }); // t6: merged → left out
  const t7 = await tip({
    stationId: A,
    receivedAt: ist("2026-11-10T09:00:00"),
    status: "IN_PROGRESS",
    assigneeId: o2,
    firstResponseAt: ist("2026-11-10T09:01:00"),
  });
  const t8r = ist("2026-11-16T00:10:00");
  // t8: answered in time but closed after 80 h, past the 72 h resolution target → breach.
  const t8 = await tip({
    stationId: A,
    receivedAt: t8r,
    firstResponseAt: plus(t8r, 10 * min),
    closedAt: plus(t8r, 4800 * min),
    status: "CLOSED",
    outcome: "ARREST_MADE",
    assigneeId: o2,
  });
  await event(t1.id, o1, "claimed", plus(t1r, 3 * min));
  await event(t1.id, o1, "closed", plus(t1r, 120 * min));
  await event(t2.id, o1, "claimed", plus(t2r, 20 * min));
  await event(t2.id, o1, "closed", plus(t2r, 300 * min));
  await event(t3.id, o2, "claimed", plus(t3r, 90 * min));
  await event(t8.id, o2, "closed", plus(t8r, 4800 * min));
  await event(t7.id, o2, "claimed", ist("2026-11-10T09:01:00")); // outside the range

  // A larger pseudo-random set at other stations (A stays hand-computed) across 45 days, for the independent SQL.
  let seed = 42;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
  const categories = ["UNCATEGORISED", "NARCOTICS", "ILLEGAL_LIQUOR", "WOMEN_SAFETY", "CYBER_FRAUD"] as const;
  const outcomes = ["ACTIONED", "FIR_REGISTERED", "ARREST_MADE", "SPAM_ABUSE", "INSUFFICIENT_INFORMATION"] as const;
  for (let i = 0; i < 140; i++) {
    const receivedAt = new Date(NOW.getTime() - rnd() * 45 * 24 * 60 * min);
    const responded = rnd() < 0.8;
    const fr = responded ? plus(receivedAt, Math.floor(rnd() ** 3 * 600 * min)) : null;
    const state = pick(["NEW", "IN_PROGRESS", "WAITING_INFORMANT", "CLOSED", "CLOSED", "CLOSED", "MERGED"] as const);
    const closedAt = state === "CLOSED" ? plus(fr ?? receivedAt, Math.floor(rnd() * 3000 * min)) : null;
    const assigneeId = state === "NEW" ? null : pick([o1, o2, null]);
    const t = await tip({
      stationId: pick([B, C, null]),
      channel: pick(["WHATSAPP", "VOICE"] as const),
      priority: pick(["URGENT", "HIGH", "NORMAL", "LOW"] as const),
      category: pick(categories),
      receivedAt,
      firstResponseAt: state === "NEW" ? null : fr,
      closedAt,
      status: state,
      outcome: state === "CLOSED" ? pick(outcomes) : null,
      assigneeId,
    });
    if (assigneeId && fr && state !== "NEW") await event(t.id, assigneeId, "claimed", fr);
    if (assigneeId && closedAt) await event(t.id, assigneeId, "closed", closedAt);
  }
}, 120_000);

describe("dashboard aggregates: hand-computed", () => {
  it("tiles for station A, last 7 days", async () => {
    const f = parseFilters({ range: "7d", station: A }, NOW);
    expect(await getTiles(f, NOW)).toEqual({
      newTips: 6,
      openNow: 4,
      unassignedNow: 2,
      firstResponseMedian: 900,
      firstResponseP90: expect.closeTo(4140, 6),
      closeMedian: 18000,
      breached: 4,
      closed: 3,
      actioned: 1,
      firRegistered: 1,
      arrestMade: 1,
      breachShare: 4 / 6,
      actionedShare: 1 / 3,
      firShare: 1 / 3,
      arrestShare: 1 / 3,
    });
  });

  it("charts for station A, last 7 days", async () => {
    const c = await getCharts(parseFilters({ range: "7d", station: A }, NOW));
    expect(c.perDay).toEqual([
      { day: "2026-11-14", WHATSAPP: 0, VOICE: 0 },
      { day: "2026-11-15", WHATSAPP: 0, VOICE: 0 },
      { day: "2026-11-16", WHATSAPP: 1, VOICE: 0 },
      { day: "2026-11-17", WHATSAPP: 1, VOICE: 0 },
      { day: "2026-11-18", WHATSAPP: 1, VOICE: 0 },
      { day: "2026-11-19", WHATSAPP: 0, VOICE: 1 },
      { day: "2026-11-20", WHATSAPP: 2, VOICE: 0 },
    ]);
    expect(c.byCategory).toEqual(
      expect.arrayContaining([
        { category: "UNCATEGORISED", count: 3 },
        { category: "NARCOTICS", count: 2 },
        { category: "GAMBLING", count: 1 },
      ]),
    );
    expect(c.byCategory).toHaveLength(3);
    expect(c.byStation).toEqual([{ stationId: A, count: 6 }]);
    expect(c.outcomes).toHaveLength(3);
    expect(c.outcomes).toEqual(
      expect.arrayContaining([
        { outcome: "ACTIONED", count: 1 },
        { outcome: "FIR_REGISTERED", count: 1 },
        { outcome: "ARREST_MADE", count: 1 },
      ]),
    );
    expect(c.responseBuckets.map((b) => b.count)).toEqual([1, 1, 1, 1, 0]);
    const hot = c.heatmap.filter((h) => h.count > 0).map((h) => [h.isoDow, h.hour, h.count]);
    // 2026-11-20 is a Friday (isoDow 5).
    expect(hot.sort()).toEqual(
      [
        [1, 0, 1],
        [2, 8, 1],
        [3, 10, 1],
        [4, 23, 1],
        [5, 0, 1],
        [5, 11, 1],
      ].sort(),
    );
    expect(c.heatmap).toHaveLength(168);
  });

  it("officers for station A, last 7 days", async () => {
    const rows = await getOfficerStats(parseFilters({ range: "7d", station: A }, NOW));
    expect(
      rows.map(({ id, claimed, closed, firstResponseMedian, openNow }) => ({
        id,
        claimed,
        closed,
        firstResponseMedian,
        openNow,
      })),
    ).toEqual([
      { id: o1, claimed: 2, closed: 2, firstResponseMedian: 690, openNow: 0 },
      { id: o2, claimed: 1, closed: 1, firstResponseMedian: 3000, openNow: 2 },
    ]);
  });
});

// ---- independent computations -------------------------------------------------------------
// Days from PostgreSQL's own time zone database (AT TIME ZONE), not from mukhbir_internal.ist_day.
const IST = `'${TIME_ZONE}'`;

const inRange = (f: DashboardFilters) => `
  (t."receivedAt" AT TIME ZONE ${IST})::date BETWEEN '${f.fromDay}'::date AND '${f.toDay}'::date
  AND t."status"::text <> 'MERGED'
  ${f.stationId ? `AND t."stationId" = '${f.stationId}'` : ""} ${f.category ? `AND t."category"::text = '${f.category}'` : ""}`;
// Test-only SQL built from values the test itself generated (uuids, enum names, dates): no user input.
const q = <T>(sql: string) => db.$queryRawUnsafe<T[]>(sql);

async function expectedTiles(f: DashboardFilters, sla = SLA, at = NOW) {
  const fr = sla.firstResponse,
    res = sla.resolution;
  const targets = `(VALUES ('URGENT', ${fr.URGENT}, ${res.URGENT}), ('HIGH', ${fr.HIGH}, ${res.HIGH}), ('NORMAL', ${fr.NORMAL}, ${res.NORMAL}), ('LOW', ${fr.LOW}, ${res.LOW})) AS s(p, secs, rsecs)`;
  const [r] = await q<Record<string, number | null>>(`
    SELECT
      (SELECT count(*) FROM "Tip" t WHERE ${inRange(f)})::int AS "newTips",
      (SELECT count(*) FROM "Tip" t WHERE t."status"::text NOT IN ('CLOSED', 'MERGED') ${f.stationId ? `AND t."stationId" = '${f.stationId}'` : ""} ${f.category ? `AND t."category"::text = '${f.category}'` : ""})::int AS "openNow",
      (SELECT count(*) FROM "Tip" t WHERE t."assigneeId" IS NULL AND t."status"::text NOT IN ('CLOSED', 'MERGED') ${f.stationId ? `AND t."stationId" = '${f.stationId}'` : ""} ${f.category ? `AND t."category"::text = '${f.category}'` : ""})::int AS "unassignedNow",
      (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY x) FROM (SELECT extract(epoch FROM t."firstResponseAt") - extract(epoch FROM t."receivedAt") AS x FROM "Tip" t WHERE ${inRange(f)} AND t."firstResponseAt" IS NOT NULL) s)::float8 AS "frMedian",
      (SELECT percentile_cont(0.9) WITHIN GROUP (ORDER BY x) FROM (SELECT extract(epoch FROM t."firstResponseAt") - extract(epoch FROM t."receivedAt") AS x FROM "Tip" t WHERE ${inRange(f)} AND t."firstResponseAt" IS NOT NULL) s)::float8 AS "frP90",
      (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY x) FROM (SELECT extract(epoch FROM t."closedAt") - extract(epoch FROM t."receivedAt") AS x FROM "Tip" t WHERE ${inRange(f)} AND t."status" = 'CLOSED') s)::float8 AS "closeMedian",
      (SELECT count(*) FROM "Tip" t JOIN ${targets} ON s.p = t."priority"::text WHERE ${inRange(f)}
        AND (COALESCE(t."firstResponseAt", t."closedAt", '${at.toISOString()}'::timestamptz) > t."receivedAt" + make_interval(secs => s.secs)
          OR CASE WHEN t."status" = 'CLOSED' THEN t."closedAt" ELSE '${at.toISOString()}'::timestamptz END > t."receivedAt" + make_interval(secs => s.rsecs)))::int AS "breached",
      (SELECT count(*) FROM "Tip" t WHERE ${inRange(f)} AND t."status" = 'CLOSED')::int AS "closed",
      (SELECT count(*) FROM "Tip" t WHERE ${inRange(f)} AND t."status" = 'CLOSED' AND t."outcome"::text = 'ACTIONED')::int AS "actioned",
      (SELECT count(*) FROM "Tip" t WHERE ${inRange(f)} AND t."status" = 'CLOSED' AND t."outcome"::text = 'FIR_REGISTERED')::int AS "firRegistered",
      (SELECT count(*) FROM "Tip" t WHERE ${inRange(f)} AND t."status" = 'CLOSED' AND t."outcome"::text = 'ARREST_MADE')::int AS "arrestMade"`);
  const share = (n: number, d: number) => (d ? n / d : null);
  const n = (k: string) => Number(r[k]);
  return {
    newTips: n("newTips"),
    openNow: n("openNow"),
    unassignedNow: n("unassignedNow"),
    firstResponseMedian: r.frMedian === null ? null : n("frMedian"),
    firstResponseP90: r.frP90 === null ? null : n("frP90"),
    closeMedian: r.closeMedian === null ? null : n("closeMedian"),
    breached: n("breached"),
    closed: n("closed"),
    actioned: n("actioned"),
    firRegistered: n("firRegistered"),
    arrestMade: n("arrestMade"),
    breachShare: share(n("breached"), n("newTips")),
    actionedShare: share(n("actioned"), n("closed")),
    firShare: share(n("firRegistered"), n("closed")),
    arrestShare: share(n("arrestMade"), n("closed")),
  };
}

async function expectedCharts(f: DashboardFilters) {
  const perDay = await q<{ d: string; ch: string; n: number }>(
    `SELECT ((t."receivedAt" AT TIME ZONE ${IST})::date)::text AS d, t."channel"::text AS ch, count(*)::int AS n FROM "Tip" t WHERE ${inRange(f)} GROUP BY 1, 2`,
  );
  const cat = await q<{ k: string; n: number }>(
    `SELECT t."category"::text AS k, count(*)::int AS n FROM "Tip" t WHERE ${inRange(f)} GROUP BY 1`,
  );
  const st = await q<{ k: string | null; n: number }>(
    `SELECT t."stationId"::text AS k, count(*)::int AS n FROM "Tip" t WHERE ${inRange(f)} GROUP BY 1`,
  );
  const out = await q<{ k: string; n: number }>(
    `SELECT t."outcome"::text AS k, count(*)::int AS n FROM "Tip" t WHERE ${inRange(f)} AND t."status" = 'CLOSED' GROUP BY 1`,
  );
  const heat = await q<{ dow: number; h: number; n: number }>(
    `SELECT extract(dow FROM t."receivedAt" AT TIME ZONE ${IST})::int AS dow, extract(hour FROM t."receivedAt" AT TIME ZONE ${IST})::int AS h, count(*)::int AS n FROM "Tip" t WHERE ${inRange(f)} GROUP BY 1, 2`,
  );
  const buckets = await q<{
    b: number;
    n: number;
  }>(`SELECT CASE WHEN m < 5 THEN 0 WHEN m < 15 THEN 1 WHEN m < 60 THEN 2 WHEN m < 240 THEN 3 ELSE 4 END AS b, count(*)::int AS n
    FROM (SELECT (extract(epoch FROM t."firstResponseAt") - extract(epoch FROM t."receivedAt")) / 60.0 AS m FROM "Tip" t WHERE ${inRange(f)} AND t."firstResponseAt" IS NOT NULL) s GROUP BY 1`);
  return { perDay, cat, st, out, heat, buckets };
}

const FILTERS = [
  { range: "7d" },
  { range: "30d" },
  { range: "today" },
  { range: "custom", from: "2026-10-10", to: "2026-11-05" },
  { range: "30d", station: "B" },
  { range: "30d", category: "NARCOTICS" },
  { range: "30d", station: "C", category: "CYBER_FRAUD" },
  { range: "7d", station: "A" },
] as const;

/** Every tile and chart series for one filter spec against the independent SQL, read at `at` (NOW's IST day). */
async function checkRange(spec: Record<string, string>, sla = SLA, at = NOW) {
  const params: Record<string, string> = { ...spec };
  if (spec.station) params.station = { A, B, C }[spec.station as "A"];
  const f = parseFilters(params, NOW);
  const tiles = await getTiles(f, at);
  const want = await expectedTiles(f, sla, at);
  expect(Object.keys(tiles).sort()).toEqual(Object.keys(want).sort());
  for (const k of Object.keys(want) as (keyof typeof want)[]) {
    if (typeof want[k] === "number") expect(tiles[k], k).toBeCloseTo(want[k] as number, 6);
    else expect(tiles[k], k).toBe(want[k]);
  }
  if (spec.range !== "today" && !spec.category) expect(tiles.newTips).toBeGreaterThan(0); // the test must test something

  const c = await getCharts(f);
  const e = await expectedCharts(f);
  const days = new Map(c.perDay.map((d) => [d.day, d]));
  expect(c.perDay.reduce((s, d) => s + d.WHATSAPP + d.VOICE, 0)).toBe(tiles.newTips);
  for (const r of e.perDay) expect(days.get(r.d)?.[r.ch as "VOICE"], `${r.d} ${r.ch}`).toBe(r.n);
  const sorted = <T extends { n: number }>(xs: T[], key: (x: T) => string | null) =>
    xs.map((x) => [key(x), x.n]).sort();
  expect(c.byCategory.map((x) => [x.category, x.count]).sort()).toEqual(sorted(e.cat, (x) => x.k));
  expect(c.byStation.map((x) => [x.stationId, x.count]).sort()).toEqual(sorted(e.st, (x) => x.k));
  expect(c.outcomes.map((x) => [x.outcome, x.count]).sort()).toEqual(sorted(e.out, (x) => x.k));
  const heat = c.heatmap
    .filter((x) => x.count > 0)
    .map((x) => [x.isoDow % 7, x.hour, x.count])
    .sort();
  expect(heat).toEqual(e.heat.map((x) => [x.dow, x.h, x.n]).sort());
  const b = [0, 0, 0, 0, 0];
  for (const r of e.buckets) b[r.b] = r.n;
  expect(c.responseBuckets.map((x) => x.count)).toEqual(b);
  return tiles;
}

/** Officers' claims, closes, open now and median first response against the independent SQL. */
async function checkOfficers(range: Record<string, string>) {
  const f = parseFilters(range, NOW);
  const rows = await getOfficerStats(f);
  for (const uid of [o1, o2]) {
    const [want] = await q<{ claimed: number; closed: number; med: number | null; open: number }>(`SELECT
      (SELECT count(*) FROM "TipEvent" e WHERE e."actorId" = '${uid}' AND e."type" = 'claimed' AND (e."at" AT TIME ZONE ${IST})::date BETWEEN '${f.fromDay}' AND '${f.toDay}')::int AS claimed,
      (SELECT count(*) FROM "TipEvent" e WHERE e."actorId" = '${uid}' AND e."type" = 'closed' AND (e."at" AT TIME ZONE ${IST})::date BETWEEN '${f.fromDay}' AND '${f.toDay}')::int AS closed,
      (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM t."firstResponseAt" - t."receivedAt")) FROM "Tip" t WHERE t."assigneeId" = '${uid}' AND ${inRange(f)})::float8 AS med,
      (SELECT count(*) FROM "Tip" t WHERE t."assigneeId" = '${uid}' AND t."status"::text NOT IN ('CLOSED', 'MERGED'))::int AS open`);
    const got = rows.find((r) => r.id === uid)!;
    expect(got.claimed).toBe(want.claimed);
    expect(got.closed).toBe(want.closed);
    expect(got.openNow).toBe(want.open);
    expect(got.firstResponseMedian ?? -1).toBeCloseTo(want.med === null ? -1 : Number(want.med), 6);
  }
}

describe("dashboard aggregates: independent SQL", () => {
  for (const spec of FILTERS) it(`tiles and charts match for ${JSON.stringify(spec)}`, () => checkRange({ ...spec }));
  it("officer figures match for 30 days", () => checkOfficers({ range: "30d" }));
  it("open-now figures (the queue's counters) match once their change rows are folded", async () => {
    expect(await foldViewCounts()).toBe(true);
    const specs: Record<string, string>[] = [
      { range: "7d" },
      { range: "30d", station: "B" },
      { range: "30d", category: "NARCOTICS" },
    ];
    for (const spec of specs) await checkRange(spec);
    await checkOfficers({ range: "30d" });
  });
});

// ---- the rollup path (ADR 0520) -----------------------------------------------------------
// Days before NOW's are served from rollups once built; every change below goes through the
// app's own mutation and must show on the next read, for ranges with today and past days only.

const RANGES: Record<string, string>[] = [
  { range: "30d" },
  { range: "7d" },
  { range: "custom", from: "2026-10-25", to: "2026-11-18" },
  { range: "30d", station: "B" },
  { range: "30d", category: "NARCOTICS" },
];
/**
 * Checks every figure twice: with the changed days read as rollup plus deltas (ADR 0521; from "Tip"
 * where marked dirty), then rebuilt, when no mark or delta of the range's built days is left.
 */
async function checkAll(sla = SLA, at = NOW) {
  for (const rebuilt of [false, true]) {
    if (rebuilt)
      for (const r of RANGES) await refreshRange(parseFilters(r, NOW), toSeconds(await slaTargets()), NOW, 0, 0);
    const [left] = await q<{ marks: number; deltas: number }>(`SELECT
      (SELECT count(*) FROM mukhbir_internal.dash_dirty WHERE "day" >= '2026-10-22' AND "day" < '2026-11-20')::int AS marks,
      (SELECT count(*) FROM mukhbir_internal.dash_delta WHERE "day" >= '2026-10-22' AND "day" < '2026-11-20')::int AS deltas`);
    if (rebuilt) expect(left).toEqual({ marks: 0, deltas: 0 });
    for (const r of RANGES) await checkRange(r, sla, at);
    await checkOfficers({ range: "30d" });
    await checkOfficers({ range: "custom", from: "2026-10-25", to: "2026-11-18" });
  }
}
const closedPast = (n = 0) =>
  db.tip
    .findMany({
      where: {
        status: "CLOSED",
        stationId: { in: [B, C] },
        receivedAt: { gte: ist("2026-10-25T00:00:00"), lt: ist("2026-11-19T00:00:00") },
      },
      orderBy: { receivedAt: "asc" },
      skip: n,
      take: 1,
    })
    .then((t) => t[0]);

describe("dashboard rollups stay exact through changes", () => {
  let sup: { id: string; role: "SUPERVISOR"; stationId: null; districtWide: false; ip: string };
  beforeAll(async () => {
    sup = {
      id: (await makeUser({ role: "SUPERVISOR", name: "Rollup Supervisor" })).id,
      role: "SUPERVISOR",
      stationId: null,
      districtWide: false,
      ip: "10.0.0.9",
    };
  });

  it("builds rollups, and reads them", async () => {
    await checkAll();
    const days = await q<{ day: string }>(`SELECT "day"::text AS day FROM mukhbir_internal.dash_day ORDER BY 1`);
    expect(days.length).toBeGreaterThan(20);
    await checkAll(); // the second read comes from the rollups
  });

  it("reopen, edit, close, merge, claim and reassign", async () => {
    const x = await closedPast(0);
    await reopenTip(sup, x.ref);
    await checkAll();
    await updateTipField(sup, x.ref, { field: "category", value: "NARCOTICS" });
    await updateTipField(sup, x.ref, { field: "station", value: C });
    await updateTipField(sup, x.ref, { field: "priority", value: "URGENT" });
    await closeTip(sup, x.ref, { outcome: "ARREST_MADE", summary: "closed again in the test" });
    await checkAll();
    const y = await closedPast(3);
    const z = await closedPast(6);
    await mergeTip(sup, y.ref, { into: z.ref });
    await checkAll();
    const open = await db.tip.findFirst({
      where: { status: "NEW", receivedAt: { lt: ist("2026-11-19T00:00:00") } },
      select: { id: true },
    });
    if (open) await claimTip({ id: o1, role: "OFFICER", stationId: null, districtWide: true, ip: "10.0.0.8" }, open.id);
    const held = await db.tip.findFirst({ where: { status: "IN_PROGRESS", assigneeId: o1 }, select: { id: true } });
    if (held) await assignTip(sup, held.id, o2);
    await checkAll();
    // A closed tip's assignee changed directly (as an admin fix would): the trigger marks its day.
    const w = await closedPast(9);
    await db.tip.update({ where: { id: w.id }, data: { assigneeId: w.assigneeId === o1 ? o2 : o1 } });
    await checkAll();
  });

  const dirtyMarks = async () =>
    (await q<{ n: number }>(`SELECT count(*)::int AS n FROM mukhbir_internal.dash_dirty`))[0].n;
  const deltas = async (day?: string) =>
    (
      await q<{ n: number }>(
        `SELECT count(*)::int AS n FROM mukhbir_internal.dash_delta ${day ? `WHERE "day" = '${day}'` : ""}`,
      )
    )[0].n;
  const rebuild = async () => {
    for (const r of RANGES) await refreshRange(parseFilters(r, NOW), toSeconds(await slaTargets()), NOW, 0, 0);
  };
  const clean = async (day: string) =>
    (
      await q<{ ok: boolean }>(
        `SELECT EXISTS (SELECT 1 FROM mukhbir_internal.dash_day WHERE "day" = '${day}') AND NOT EXISTS (SELECT 1 FROM mukhbir_internal.dash_dirty WHERE "day" = '${day}') AS ok`,
      )
    )[0].ok;

  it("open tips of past days come from the rollups and cross their resolution target between two reads", async () => {
    // Answered in time, still open: NORMAL (72 h) received 11-17 14:00 and HIGH (24 h) received 11-19 13:00
    // are breached from 11-20 14:00 and 13:00 — after NOW (12:00), before NOW + 4 h.
    const r1 = ist("2026-11-17T14:00:00"),
      r2 = ist("2026-11-19T13:00:00");
    await tip({
      stationId: B,
      priority: "NORMAL",
      receivedAt: r1,
      firstResponseAt: plus(r1, 10 * min),
      status: "IN_PROGRESS",
      assigneeId: o1,
    });
    await tip({
      stationId: B,
      priority: "HIGH",
      receivedAt: r2,
      firstResponseAt: plus(r2, 5 * min),
      status: "WAITING_INFORMANT",
      assigneeId: o2,
    });
    await checkAll();
    expect(await clean("2026-11-17")).toBe(true);
    expect(await clean("2026-11-19")).toBe(true);
    const later = plus(NOW, 4 * 60 * min);
    for (const r of RANGES) await checkRange(r, SLA, later);
    await checkOfficers({ range: "30d" });
    const before = await checkRange({ range: "7d", station: "B" }, SLA, NOW);
    const after = await checkRange({ range: "7d", station: "B" }, SLA, later);
    expect(after.breached - before.breached).toBeGreaterThanOrEqual(2);
    expect(await clean("2026-11-17")).toBe(true); // crossing the target needed no rebuild
  });

  it("closing a long-open tip, reopening it, and a move between open statuses", async () => {
    const old = await db.tip.findFirstOrThrow({
      where: {
        status: { in: ["NEW", "IN_PROGRESS", "WAITING_INFORMANT"] },
        stationId: B,
        receivedAt: { lt: ist("2026-11-10T00:00:00"), gte: ist("2026-10-25T00:00:00") },
      },
      orderBy: { receivedAt: "asc" },
    });
    await rebuild();
    await closeTip(sup, old.ref, { outcome: "FIR_REGISTERED", summary: "closed after weeks in the test" });
    await checkAll();
    await reopenTip(sup, old.ref);
    await checkAll();
    // NEW / IN_PROGRESS / WAITING_INFORMANT look the same to every figure: no mark, no delta, nothing to rebuild.
    await rebuild();
    const [marks, changes] = [await dirtyMarks(), await deltas()];
    const moved = await db.tip.findFirstOrThrow({
      where: { status: "IN_PROGRESS", receivedAt: { lt: ist("2026-11-19T00:00:00") } },
    });
    await db.tip.update({ where: { id: moved.id }, data: { status: "WAITING_INFORMANT" } });
    expect([await dirtyMarks(), await deltas()]).toEqual([marks, changes]);
    await checkAll();
  });

  it("a changed tip of a built day leaves its old and new state as deltas; the day stays clean and exact", async () => {
    await rebuild();
    const x = await closedPast(12);
    const day = istDay(x.receivedAt);
    const marks = await dirtyMarks();
    await reopenTip(sup, x.ref);
    await updateTipField(sup, x.ref, { field: "priority", value: x.priority === "URGENT" ? "LOW" : "URGENT" });
    expect(await deltas(day)).toBe(4); // -closed +reopened, -old priority +new
    expect(await dirtyMarks()).toBe(marks);
    expect(await clean(day)).toBe(true);
    for (const r of RANGES) await checkRange(r);
    await checkOfficers({ range: "30d" });
    // A read below the threshold leaves the deltas; at it, the day is rebuilt and they are folded in.
    await refreshRange(parseFilters({ range: "30d" }, NOW), toSeconds(await slaTargets()), NOW, 0, 5);
    expect(await deltas(day)).toBe(4);
    await refreshRange(parseFilters({ range: "30d" }, NOW), toSeconds(await slaTargets()), NOW, 0, 4);
    expect(await deltas(day)).toBe(0);
    await checkAll();
  });

  it("a delta that replaces a value inside the bucket holding a percentile's rank (multiset difference)", async () => {
    // 100 s and 102 s share a value bucket at both resolutions (1 + floor(ln(v)·32) = 148, ·8 = 37).
    const D = (await makeStation()).id;
    const at = ist("2026-11-05T10:00:00");
    const tips = [];
    for (const s of [60, 100, 600])
      tips.push(
        await tip({
          stationId: D,
          receivedAt: at,
          firstResponseAt: plus(at, s * 1000),
          status: "IN_PROGRESS",
          assigneeId: o1,
        }),
      );
    const f = parseFilters({ range: "custom", from: "2026-11-01", to: "2026-11-10", station: D }, NOW);
    await refreshRange(f, toSeconds(await slaTargets()), NOW, 0, 0);
    expect((await getTiles(f, NOW)).firstResponseMedian).toBe(100);
    await db.tip.update({ where: { id: tips[1].id }, data: { firstResponseAt: plus(at, 102_000) } });
    expect(await clean("2026-11-05")).toBe(true);
    expect(await deltas("2026-11-05")).toBe(2);
    const tiles = await getTiles(f, NOW);
    expect(tiles.firstResponseMedian).toBe(102);
    expect(tiles.firstResponseMedian).toBe((await expectedTiles(f)).firstResponseMedian);
    expect((await getOfficerStats(f)).find((r) => r.id === o1)?.firstResponseMedian).toBe(102);
  });

  it("a bulk import of a past day marks the day instead of writing a delta per tip", async () => {
    await rebuild();
    const [marks, changes] = [await dirtyMarks(), await deltas()];
    const informantId = (await db.informant.findFirstOrThrow({ select: { id: true } })).id;
    const at = ist("2026-11-11T10:00:00");
    await db.tip.createMany({
      data: Array.from({ length: 201 }, (_, i) => ({
        ref: `BULK-${i}`,
        year: 2026,
        seq: 900_000 + i,
        channel: "VOICE" as const,
        informantId,
        stationId: B,
        receivedAt: at,
        lastActivityAt: at,
        lastInboundAt: at,
        updatedAt: at,
      })),
    });
    expect(await dirtyMarks()).toBe(marks + 1);
    expect(await deltas()).toBe(changes);
    expect(await clean("2026-11-11")).toBe(false);
    await checkAll();
  });

  it("a tip arriving for a past day leaves one delta; one arriving now (the ingest path) writes nothing", async () => {
    await rebuild();
    const marks = await dirtyMarks();
    await tip({ stationId: C, priority: "LOW", receivedAt: ist("2026-11-12T09:00:00") }); // unanswered, long past its targets
    expect(await deltas("2026-11-12")).toBe(1);
    expect(await dirtyMarks()).toBe(marks);
    expect(await clean("2026-11-12")).toBe(true);
    await checkAll();
    const before = [await dirtyMarks(), await deltas()];
    const nearMidnight = istDay(Date.now() + 12 * min) !== istDay(Date.now());
    const fresh = await tip({ stationId: C, receivedAt: new Date() });
    if (!nearMidnight) expect([await dirtyMarks(), await deltas()]).toEqual(before);
    // Claiming it changes today's tip: no delta (its "claimed" event marks today, which is never built).
    await claimTip({ id: o1, role: "OFFICER", stationId: null, districtWide: true, ip: "10.0.0.8" }, fresh.id);
    if (!nearMidnight) expect(await deltas()).toBe(before[1]);
  });

  it("a day with more values than a segment holds, merged into its week; a week stays out of reads until merged again", async () => {
    await rebuild();
    // 2,600 closed tips of one past day (a bulk import): the day's first responses span segments.
    const informantId = (await db.informant.findFirstOrThrow({ select: { id: true } })).id;
    const day = "2026-11-13";
    await db.tip.createMany({
      data: Array.from({ length: 2600 }, (_, i) => {
        const at = ist(`${day}T${String(i % 24).padStart(2, "0")}:${String(i % 60).padStart(2, "0")}:00`);
        return {
          ref: `SEG-${i}`,
          year: 2026,
          seq: 800_000 + i,
          channel: "WHATSAPP" as const,
          informantId,
          stationId: i % 3 ? B : C,
          category: "NARCOTICS" as const,
          status: "CLOSED" as const,
          outcome: "ACTIONED" as const,
          assigneeId: i % 2 ? o1 : o2,
          receivedAt: at,
          firstResponseAt: plus(at, ((i * 7919) % 20_000) * 1000),
          closedAt: plus(at, ((i * 104_729) % 200_000) * 1000 + 30 * min),
          lastActivityAt: at,
          lastInboundAt: at,
          updatedAt: at,
        };
      }),
    });
    await rebuild();
    const [seg] = await q<{ n: number }>(
      `SELECT count(*)::int AS n FROM mukhbir_internal.dash_rollup WHERE "day" = '${day}' AND "lvl" = 0 AND "g" = 'fr'`,
    );
    expect(seg.n).toBeGreaterThan(2);
    const monday = "2026-11-09";
    const current = `(SELECT w."built" = ARRAY(SELECT d."built_at" FROM mukhbir_internal.dash_day d WHERE d."day" BETWEEN w."day" AND w."day" + 6 ORDER BY d."day") FROM mukhbir_internal.dash_week w WHERE w."day" = '${monday}')`;
    expect((await q<{ ok: boolean }>(`SELECT ${current} AS ok`))[0].ok).toBe(true);
    await checkAll();
    // A tip of that day changed and the day rebuilt, its week not merged again (within its wait):
    // reads take the week's days one by one until it is.
    const x = await db.tip.findFirstOrThrow({ where: { ref: "SEG-7" }, select: { id: true } });
    await db.tip.update({ where: { id: x.id }, data: { assigneeId: null } });
    for (const r of RANGES)
      await refreshRange(parseFilters(r, NOW), toSeconds(await slaTargets()), NOW, 0, 0, 3_600_000);
    expect(await clean(day)).toBe(true);
    expect((await q<{ ok: boolean }>(`SELECT ${current} AS ok`))[0].ok).toBe(false);
    for (const r of RANGES) await checkRange(r);
    await checkOfficers({ range: "30d" });
    await checkAll();
    expect((await q<{ ok: boolean }>(`SELECT ${current} AS ok`))[0].ok).toBe(true);
  });

  it("a new SLA target rebuilds the breach counts", async () => {
    const sla = {
      ...DEFAULT_SLA,
      firstResponse: { ...DEFAULT_SLA.firstResponse, NORMAL: 30 },
      resolution: { ...DEFAULT_SLA.resolution, LOW: 48 * 60 },
    };
    await saveSlaTargets(sup, sla);
    try {
      await checkAll(toSeconds(sla));
    } finally {
      await saveSlaTargets(sup, DEFAULT_SLA);
    }
    await checkAll();
  });
});
