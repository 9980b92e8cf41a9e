// The view counts come from trigger-maintained counters (ADR 0302). After every kind of change a
// tip can go through — by the real webhook, claim, assign, bulk and single verbs, hand-over,
// station moves — each viewer's counts must equal a direct count(*) of each view's own condition,
// also for "Breaching SLA" at instants that put tips on both sides of an hour's cutoff, and across
// folds of the change rows.
import { beforeAll, describe, expect, it } from "vitest";
import { db, raw } from "../db";
import { envelope, inbound } from "../ingest/testing/meta-fixtures";
import { makeInformant, makeStation, makeTip, makeUser } from "../testing/factories";
import { DEFAULT_SLA, type SlaTargets } from "../sla/targets";
import { checkInvariants } from "../testing/system/database";
import { noteFirstResponse } from "../sla/first-response";
import { claimTip } from "../tips/claim-tip";
import { assignTip } from "../tips/assign-tip";
import { bulkAssign } from "../tips/bulk-assign";
import { bulkClose } from "../tips/bulk-close";
import { bulkSetField } from "../tips/bulk-set-field";
import { closeTip } from "../tips/close-tip";
import { reopenTip } from "../tips/reopen-tip";
import { mergeTip } from "../tips/merge-tip";
import { handOverShift } from "../tips/hand-over-shift";
import { updateTipField } from "../tips/update-tip-field";
import { setInformantBlocked } from "../tips/block-informant";
import type { ChangeActor } from "../tips/record-change";
import type { Viewer } from "../auth/scope";
import { countViews, FOLD_AFTER, type ViewCounts } from "./count-views";
import { foldViewCounts } from "./fold-view-counts";
import { whereClause } from "./conditions";
import { COUNTED_VIEWS, parseQueueParams } from "./params";
import { postMetaRaw } from "../ingest/testing/post-meta";

const as = (u: { id: string; role: "OFFICER" | "SUPERVISOR" | "ADMIN"; stationId: string | null }): ChangeActor => ({
  id: u.id,
  role: u.role,
  stationId: u.stationId,
  districtWide: !u.stationId,
  ip: null,
});
let n = 0;
const phone = () => `9196${String(process.pid % 1000).padStart(3, "0")}${String(++n).padStart(5, "0")}`;

async function post(from: string, text: string) {
  const body = JSON.stringify(envelope([inbound({ wa_id: from }, [{ type: "text", text: { body: text } }])]));
  const res = await postMetaRaw(body);
  expect(res.status).toBe(200);
  return db.tip.findFirstOrThrow({ where: { messages: { some: { body: text } } }, select: { id: true, ref: true } });
}

async function direct(viewer: Viewer, now: Date, targets: SlaTargets = DEFAULT_SLA): Promise<ViewCounts> {
  const ctx = { viewer, targets, now };
  const out = {} as ViewCounts;
  for (const view of COUNTED_VIEWS) {
    const [r] = await db.$queryRaw<
      { n: bigint | number }[]
    >`SELECT count(*) AS n FROM "Tip" t WHERE ${whereClause(parseQueueParams({ view }), ctx)}`;
    out[view as keyof ViewCounts] = Number(r.n);
  }
  return out;
}

