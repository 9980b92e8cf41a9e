// The SP Crime's station figures (ADR 0610) against an independent SQL computation written here,
// over seeded requests on fresh stations (so other tests' rows never count): after the first read
// builds the past days' rollups, after changes to rolled-up days (read live, then rebuilt), and with
// the station filter. The independent SQL uses other formulations on purpose (IST dates by
// AT TIME ZONE, DISTINCT ON for the outcome, avg over intervals in minutes).
import { describe, it, expect, beforeAll } from "vitest";
import crypto from "node:crypto";
import { db } from "../db";
import { makeStation, makeUser, makeTip } from "../testing/factories";
import { parseFilters } from "./filters";
import { stationFigures, refreshStationDays, type StationFigure } from "./station-figures";
import type { ReportKind, RequestState } from "../generated/prisma/enums";

const NOW = new Date("2026-11-20T12:00:00+05:30");
const ist = (s: string) => new Date(`${s}+05:30`);
const MIN = 60_000;
const f = (stationId: string | null = null) =>
  parseFilters({ range: "custom", from: "2026-11-14", to: "2026-11-20", ...(stationId ? { station: stationId } : {}) });

let stations: string[] = [];
let author: string;
let tipId: string;

async function request(seed: {
  stationId: string;
  releasedAt: Date | null;
  ackAfter?: number;
  reportAfter?: number;
  dueAfter: number;
  kinds?: ReportKind[];
}) {
  const state: RequestState = seed.reportAfter
    ? "REPORTED"
    : seed.ackAfter
      ? "ACKNOWLEDGED"
      : seed.releasedAt
        ? "SENT"
        : "DRAFTED";
  const at = (m?: number) => (seed.releasedAt && m ? new Date(seed.releasedAt.getTime() + m * MIN) : null);
  const r = await db.actionRequest.create({
    data: {
      tipId,
      stationId: seed.stationId,
      state,
      priority: "HIGH",
      what: "seeded",
      instructions: "seeded",
      draftedById: author,
      releasedAt: seed.releasedAt,
      dueAt: new Date((seed.releasedAt ?? NOW).getTime() + seed.dueAfter * MIN),
      acknowledgedAt: at(seed.ackAfter ?? seed.reportAfter),
      reportedAt: at(seed.reportAfter),
    },
  });
  let t = seed.releasedAt?.getTime() ?? NOW.getTime();
  for (const kind of seed.kinds ?? []) {
    t += 7 * MIN;
    await db.actionReport.create({ data: { requestId: r.id, authorId: author, kind, createdAt: new Date(t) } });
  }
  return r;
}

type Expected = Omit<StationFigure, "ackMinutes" | "reportMinutes"> & {
  ackMinutes: number | null;
  reportMinutes: number | null;
};

