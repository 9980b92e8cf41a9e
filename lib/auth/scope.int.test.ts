// Least privilege in the model (ADR 0016): an officer without a station sees nothing unless an
// admin made the account district-wide, and only supervisors and admins move a tip to another station.
import { describe, expect, it } from "vitest";
import { db } from "../db";
import { actorOf, makeStation, makeTip, makeUser } from "../testing/factories";
import { tipScope } from "./scope";
import { updateTipField } from "../tips/update-tip-field";

describe("tip scope", () => {
  it("shows a station-less officer nothing unless district-wide", async () => {
    const tip = await makeTip();
    const plain = await makeUser({ districtWide: false });
    const desk = await makeUser({ districtWide: true });
    expect(await db.tip.count({ where: { id: tip.id, ...tipScope(actorOf(plain)) } })).toBe(0);
    expect(await db.tip.count({ where: { id: tip.id, ...tipScope(actorOf(desk)) } })).toBe(1);
  });
});

describe("moving a tip to another station", () => {
  it("is refused to officers, even district-wide ones; routing an unrouted tip is desk work", async () => {
    const [a, b] = [await makeStation(), await makeStation()];
    const tip = await makeTip();
    const desk = actorOf(await makeUser({ districtWide: true }));
    await updateTipField(desk, tip.ref, { field: "station", value: a.id });
    await expect(updateTipField(desk, tip.ref, { field: "station", value: b.id })).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(updateTipField(desk, tip.ref, { field: "station", value: null })).rejects.toMatchObject({
      code: "forbidden",
    });
    const bound = actorOf(await makeUser({ stationId: a.id, districtWide: false }));
    await expect(updateTipField(bound, tip.ref, { field: "station", value: b.id })).rejects.toMatchObject({
      code: "forbidden",
    });
    expect((await db.tip.findUniqueOrThrow({ where: { id: tip.id } })).stationId).toBe(a.id);
    const supervisor = actorOf(await makeUser({ role: "SUPERVISOR" }));
    await updateTipField(supervisor, tip.ref, { field: "station", value: b.id });
    expect((await db.tip.findUniqueOrThrow({ where: { id: tip.id } })).stationId).toBe(b.id);
  });
});
