import { describe, expect, it } from "vitest";
import { db } from "../db";
import { AppError } from "../errors";
import { makeInformant, makeStation, makeTip, makeUser } from "../testing/factories";
import { DEFAULT_SLA } from "../sla/targets";
import { closeTip } from "../tips/close-tip";
import { bulkClose } from "../tips/bulk-close";
import { reopenTip } from "../tips/reopen-tip";
import { listQueue } from "../queue/list-queue";
import { parseQueueParams } from "../queue/params";
import type { ChangeActor } from "../tips/record-change";
import { gradeTip } from "./grade-tip";
import { markAbusing } from "./mark-abusing";
import { tipGrading } from "./tip-grading";

type U = { id: string; role: "OFFICER" | "SUPERVISOR" | "ADMIN"; stationId: string | null };
const actorOf = (u: U): ChangeActor => ({
  id: u.id,
  role: u.role,
  stationId: u.stationId,
  districtWide: !u.stationId,
  ip: "10.0.0.9",
});
const supervisor = async () => actorOf(await makeUser({ role: "SUPERVISOR" }));
const close = (a: ChangeActor, ref: string, outcome: string) =>
  closeTip(a, ref, { outcome, summary: "closed by the grading test" });

/** The standing row against a recount of the alias's closed tips: the trigger's counters must equal it. */
async function standingAndRecount(informantId: string) {
  const row = await db.informantStanding.findUnique({ where: { informantId } });
  const tips = await db.tip.findMany({ where: { informantId }, select: { outcome: true } });
  const n = (...o: string[]) => tips.filter((t) => t.outcome && o.includes(t.outcome)).length;
  return {
    counters: { actioned: row?.actioned ?? 0, falseInfo: row?.falseInfo ?? 0, abuse: row?.abuse ?? 0 },
    recount: {
      actioned: n("ACTIONED", "FIR_REGISTERED", "ARREST_MADE", "RECOVERY_SEIZURE"),
      falseInfo: n("FALSE_INFORMATION"),
      abuse: n("SPAM_ABUSE"),
    },
  };
}

describe("informant standing", () => {
  it("follows every close, bulk close and reopen, and moves the suggested source grade", async () => {
    const sup = await supervisor();
    const informant = await makeInformant();
    const tips = await Promise.all([1, 2, 3, 4, 5].map(() => makeTip({ informantId: informant.id })));
    const [t1, t2, t3, t4, t5] = tips;
    expect((await tipGrading(sup, t5.id)).suggested).toEqual({ grade: "UNTESTED", basis: "untested" });

    await close(sup, t1.ref, "ARREST_MADE");
    await close(sup, t2.ref, "FIR_REGISTERED");
    await close(sup, t3.ref, "DUPLICATE");
    let s = await standingAndRecount(informant.id);
    expect(s.counters).toEqual({ actioned: 2, falseInfo: 0, abuse: 0 });
    expect(s.counters).toEqual(s.recount);
    expect((await tipGrading(sup, t5.id)).suggested).toEqual({ grade: "RELIABLE", basis: "proven" });

    await close(sup, t4.ref, "FALSE_INFORMATION");
    await bulkClose(sup, [t5.id], { outcome: "SPAM_ABUSE", summary: "bulk spam" });
    s = await standingAndRecount(informant.id);
    expect(s.counters).toEqual({ actioned: 2, falseInfo: 1, abuse: 1 });
    expect(s.counters).toEqual(s.recount);
    const g = await tipGrading(sup, t1.id);
    expect(g.suggested).toEqual({ grade: "NOT_RELIABLE", basis: "discredited" });
    expect(g.record).toEqual({ actioned: 2, falseInfo: 1, abuse: 1 });

    // Reopening takes the outcome back: the false report no longer counts against the alias.
    await reopenTip(sup, t4.ref);
    await reopenTip(sup, t5.ref);
    s = await standingAndRecount(informant.id);
    expect(s.counters).toEqual({ actioned: 2, falseInfo: 0, abuse: 0 });
    expect(s.counters).toEqual(s.recount);
    expect((await tipGrading(sup, t4.id)).suggested.grade).toBe("RELIABLE");
  });

  it("is one alias's own: another alias's closures leave it alone", async () => {
    const sup = await supervisor();
    const [a, b] = [await makeInformant(), await makeInformant()];
    const ta = await makeTip({ informantId: a.id });
    const tb = await makeTip({ informantId: b.id });
    await close(sup, tb.ref, "FALSE_INFORMATION");
    expect((await standingAndRecount(a.id)).counters).toEqual({ actioned: 0, falseInfo: 0, abuse: 0 });
    expect((await tipGrading(sup, ta.id)).suggested.grade).toBe("UNTESTED");
  });

  it("shows its numbers only to viewers who already see every tip of the alias", async () => {
    const station = await makeStation();
    const officer = actorOf(await makeUser({ stationId: station.id, districtWide: false }));
    const desk = actorOf(await makeUser());
    const tip = await makeTip({ stationId: station.id });
    const bound = await tipGrading(officer, tip.id);
    expect(bound.record).toBeNull();
    expect(bound.suggested.grade).toBe("UNTESTED");
    expect((await tipGrading(desk, tip.id)).record).toEqual({ actioned: 0, falseInfo: 0, abuse: 0 });
  });
});