/** The independent computation: IST dates by AT TIME ZONE, the outcome by DISTINCT ON, means by avg. */
async function independent(stationIds: string[], from: string, to: string, now: Date): Promise<Expected[]> {
  const rows = await db.$queryRawUnsafe<
    {
      sid: string;
      released: number;
      acked: number;
      ack_min: number | null;
      reported: number;
      rep_min: number | null;
      a: number;
      fir: number;
      arr: number;
      rec: number;
      nf: number;
      overdue: number;
    }[]
  >(
    `WITH mine AS (SELECT * FROM "ActionRequest" WHERE "stationId"::text = ANY($1::text[])),
     rq AS (SELECT m.*, (m."releasedAt" AT TIME ZONE 'Asia/Kolkata')::date AS d FROM mine m WHERE m."releasedAt" IS NOT NULL),
     last AS (SELECT DISTINCT ON (p."requestId") p."requestId", p."kind"::text AS kind FROM "ActionReport" p
              WHERE p."kind"::text <> 'ACKNOWLEDGED' ORDER BY p."requestId", p."createdAt" DESC, p."id" DESC),
     fig AS (
       SELECT rq."stationId"::text AS sid, count(*)::int AS released,
         count(*) FILTER (WHERE rq."acknowledgedAt" IS NOT NULL)::int AS acked,
         (avg(EXTRACT(EPOCH FROM rq."acknowledgedAt" - rq."releasedAt")) / 60)::float8 AS ack_min,
         count(*) FILTER (WHERE rq."reportedAt" IS NOT NULL)::int AS reported,
         (avg(EXTRACT(EPOCH FROM rq."reportedAt" - rq."releasedAt")) / 60)::float8 AS rep_min,
         count(*) FILTER (WHERE last.kind = 'ACTION_TAKEN')::int AS a,
         count(*) FILTER (WHERE last.kind = 'FIR_REGISTERED')::int AS fir,
         count(*) FILTER (WHERE last.kind = 'ARREST')::int AS arr,
         count(*) FILTER (WHERE last.kind = 'RECOVERY')::int AS rec,
         count(*) FILTER (WHERE last.kind = 'NOT_FOUND')::int AS nf
       FROM rq LEFT JOIN last ON last."requestId" = rq."id"
       WHERE rq.d >= $2::date AND rq.d <= $3::date GROUP BY 1),
     od AS (SELECT m."stationId"::text AS sid, count(*)::int AS overdue FROM mine m
            WHERE m."releasedAt" IS NOT NULL AND m."state"::text IN ('APPROVED', 'SENT', 'ACKNOWLEDGED') AND m."dueAt" < $4
            GROUP BY 1)
     SELECT COALESCE(fig.sid, od.sid) AS sid, COALESCE(released, 0) AS released, COALESCE(acked, 0) AS acked, ack_min,
       COALESCE(reported, 0) AS reported, rep_min, COALESCE(a, 0) AS a, COALESCE(fir, 0) AS fir, COALESCE(arr, 0) AS arr,
       COALESCE(rec, 0) AS rec, COALESCE(nf, 0) AS nf, COALESCE(overdue, 0) AS overdue
     FROM fig FULL JOIN od ON od.sid = fig.sid`,
    stationIds,
    from,
    to,
    now,
  );
  return rows
    .map((r) => ({
      stationId: r.sid,
      released: r.released,
      acked: r.acked,
      ackMinutes: r.ack_min === null ? null : Number(r.ack_min),
      reported: r.reported,
      reportMinutes: r.rep_min === null ? null : Number(r.rep_min),
      outcomes: { ACTION_TAKEN: r.a, FIR_REGISTERED: r.fir, ARREST: r.arr, RECOVERY: r.rec, NOT_FOUND: r.nf },
      overdueNow: r.overdue,
    }))
    .sort((a, b) => a.stationId.localeCompare(b.stationId));
}

/** Ours, restricted to this file's stations, in the same order; means compared to 9 places. */
async function compare(stationId: string | null = null) {
  const ours = (await stationFigures(f(stationId), NOW))
    .filter((r) => stations.includes(r.stationId))
    .sort((a, b) => a.stationId.localeCompare(b.stationId));
  const theirs = await independent(stationId ? [stationId] : stations, "2026-11-14", "2026-11-20", NOW);
  expect(ours.map((r) => r.stationId)).toEqual(theirs.map((r) => r.stationId));
  ours.forEach((o, i) => {
    const e = theirs[i];
    expect({ ...o, ackMinutes: null, reportMinutes: null }).toEqual({ ...e, ackMinutes: null, reportMinutes: null });
    for (const k of ["ackMinutes", "reportMinutes"] as const) {
      if (e[k] === null) expect(o[k]).toBeNull();
      else expect(o[k]).toBeCloseTo(e[k], 9);
    }
  });
  return ours;
}

const pick = <T>(xs: readonly T[]) => xs[crypto.randomInt(xs.length)];
const KINDS: ReportKind[] = ["ACTION_TAKEN", "FIR_REGISTERED", "ARREST", "RECOVERY", "NOT_FOUND"];