describe("countViews from counters", () => {
  let stationA: string;
  let stationB: string;
  let oA: ChangeActor;
  let oB: ChangeActor;
  let sup: ChangeActor;
  const viewers = () => [oA, oB, sup];

  /** Every viewer's counts equal the direct counts at the given instants (default: now, and later
   * when un-responded normal tips breach but responded ones do not, and when all of them do). */
  async function expectExact(
    label: string,
    instants: Date[] = [0, 2, 80].map((h) => new Date(Date.now() + h * 3_600_000)),
    targets: SlaTargets = DEFAULT_SLA,
  ) {
    for (const now of instants)
      for (const viewer of viewers()) {
        const got = await countViews({ viewer, targets, now });
        expect(got, `${label}: ${viewer.role} ${viewer.stationId ?? "all"} at ${now.toISOString()}`).toEqual(
          await direct(viewer, now, targets),
        );
      }
  }

  beforeAll(async () => {
    stationA = (await makeStation()).id;
    stationB = (await makeStation()).id;
    oA = as(await makeUser({ stationId: stationA }));
    oB = as(await makeUser({ stationId: stationB }));
    sup = as(await makeUser({ role: "SUPERVISOR" }));
  });

  it("match a direct count after ingest and every queue and tip verb", async () => {
    const from = [phone(), phone(), phone(), phone(), phone()];
    const t: { id: string; ref: string }[] = [];
    for (let i = 0; i < from.length; i++) t.push(await post(from[i], `count views tip ${i}`));
    await expectExact("new tips by webhook");
    expect(await post(from[0], `follow-up of tip 0`)).toEqual(t[0]);
    await expectExact("follow-up message");

    await updateTipField(sup, t[0].ref, { field: "station", value: stationA });
    await updateTipField(sup, t[1].ref, { field: "station", value: stationA });
    await updateTipField(sup, t[2].ref, { field: "station", value: stationB });
    await expectExact("station set");
    await claimTip(oA, t[0].id);
    await expectExact("claim");
    await claimTip(oA);
    await expectExact("claim oldest");
    await assignTip(sup, t[2].id, oB.id);
    await expectExact("assign");
    await updateTipField(sup, t[2].ref, { field: "status", value: "WAITING_INFORMANT" });
    await updateTipField(sup, t[1].ref, { field: "priority", value: "URGENT" });
    await expectExact("status and priority");
    await bulkAssign(sup, [t[3].id, t[4].id], oB.id);
    await expectExact("bulk assign");
    await handOverShift(sup, oB.id, oA.id);
    await expectExact("hand-over");
    await updateTipField(sup, t[3].ref, { field: "station", value: stationB });
    await updateTipField(sup, t[4].ref, { field: "station", value: null });
    await expectExact("station moved and cleared");
    await db.$transaction((tx) => noteFirstResponse(tx, t[4].id));
    await expectExact("first response by reply");
    await bulkSetField(sup, [t[0].id, t[3].id], { field: "priority", value: "LOW" });
    await expectExact("bulk priority");
    await bulkClose(oA, [t[0].id, t[1].id], { outcome: "SPAM_ABUSE", summary: "Promotional spam" });
    await expectExact("bulk close");
    await reopenTip(sup, t[1].ref);
    await expectExact("reopen");
    await closeTip(sup, t[2].ref, { outcome: "ACTIONED", summary: "Raid conducted, case registered" });
    await expectExact("close");
    await mergeTip(sup, t[3].ref, { into: t[1].ref });
    await expectExact("merge");
    await setInformantBlocked(sup, t[4].ref, { blocked: true, reason: "abuse" });
    const flagged = await post(from[4], `blocked informant writes again`);
    expect(flagged).toEqual(t[4]);
    await bulkAssign(sup, [t[4].id], null);
    await expectExact("blocked informant's message, unassigned");
  });

  it("count Breaching SLA exactly on both sides of each clock's cutoff hour", async () => {
    const now = new Date("2026-11-30T10:17:30Z");
    const at = (minutesBefore: number) => new Date(now.getTime() - minutesBefore * 60_000);
    // Around the first-response targets (5, 15, 60, 240 min) and resolution targets (4 h … 7 d),
    // for both clocks, in both stations; some exactly on a cutoff.
    const ages = [
      1,
      4,
      5,
      6,
      14,
      15.5,
      16,
      59,
      60,
      61,
      200,
      239,
      241,
      300,
      60 * 23.9,
      60 * 24,
      60 * 24.2,
      60 * 71,
      60 * 72.1,
      60 * 24 * 6.9,
      60 * 24 * 7.05,
      60 * 24 * 30,
    ];
    const priorities = ["URGENT", "HIGH", "NORMAL", "LOW"] as const;
    let i = 0;
    for (const age of ages)
      for (const priority of priorities) {
        const responded = i % 2 === 0;
        const stationId = [stationA, stationB, null][i++ % 3];
        await makeTip({
          receivedAt: at(age),
          priority,
          stationId,
          status: responded ? "IN_PROGRESS" : "NEW",
          assigneeId: responded ? oA.id : null,
          firstResponseAt: responded ? at(age - 0.5) : null,
        });
      }
    const later = (m: number) => new Date(now.getTime() + m * 60_000);
    await expectExact("breaching", [
      now,
      later(0.5),
      later(3),
      later(44),
      later(61),
      later(60 * 5),
      later(60 * 50),
      later(60 * 24 * 8),
    ]);
    const counts = await countViews({ viewer: sup, targets: DEFAULT_SLA, now });
    expect(counts.breaching).toBeGreaterThan(0);
    expect(counts.breaching).toBeLessThan(counts.open);
  });

  it("stays exact when the change rows are folded, by hand and by a read past FOLD_AFTER", async () => {
    // Change rows of its own to fold (whatever other tests left): new tips in each station and
    // none, one claimed, one assigned and answered, one closed.
    const informant = await makeInformant();
    const [a, b, c] = [
      await makeTip({ informantId: informant.id, stationId: stationA }),
      await makeTip({ informantId: informant.id, stationId: stationB, priority: "HIGH" }),
      await makeTip({ informantId: informant.id }),
    ];
    await claimTip(oA, a.id);
    await assignTip(sup, b.id, oB.id);
    await db.$transaction((tx) => noteFirstResponse(tx, b.id));
    await closeTip(sup, c.ref, { outcome: "ACTIONED", summary: "Raid conducted, case registered" });
    const [{ pending }] = await raw().query<{ pending: number }>(
      `SELECT count(*)::int AS pending FROM mukhbir_internal.tip_view_count WHERE NOT folded`,
    );
    expect(pending).toBeGreaterThan(0);
    await expectExact("before the hand fold", [new Date()]);
    expect(await foldViewCounts()).toBe(true);
    const [{ unfolded }] = await raw().query<{ unfolded: number }>(
      `SELECT ((SELECT count(*) FROM mukhbir_internal.tip_view_count WHERE NOT folded) + (SELECT count(*) FROM mukhbir_internal.tip_clock_count WHERE NOT folded))::int AS unfolded`,
    );
    expect(unfolded).toBe(0);
    await expectExact("folded", [new Date(), new Date("2026-11-30T10:17:30Z")]);

    // Enough open tips at once (a bulk insert fires the same trigger) to pass FOLD_AFTER …
    await raw().query(
      `INSERT INTO "Tip" ("id", "ref", "year", "seq", "channel", "informantId", "stationId", "priority", "receivedAt", "updatedAt")
       SELECT gen_random_uuid(), 'EM-2020-' || lpad(g::text, 6, '0'), 2020, g, 'WHATSAPP', $1::uuid,
              CASE WHEN g % 2 = 0 THEN $2::uuid END, (ARRAY['URGENT','HIGH','NORMAL','LOW'])[1 + g % 4]::"Priority", now() - g * interval '7 minutes', now()
       FROM generate_series(1, $3::int) g`,
      [informant.id, stationA, FOLD_AFTER],
    );
    // … and the next read folds them after counting.
    await expectExact("before the fold", [new Date()]);
    const [{ left }] = await raw().query<{ left: number }>(
      `SELECT count(*)::int AS left FROM mukhbir_internal.tip_view_count WHERE NOT folded`,
    );
    expect(left).toBe(0);
    await expectExact("after the fold", [new Date(), new Date(Date.now() + 3 * 3_600_000)]);
  });
  it("sums clock rows older than the longest target into one row per station and clock, and stays exact (ADR 0814)", async () => {
    // Open tips received over the last ~60 days, answered and not, of every priority, in both stations and none.
    const informant = await makeInformant();
    await raw().query(
      `INSERT INTO "Tip" ("id", "ref", "year", "seq", "channel", "informantId", "stationId", "priority", "status", "firstResponseAt", "receivedAt", "updatedAt")
       SELECT gen_random_uuid(), 'EM-2019-' || lpad(g::text, 6, '0'), 2019, g, 'WHATSAPP', $1::uuid,
              (ARRAY[$2::uuid, $3::uuid, NULL])[1 + g % 3], (ARRAY['URGENT','HIGH','NORMAL','LOW'])[1 + (g / 2) % 4]::"Priority",
              CASE WHEN g % 2 = 0 THEN 'IN_PROGRESS' ELSE 'NEW' END::"TipStatus",
              CASE WHEN g % 2 = 0 THEN now() - g * interval '5 hours 7 minutes' + interval '3 minutes' END,
              now() - g * interval '5 hours 7 minutes', now()
       FROM generate_series(1, 280) g`,
      [informant.id, stationA, stationB],
    );
    const now = new Date();
    expect(await foldViewCounts(DEFAULT_SLA, now)).toBe(true);
    // The longest default target is 7 days: the horizon is the UTC day 8 days back.
    const [rows] = await raw().query<{ summaries: number; older: number; recent: number }>(
      `SELECT count(*) FILTER (WHERE "hour" = '-infinity')::int AS summaries,
              count(*) FILTER (WHERE "hour" <> '-infinity' AND "hour" < $1::timestamptz - interval '9 days')::int AS older,
              count(*) FILTER (WHERE "hour" >= $1::timestamptz - interval '8 days')::int AS recent
       FROM mukhbir_internal.tip_clock_count`,
      [now],
    );
    expect(rows.summaries).toBeGreaterThan(0);
    expect(rows.older).toBe(0);
    expect(rows.recent).toBeGreaterThan(0);
    expect(
      (await checkInvariants((sql, params) => raw().query(sql, params))).filter((m) => m.startsWith("clock")),
    ).toEqual([]);
    const hours = (h: number) => new Date(now.getTime() + h * 3_600_000);
    await expectExact("summed", [now, hours(2), hours(80), hours(24 * 20)]);
    // A target raised past the summary (LOW to be resolved in 40 days): that clock's cutoff falls
    // inside its summary, so its open tips are counted from "Tip", still exactly.
    const longer: SlaTargets = { ...DEFAULT_SLA, resolution: { ...DEFAULT_SLA.resolution, LOW: 40 * 24 * 60 } };
    await expectExact("a target raised past the summary", [now, hours(3)], longer);
    // A later fold adds changes to the summary instead of keeping their hours.
    const [old] = await raw().query<{ id: string }>(`SELECT "id" FROM "Tip" WHERE "ref" = 'EM-2019-000200'`);
    await raw().query(`UPDATE "Tip" SET "status" = 'CLOSED', "closedAt" = now() WHERE "id" = $1`, [old.id]);
    expect(await foldViewCounts(DEFAULT_SLA, now)).toBe(true);
    const [after] = await raw().query<{ older: number }>(
      `SELECT count(*) FILTER (WHERE "hour" <> '-infinity' AND "hour" < $1::timestamptz - interval '9 days')::int AS older FROM mukhbir_internal.tip_clock_count`,
      [now],
    );
    expect(after.older).toBe(0);
    await expectExact("closed inside the summary", [now, hours(2)]);
  });
});
