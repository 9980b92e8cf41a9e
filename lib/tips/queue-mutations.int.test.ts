import { describe, expect, it, beforeAll } from "vitest";
import { db } from "../db";
import { makeStation, makeTip, makeUser } from "../testing/factories";
import { assignTip } from "./assign-tip";
import { handOverShift } from "./hand-over-shift";
import { bulkClose } from "./bulk-close";
import { bulkSetField } from "./bulk-set-field";
import { bulkAssign } from "./bulk-assign";
import { changeTipField, type ChangeActor } from "./record-change";

const as = (u: { id: string; role: "OFFICER" | "SUPERVISOR" | "ADMIN"; stationId: string | null }): ChangeActor => ({
  id: u.id,
  role: u.role,
  stationId: u.stationId,
  districtWide: !u.stationId,
  ip: null,
});

describe("assign, hand-over, bulk", () => {
  let sup: ChangeActor;
  let o1: ChangeActor;
  let o2: ChangeActor;
  let stationA: string;
  beforeAll(async () => {
    stationA = (await makeStation()).id;
    sup = as(await makeUser({ role: "SUPERVISOR" }));
    o1 = as(await makeUser());
    o2 = as(await makeUser());
  });

  it("a supervisor assigns to any officer who may see the tip; events, audit and NEW → IN_PROGRESS", async () => {
    const tip = await makeTip();
    expect(await assignTip(sup, tip.id, o1.id)).toBe(true);
    const t = await db.tip.findUniqueOrThrow({ where: { id: tip.id } });
    expect([t.assigneeId, t.status, t.firstResponseAt]).toEqual([o1.id, "IN_PROGRESS", null]);
    expect(
      await db.tipEvent.findMany({ where: { tipId: tip.id }, select: { type: true, fromValue: true, toValue: true } }),
    ).toEqual([{ type: "assigned", fromValue: null, toValue: o1.id }]);
    expect(await db.auditLog.count({ where: { tipId: tip.id, action: "tip.assigned" } })).toBe(1);
    // An officer of another station could not see it.
    const bound = await makeUser({ stationId: (await makeStation()).id });
    const elsewhere = await makeTip({ stationId: stationA });
    await expect(assignTip(sup, elsewhere.id, bound.id)).rejects.toMatchObject({
      code: "invalid",
      detail: { reason: "scope" },
    });
  });

  it("hands over a shift: every open tip of one officer moves, closed ones stay", async () => {
    const open1 = await makeTip({ assigneeId: o1.id, status: "IN_PROGRESS" });
    const open2 = await makeTip({ assigneeId: o1.id, status: "WAITING_INFORMANT" });
    const closed = await makeTip({ assigneeId: o1.id, status: "CLOSED", closedAt: new Date() });
    const before = await db.tip.count({
      where: { assigneeId: o1.id, status: { in: ["NEW", "IN_PROGRESS", "WAITING_INFORMANT"] } },
    });
    const r = await handOverShift(sup, o1.id, o2.id);
    expect(r).toEqual({ moved: before, skipped: 0 });
    for (const id of [open1.id, open2.id])
      expect((await db.tip.findUniqueOrThrow({ where: { id } })).assigneeId).toBe(o2.id);
    expect((await db.tip.findUniqueOrThrow({ where: { id: closed.id } })).assigneeId).toBe(o1.id);
    expect(await db.tipEvent.count({ where: { tipId: open1.id, type: "handed_over" } })).toBe(1);
    expect(await db.auditLog.count({ where: { action: "shift.handover", targetId: o1.id } })).toBe(1);
  });

  it("bulk closes as spam with outcome and summary, skipping closed tips", async () => {
    const t1 = await makeTip();
    const t2 = await makeTip();
    const done = await makeTip({ status: "CLOSED", closedAt: new Date() });
    const r = await bulkClose(o1, [t1.id, t2.id, done.id], { outcome: "SPAM_ABUSE", summary: "Promotional spam" });
    expect(r).toEqual({ updated: 2, skipped: 1 });
    for (const id of [t1.id, t2.id]) {
      const t = await db.tip.findUniqueOrThrow({ where: { id } });
      expect([t.status, t.outcome, t.closingSummary, !!t.closedAt]).toEqual([
        "CLOSED",
        "SPAM_ABUSE",
        "Promotional spam",
        true,
      ]);
      expect(await db.tipEvent.count({ where: { tipId: id, type: "closed" } })).toBe(1);
    }
    await expect(bulkClose(o1, [t1.id], { outcome: "ACTIONED" as "DUPLICATE", summary: "x y z" })).rejects.toThrow();
  });

  it("bulk close is all or nothing: a tip outside the officer's scope fails the whole request", async () => {
    const bound = as(await makeUser({ stationId: stationA }));
    const mineTip = await makeTip({ stationId: stationA });
    const foreign = await makeTip({ stationId: (await makeStation()).id });
    await expect(
      bulkClose(bound, [mineTip.id, foreign.id], { outcome: "DUPLICATE", summary: "same as earlier" }),
    ).rejects.toMatchObject({ code: "notFound" });
    expect((await db.tip.findUniqueOrThrow({ where: { id: mineTip.id } })).status).toBe("NEW");
  });

  it("bulk sets priority and category, recording only real changes", async () => {
    const t1 = await makeTip({ priority: "HIGH" });
    const t2 = await makeTip();
    expect(await bulkSetField(o1, [t1.id, t2.id], { field: "priority", value: "HIGH" })).toEqual({
      updated: 1,
      skipped: 1,
    });
    expect(await bulkSetField(o1, [t1.id, t2.id], { field: "category", value: "NARCOTICS" })).toEqual({
      updated: 2,
      skipped: 0,
    });
    expect(
      await db.tipEvent.findMany({
        where: { tipId: t2.id },
        select: { type: true, fromValue: true, toValue: true },
        orderBy: { id: "asc" },
      }),
    ).toEqual([
      { type: "priority_changed", fromValue: "NORMAL", toValue: "HIGH" },
      { type: "category_changed", fromValue: "UNCATEGORISED", toValue: "NARCOTICS" },
    ]);
  });

  it("bulk assigns and changeTipField refuses tips out of scope", async () => {
    const t1 = await makeTip();
    const t2 = await makeTip({ status: "CLOSED", closedAt: new Date() });
    expect(await bulkAssign(sup, [t1.id, t2.id], o2.id)).toEqual({ updated: 1, skipped: 1 });
    const bound = as(await makeUser({ stationId: stationA }));
    const foreign = await makeTip();
    await expect(
      db.$transaction((tx) => changeTipField(tx, { actor: bound, tipId: foreign.id, field: "priority", to: "LOW" })),
    ).rejects.toMatchObject({ code: "notFound" });
  });
});