beforeAll(async () => {
  // Three for the random set, a fourth for the hand-checked pair alone.
  stations = [(await makeStation()).id, (await makeStation()).id, (await makeStation()).id, (await makeStation()).id];
  author = (await makeUser()).id;
  tipId = (await makeTip({ receivedAt: ist("2026-11-10T10:00:00") })).id;
  // A hand-checked pair at station 3 on 2026-11-16 (IST), one released 00:10 IST (the previous UTC day).
  await request({
    stationId: stations[3],
    releasedAt: ist("2026-11-16T00:10:00"),
    ackAfter: 30,
    reportAfter: 90,
    dueAfter: 120,
    kinds: ["ACKNOWLEDGED", "FIR_REGISTERED"],
  });
  await request({ stationId: stations[3], releasedAt: ist("2026-11-16T09:00:00"), ackAfter: 10, dueAfter: 60 });
  // Two the second test changes: one unacknowledged, one to move to another station.
  await request({ stationId: stations[0], releasedAt: ist("2026-11-17T08:00:00"), dueAfter: 60 });
  await request({ stationId: stations[2], releasedAt: ist("2026-11-15T20:00:00"), ackAfter: 3, dueAfter: 60 });
  // The rest at random over the week, today included (read live), some overdue now, some drafts.
  for (let i = 0; i < 36; i++) {
    const day = 14 + crypto.randomInt(7);
    const releasedAt =
      i % 9 === 0 ? null : ist(`2026-11-${day}T${String(crypto.randomInt(0, 12)).padStart(2, "0")}:17:00`);
    const acked = crypto.randomInt(3) > 0;
    const reported = acked && crypto.randomInt(2) > 0;
    await request({
      stationId: pick(stations.slice(0, 3)),
      releasedAt,
      ackAfter: acked ? 1 + crypto.randomInt(240) : undefined,
      reportAfter: reported ? 241 + crypto.randomInt(2000) : undefined,
      dueAfter: 30 + crypto.randomInt(3000),
      kinds: reported ? ["ACKNOWLEDGED", pick(KINDS), ...(crypto.randomInt(3) ? [] : [pick(KINDS)])] : [],
    });
  }
  // One released before the range: out of the figures, but overdue now.
  await request({ stationId: stations[1], releasedAt: ist("2026-11-01T10:00:00"), dueAfter: 60 });
});

describe("dashboard station figures", () => {
  it("match independent SQL once the past days are rolled up, by hand for one station's pair", async () => {
    const ours = await compare();
    // Every past day of the range is now built and clean; today never is.
    const built = await db.$queryRawUnsafe<{ day: string }[]>(
      `SELECT "day"::text AS day FROM mukhbir_internal.req_day_built WHERE "day" BETWEEN '2026-11-14' AND '2026-11-20'
       AND NOT EXISTS (SELECT 1 FROM mukhbir_internal.req_dirty x WHERE x."day" = req_day_built."day")`,
    );
    expect(built.map((b) => b.day)).not.toContain("2026-11-20");
    expect(await refreshStationDays(f(), NOW)).toEqual([]);
    // The hand pair: released 2, acknowledged after 30 and 10 min (mean 20), one report after 90 min, an FIR.
    expect(ours.find((r) => r.stationId === stations[3])).toEqual({
      stationId: stations[3],
      released: 2,
      acked: 2,
      ackMinutes: 20,
      reported: 1,
      reportMinutes: 90,
      outcomes: { ACTION_TAKEN: 0, FIR_REGISTERED: 1, ARREST: 0, RECOVERY: 0, NOT_FOUND: 0 },
      overdueNow: 1, // acknowledged, never reported, due an hour after release
    });
  });

  it("stay exact after rolled-up days change (read live, then rebuilt), and with the station filter", async () => {
    await compare();
    // Acknowledge and report an old, rolled-up request; move another to another station; report a third again.
    const open = await db.actionRequest.findFirstOrThrow({
      where: {
        stationId: { in: stations },
        state: "SENT",
        releasedAt: { gte: ist("2026-11-14T00:00:00"), lt: ist("2026-11-20T00:00:00") },
      },
    });
    await db.actionRequest.update({
      where: { id: open.id },
      data: { state: "REPORTED", acknowledgedAt: new Date(open.releasedAt!.getTime() + 5 * MIN), reportedAt: NOW },
    });
    await db.actionReport.create({ data: { requestId: open.id, authorId: author, kind: "ARREST", createdAt: NOW } });
    const moved = await db.actionRequest.findFirstOrThrow({
      where: {
        stationId: stations[2],
        releasedAt: { gte: ist("2026-11-14T00:00:00"), lt: ist("2026-11-20T00:00:00") },
      },
    });
    await db.actionRequest.update({ where: { id: moved.id }, data: { stationId: stations[1] } });
    const dirty = await db.$queryRawUnsafe<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM mukhbir_internal.req_dirty WHERE "day" = $1::date`,
      new Date(open.releasedAt!.getTime() + 5.5 * 3_600_000).toISOString().slice(0, 10),
    );
    expect(dirty[0].n).toBeGreaterThan(0);
    await compare(); // rebuilt by the read
    for (const s of stations) await compare(s);
  });
});