describe("abuse mark", () => {
  it("a supervisor marks an alias, every tip of it warns and suggests 3, audited by alias only; reversible", async () => {
    const sup = await supervisor();
    const informant = await makeInformant();
    const [t1, t2] = [await makeTip({ informantId: informant.id }), await makeTip({ informantId: informant.id })];
    await close(sup, t1.ref, "ACTIONED");
    await close(sup, t2.ref, "ACTIONED");
    const t3 = await makeTip({ informantId: informant.id });
    expect((await tipGrading(sup, t3.id)).suggested.grade).toBe("RELIABLE");

    await expect(markAbusing(sup, t3.ref, { abusing: true })).rejects.toMatchObject({ code: "invalid" });
    expect(await markAbusing(sup, t3.ref, { abusing: true, reason: "named rivals in three tips" })).toEqual({
      changed: true,
    });
    for (const t of [t1, t2, t3]) {
      const g = await tipGrading(sup, t.id);
      expect(g.abusing).toBe(true);
      expect(g.suggested).toEqual({ grade: "NOT_RELIABLE", basis: "abusing" });
    }
    const audit = await db.auditLog.findFirstOrThrow({
      where: { tipId: t3.id, action: "tip.informant_marked_abusing" },
    });
    const detail = JSON.stringify(audit.detail);
    expect(detail).toContain(informant.alias);
    const { hash } = await db.informantIdentifier.findFirstOrThrow({
      where: { informantId: informant.id },
      select: { hash: true },
    });
    expect(detail).not.toContain(hash);
    expect(audit.actorId).toBe(sup.id);
    // Marking again changes nothing and records nothing.
    expect(await markAbusing(sup, t3.ref, { abusing: true, reason: "again" })).toEqual({ changed: false });

    expect(await markAbusing(sup, t1.ref, { abusing: false })).toEqual({ changed: true });
    const after = await tipGrading(sup, t3.id);
    expect(after.abusing).toBe(false);
    expect(after.suggested.grade).toBe("RELIABLE");
    expect(await db.auditLog.count({ where: { tipId: t1.id, action: "tip.informant_unmarked_abusing" } })).toBe(1);
    // The counters survived the mark and its removal.
    expect((await standingAndRecount(informant.id)).counters).toEqual({ actioned: 2, falseInfo: 0, abuse: 0 });
  });
});

