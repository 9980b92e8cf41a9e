// One SLA rule, two forms (ADR 0030): the TypeScript rule (lib/sla/rule.ts, which the queue's cells
// and the tip page's timer show through computeSla) and its SQL (mukhbir_internal.sla_breached and
// sla_window, which the queue's "Breaching SLA" view and count and the dashboard's figure use) give
// the same verdict for every tip at every instant: tips on each side of every target by a
// millisecond and exactly on it, for every priority, answered or not, closed or not, reopened,
// re-prioritised, closed and merged by the app's own verbs; read live and from the dashboard's day
// rollups; under the default targets and under odd ones (fractional minutes, resolution shorter
// than first response).
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../db";
import { makeStation, makeTip, makeUser } from "../testing/factories";
import type { Priority, TipStatus } from "../generated/prisma/enums";
import type { Viewer } from "../auth/scope";
import { parseQueueParams } from "../queue/params";
import { listQueue } from "../queue/list-queue";
import { countViews } from "../queue/count-views";
import { parseFilters } from "../dashboard/filters";
import { getTiles } from "../dashboard/tiles";
import { reopenTip } from "../tips/reopen-tip";
import { updateTipField } from "../tips/update-tip-field";
import { closeTip } from "../tips/close-tip";
import { mergeTip } from "../tips/merge-tip";
import { istMidnight, MINUTE_MS } from "../time/ist";
import { computeSla } from "./compute";
import { slaBreached, slaOverdue, slaSeconds, slaWindow, type SlaSeconds } from "./rule";
import { breachedSql, overdueSql } from "./sql";
import { saveSlaTargets, slaTargets } from "./settings";
import { DEFAULT_SLA, PRIORITIES, parseSlaTargets, type SlaTargets } from "./targets";

const ODD = parseSlaTargets({
  firstResponse: { URGENT: 2.5, HIGH: 30, NORMAL: 120, LOW: 240 },
  resolution: { URGENT: 1, HIGH: 20, NORMAL: 90, LOW: 7 * 24 * 60 },
  dueSoonFraction: 0.5,
});
const T0 = istMidnight("2026-11-10").getTime() + 10 * 60 * MINUTE_MS; // 10:00 IST
const DAYS = { from: "2026-11-09", to: "2026-11-13" };

type Row = {
  id: string;
  ref: string;
  status: TipStatus;
  priority: Priority;
  receivedAt: Date;
  firstResponseAt: Date | null;
  closedAt: Date | null;
};

let station: string;
let viewer: Viewer;
let sup: Viewer & { ip: string };

/** For each priority, tips on both sides of (and exactly on) each target of `secs`, received a minute apart. */
async function seed(secs: SlaSeconds, start: number, stationId = station) {
  let i = 0;
  const made: Record<string, string> = {};
  for (const p of PRIORITIES) {
    const fr = secs.firstResponse[p] * 1000,
      res = secs.resolution[p] * 1000;
    const cases: Record<string, { fr?: number; closed?: number }> = {
      unanswered: {},
      answeredOnTarget: { fr },
      answeredLate: { fr: fr + 1 },
      answeredEarly: { fr: fr - 1 },
      closedUnansweredOnTarget: { closed: fr },
      closedUnansweredLate: { closed: fr + 1 },
      closedOnTarget: { fr: 1000, closed: res },
      closedLate: { fr: 1000, closed: res + 1 },
      lateAnswerClosedInTime: { fr: fr + 1, closed: Math.max(res, fr + 2) },
      toReopen: { fr: 1000, closed: res + 1 },
      toReprioritise: { fr: 20 * MINUTE_MS },
      toClose: { fr: 1000 },
    };
    for (const [name, c] of Object.entries(cases)) {
      const r = start + i++ * 7 * MINUTE_MS;
      const tip = await makeTip({
        stationId,
        priority: p,
        receivedAt: new Date(r),
        firstResponseAt: c.fr === undefined ? null : new Date(r + c.fr),
        closedAt: c.closed === undefined ? null : new Date(r + c.closed),
        status: c.closed !== undefined ? "CLOSED" : c.fr !== undefined ? "IN_PROGRESS" : "NEW",
        outcome: c.closed !== undefined ? "ACTIONED" : null,
      });
      made[`${p}:${name}`] = tip.ref;
    }
  }
  return made;
}

const tips = (stationId: string) =>
  db.tip.findMany({
    where: { stationId },
    select: {
      id: true,
      ref: true,
      status: true,
      priority: true,
      receivedAt: true,
      firstResponseAt: true,
      closedAt: true,
    },
    orderBy: { receivedAt: "asc" },
  });

/** Instants on both sides of every due point of every tip, and a few beyond. */
function instants(rows: Row[], secs: SlaSeconds): Date[] {
  const out = new Set<number>();
  for (const t of rows) {
    const r = t.receivedAt.getTime();
    const w = slaWindow(!!t.firstResponseAt, secs.firstResponse[t.priority], secs.resolution[t.priority]) * 1000;
    for (const due of [r + secs.firstResponse[t.priority] * 1000, r + secs.resolution[t.priority] * 1000, r + w])
      out.add(due).add(due + 1);
  }
  // Sampled to keep the run short, but always with the first, the last and both sides of some dues.
  const all = [...out].sort((a, b) => a - b);
  const pick = all.filter((_, k) => k % 5 === 0 || k % 5 === 1);
  return [T0 - 60 * MINUTE_MS, ...pick, all[all.length - 1] + 1, T0 + 30 * 24 * 60 * MINUTE_MS].map((x) => new Date(x));
}

