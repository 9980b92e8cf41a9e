import { describe, expect, it, beforeAll } from "vitest";
import { db } from "../db";
import { AppError } from "../errors";
import { makeStation, makeTip, makeUser } from "../testing/factories";
import { claimTip } from "./claim-tip";
import type { ChangeActor } from "./record-change";

const min = (n: number) => new Date(Date.now() - n * 60_000);
const actor = (u: { id: string; role: "OFFICER" | "SUPERVISOR" | "ADMIN"; stationId: string | null }): ChangeActor => ({
  id: u.id,
  role: u.role,
  stationId: u.stationId,
  districtWide: !u.stationId,
  ip: "10.0.0.1",
});

describe("claimTip", () => {
  let a: ChangeActor;
  let b: ChangeActor;
  let bName: string;
  beforeAll(async () => {
    a = actor(await makeUser({ name: "Officer A" }));
    const ub = await makeUser({ name: "Officer B" });
    b = actor(ub);
    bName = ub.name;
  });

  it("claims a chosen tip: assignee, claimedAt, firstResponseAt, NEW → IN_PROGRESS, TipEvent, audit, in one go", async () => {
    const tip = await makeTip();
    const r = await claimTip(a, tip.id);
    expect(r).toMatchObject({ id: tip.id, ref: tip.ref, already: false });
    const after = await db.tip.findUniqueOrThrow({ where: { id: tip.id } });
    expect(after.assigneeId).toBe(a.id);
    expect(after.status).toBe("IN_PROGRESS");
    expect(after.claimedAt).toBeTruthy();
    expect(after.firstResponseAt).toBeTruthy();
    const events = await db.tipEvent.findMany({ where: { tipId: tip.id } });
    expect(events.map((e) => [e.type, e.actorId, e.toValue])).toEqual([["claimed", a.id, a.id]]);
    const audits = await db.auditLog.findMany({ where: { tipId: tip.id } });
    expect(audits.map((x) => x.action)).toEqual(["tip.claimed"]);
  });

  it("keeps an earlier first response (a reply before the claim)", async () => {
    const replied = min(10);
    const tip = await makeTip({ firstResponseAt: replied });
    await claimTip(a, tip.id);
    expect((await db.tip.findUniqueOrThrow({ where: { id: tip.id } })).firstResponseAt).toEqual(replied);
  });

  it("two concurrent claims of one tip: exactly one wins, the other is told who has it", async () => {
    for (let round = 0; round < 5; round++) {
      const tip = await makeTip();
      const results = await Promise.allSettled([claimTip(a, tip.id), claimTip(b, tip.id)]);
      const won = results.filter((r) => r.status === "fulfilled");
      const lost = results.filter((r) => r.status === "rejected") as PromiseRejectedResult[];
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(1);
      const err = lost[0].reason as AppError;
      expect(err).toBeInstanceOf(AppError);
      expect(err.code).toBe("conflict");
      const winner = (await db.tip.findUniqueOrThrow({ where: { id: tip.id }, include: { assignee: true } })).assignee!;
      expect(err.detail).toMatchObject({ reason: "claimed", assignee: winner.name });
      expect(await db.tipEvent.count({ where: { tipId: tip.id, type: "claimed" } })).toBe(1);
    }
    expect(bName).toBe("Officer B");
  });

  it("claiming one's own tip again is harmless; a closed tip is a conflict", async () => {
    const tip = await makeTip();
    await claimTip(a, tip.id);
    expect(await claimTip(a, tip.id)).toMatchObject({ already: true });
    const closed = await makeTip({ status: "CLOSED", closedAt: new Date() });
    await expect(claimTip(a, closed.id)).rejects.toMatchObject({ code: "conflict", detail: { reason: "closed" } });
  });

  it("claims the oldest unassigned tip (skipping flagged ones); many concurrent claim-next calls never share a tip", async () => {
    await db.tip.updateMany({ where: { assigneeId: null }, data: { status: "CLOSED" } });
    await makeTip({ receivedAt: min(500), flagged: true });
    const oldest = await makeTip({ receivedAt: min(400) });
    await makeTip({ receivedAt: min(300) });
    await makeTip({ receivedAt: min(200) });
    const first = await claimTip(a);
    expect(first.id).toBe(oldest.id);
    const users = [a, b, a, b];
    const results = await Promise.allSettled(users.map((u) => claimTip(u)));
    const won = results.flatMap((r) => (r.status === "fulfilled" ? [r.value.id] : []));
    expect(new Set(won).size).toBe(won.length);
    expect(won).toHaveLength(2);
    for (const r of results)
      if (r.status === "rejected") expect((r.reason as AppError).detail).toMatchObject({ reason: "empty" });
  });

  it("an officer bound to a station cannot claim another station's tip (not found)", async () => {
    const s1 = await makeStation();
    const s2 = await makeStation();
    const o = actor(await makeUser({ stationId: s1.id }));
    const tip = await makeTip({ stationId: s2.id });
    await expect(claimTip(o, tip.id)).rejects.toMatchObject({ code: "notFound" });
    expect((await db.tip.findUniqueOrThrow({ where: { id: tip.id } })).assigneeId).toBeNull();
  });
});