describe("grading a tip", () => {
  it("stores the grade with a TipEvent and an audit row; outside the scale it is refused and nothing changes", async () => {
    const officer = actorOf(await makeUser());
    const tip = await makeTip();
    for (const bad of [
      { source: "4", intel: "A", handling: "P" },
      { source: "1", intel: "F", handling: "P" },
      { source: "1", intel: "A", handling: "Q" },
      {},
    ]) {
      const err = await gradeTip(officer, tip.ref, bad).catch((e) => e);
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).code).toBe("gradeOutOfScale");
    }
    let row = await db.tip.findUniqueOrThrow({ where: { id: tip.id } });
    expect([row.sourceGrade, row.intelGrade, row.handlingCode, row.gradedAt]).toEqual([null, null, null, null]);
    expect(await db.tipEvent.count({ where: { tipId: tip.id, type: "graded" } })).toBe(0);

    expect(await gradeTip(officer, tip.ref, { source: "2", intel: "B", handling: "C" })).toEqual({
      changed: true,
      grade: "2B C",
    });
    row = await db.tip.findUniqueOrThrow({ where: { id: tip.id } });
    expect([row.sourceGrade, row.intelGrade, row.handlingCode]).toEqual(["UNTESTED", "B", "C"]);
    expect(await gradeTip(officer, tip.ref, { source: "2", intel: "B", handling: "C" })).toMatchObject({
      changed: false,
    });
    await gradeTip(officer, tip.ref, { source: "1", intel: "A", handling: "P" });
    const events = await db.tipEvent.findMany({ where: { tipId: tip.id, type: "graded" }, orderBy: { at: "asc" } });
    expect(events.map((e) => [e.fromValue, e.toValue])).toEqual([
      [null, "2B C"],
      ["2B C", "1A P"],
    ]);
    expect(await db.auditLog.count({ where: { tipId: tip.id, action: "tip.graded" } })).toBe(2);
  });

  it("a tip of another station is not found for a station-bound officer", async () => {
    const [mine, theirs] = [await makeStation(), await makeStation()];
    const officer = actorOf(await makeUser({ stationId: mine.id, districtWide: false }));
    const tip = await makeTip({ stationId: theirs.id });
    const err = await gradeTip(officer, tip.ref, { source: "1", intel: "A", handling: "P" }).catch((e) => e);
    expect((err as AppError).code).toBe("notFound");
    expect((await db.tip.findUniqueOrThrow({ where: { id: tip.id } })).sourceGrade).toBeNull();
  });
});

describe("queue grade column and filter", () => {
  it("rows carry the grade and the suggestion (never the counters); source and intel filter on the server", async () => {
    const sup = await supervisor();
    const station = await makeStation();
    const liar = await makeInformant();
    const closedFalse = await makeTip({ informantId: liar.id, stationId: station.id });
    await close(sup, closedFalse.ref, "FALSE_INFORMATION");
    const fromLiar = await makeTip({ informantId: liar.id, stationId: station.id });
    const graded1A = await makeTip({ stationId: station.id });
    const graded3E = await makeTip({ stationId: station.id });
    await gradeTip(sup, graded1A.ref, { source: "1", intel: "A", handling: "P" });
    await gradeTip(sup, graded3E.ref, { source: "3", intel: "E", handling: "C" });
    const ctx = { viewer: sup, targets: DEFAULT_SLA, now: new Date() };
    const list = async (q: Record<string, string>) =>
      (await listQueue(parseQueueParams({ view: "all", station: station.id, ...q }), ctx)).rows;

    const all = await list({});
    expect(all).toHaveLength(4);
    const byRef = Object.fromEntries(all.map((r) => [r.ref, r]));
    expect(byRef[graded1A.ref]).toMatchObject({ grade: "1A P", suggestedSource: "2", abusing: false });
    expect(byRef[fromLiar.ref]).toMatchObject({ grade: null, suggestedSource: "3", abusing: false });
    for (const r of all)
      for (const k of ["actioned", "falseInfo", "abuse", "informantId"]) expect(r).not.toHaveProperty(k);

    expect((await list({ source: "1" })).map((r) => r.ref)).toEqual([graded1A.ref]);
    expect((await list({ intel: "E" })).map((r) => r.ref)).toEqual([graded3E.ref]);
    expect((await list({ source: "3", intel: "A" })).map((r) => r.ref)).toEqual([]);
    expect((await list({ source: "none" })).map((r) => r.ref).sort()).toEqual([closedFalse.ref, fromLiar.ref].sort());
    // With a search too: the filter is one more condition of the same WHERE.
    expect((await list({ source: "1", q: "test tip" })).map((r) => r.ref)).toEqual([graded1A.ref]);
    // A value outside the scale in the URL filters nothing (as every other bad queue parameter).
    expect(await list({ source: "7" })).toHaveLength(4);

    await markAbusing(sup, fromLiar.ref, { abusing: true, reason: "framing neighbours" });
    const marked = (await list({})).find((r) => r.ref === fromLiar.ref)!;
    expect(marked).toMatchObject({ abusing: true, suggestedSource: "3" });
  });
});