/** A station's tips and an officer bound to it, who sees only them. */
async function stationWithOfficer(): Promise<{ station: string; viewer: Viewer }> {
  const id = (await makeStation()).id;
  const officer = await makeUser({ stationId: id, districtWide: false });
  return { station: id, viewer: { id: officer.id, role: "OFFICER", stationId: id, districtWide: false } };
}

async function expectAgreement(targets: SlaTargets, label: string, scope = { station, viewer }) {
  const { station, viewer } = scope;
  const secs = slaSeconds(targets);
  const rows = await tips(station);
  const f = (now: Date) => parseFilters({ range: "custom", ...DAYS, station }, now);
  for (const now of instants(rows, secs)) {
    const at = `${label} at ${now.toISOString()}`;
    const ts = new Map(
      rows.map((t) => [
        t.id,
        { breached: slaBreached(t, secs, now.getTime()), overdue: slaOverdue(t, secs, now.getTime()) },
      ]),
    );
    // The SQL functions, tip by tip.
    const sql = await db.$queryRaw<{ id: string; breached: boolean; overdue: boolean }[]>`
      SELECT t."id", ${breachedSql(secs, now)} AS "breached", ${overdueSql(secs, now)} AS "overdue" FROM "Tip" t WHERE t."stationId" = ${station}::uuid`;
    expect(new Map(sql.map((s) => [s.id, { breached: s.breached, overdue: s.overdue }])), at).toEqual(ts);
    // What the tip page and the queue's cells show: closed tips met exactly when not breached.
    for (const t of rows) {
      const shown = computeSla(t, targets, now.getTime());
      const want = ts.get(t.id)!;
      expect([t.ref, shown.breached, shown.state === "met", shown.state === "breached" && !t.closedAt], at).toEqual([
        t.ref,
        want.breached,
        !!t.closedAt && !want.breached,
        want.overdue,
      ]);
    }
    // The queue's "Breaching SLA" view and its counter-based count, and every row's own timer.
    const ctx = { viewer, targets, now };
    const overdue = rows
      .filter((t) => ts.get(t.id)!.overdue)
      .map((t) => t.ref)
      .sort();
    const page = await listQueue(parseQueueParams({ view: "breaching", size: "100" }), ctx);
    expect(page.rows.map((r) => r.ref).sort(), at).toEqual(overdue);
    expect(
      page.rows.every((r) => r.sla.state === "breached"),
      at,
    ).toBe(true);
    expect((await countViews(ctx)).breaching, at).toBe(overdue.length);
    const all = await listQueue(parseQueueParams({ view: "all", size: "100" }), ctx);
    for (const r of all.rows) expect([r.ref, r.sla.breached], at).toEqual([r.ref, ts.get(r.id)!.breached]);
    // The dashboard's figure: the same verdict over the range's tips (merged ones left out, ADR 0500).
    const tiles = await getTiles(f(now), now);
    expect(tiles.breached, at).toBe(rows.filter((t) => t.status !== "MERGED" && ts.get(t.id)!.breached).length);
  }
}

describe("the SLA rule in TypeScript and in SQL", () => {
  let made: Record<string, string>;
  beforeAll(async () => {
    ({ station, viewer } = await stationWithOfficer());
    sup = {
      id: (await makeUser({ role: "SUPERVISOR" })).id,
      role: "SUPERVISOR",
      stationId: null,
      districtWide: false,
      ip: "10.0.0.1",
    };
    made = await seed(slaSeconds(DEFAULT_SLA), T0);
  });

  it("agree on every tip at every instant around every target", async () => {
    expect(await slaTargets()).toEqual(DEFAULT_SLA);
    await expectAgreement(DEFAULT_SLA, "seeded");
  });

  it("agree after reopening, re-prioritising, closing and merging through the app's verbs", async () => {
    for (const p of PRIORITIES) {
      await reopenTip(sup, made[`${p}:toReopen`]);
      await updateTipField(sup, made[`${p}:toReprioritise`], {
        field: "priority",
        value: p === "URGENT" ? "LOW" : "URGENT",
      });
      await closeTip(sup, made[`${p}:toClose`], { outcome: "ACTIONED", summary: "closed by the agreement test" });
    }
    await mergeTip(sup, made["HIGH:unanswered"], { into: made["HIGH:answeredEarly"] });
    const reopened = await db.tip.findFirstOrThrow({ where: { ref: made["NORMAL:toReopen"] } });
    expect([reopened.status, reopened.closedAt]).toEqual(["NEW", null]);
    await expectAgreement(DEFAULT_SLA, "after verbs");
  });

  it("agree under other targets: fractional minutes, resolution shorter than first response", async () => {
    // The targets are one global setting: put back what was there, so the other tests (in any
    // order) still run under the defaults. Its tips live in a station of its own.
    const previous = await slaTargets();
    const own = await stationWithOfficer();
    await saveSlaTargets(sup, ODD);
    try {
      await seed(slaSeconds(ODD), T0 + 2 * 24 * 60 * MINUTE_MS, own.station);
      await expectAgreement(ODD, "odd targets", own);
      await expectAgreement(ODD, "odd targets on the tips seeded for the defaults");
    } finally {
      await saveSlaTargets(sup, previous);
    }
    expect(await slaTargets()).toEqual(previous);
  });
});
