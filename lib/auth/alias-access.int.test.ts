// The per-station "may read the informant alias" switch (ADR 0606), at the server functions: with the
// switch off, nothing a station-bound officer's tip page, brief editor or station request page is
// built from carries the alias (the whole serialised result is searched, not one field); with it on,
// it does; the desk always sees it; only its own station's switch counts; the change is audited.
import { describe, expect, it } from "vitest";
import { db } from "../db";
import { AppError } from "../errors";
import { actorOf, makeInformant, makeStation, makeTip, makeUser } from "../testing/factories";
import { getTipWorkspace } from "../tips/get-tip-workspace";
import { setInformantBlocked } from "../tips/block-informant";
import { markAbusing } from "../grading/mark-abusing";
import { draftRequest } from "../requests/draft-request";
import { getStationRequest } from "../requests/read-requests";
import { setStationAlias } from "../stations/stations";
import { mayReadAlias } from "./alias-access";

const code = (p: Promise<unknown>) =>
  p.then(
    () => "ok",
    (e) => (e instanceof AppError ? e.code : String(e)),
  );

async function world() {
  const station = await makeStation();
  const other = await makeStation();
  const admin = actorOf(await makeUser({ role: "ADMIN" }));
  const supervisor = actorOf(await makeUser({ role: "SUPERVISOR" }));
  const desk = actorOf({ ...(await makeUser()), districtWide: true });
  const local = actorOf(await makeUser({ stationId: station.id, districtWide: false }));
  const informant = await makeInformant();
  const tip = await makeTip({ informantId: informant.id, stationId: station.id, priority: "URGENT" });
  // Blocking and the abuse mark name the informant by alias in the tip's timeline: those events too.
  await setInformantBlocked(supervisor, tip.ref, { blocked: true, reason: "abuse" });
  await markAbusing(supervisor, tip.ref, { abusing: true, reason: "framing a neighbour" });
  const { id: requestId } = await draftRequest(desk, tip.ref, {
    stationId: station.id,
    what: "Liquor sold at night",
    instructions: "Verify and raid",
  });
  return { station, other, admin, desk, local, alias: informant.alias, tip, requestId };
}

/** Everything the station-bound officer's pages are built from, as one string. */
async function seen(w: Awaited<ReturnType<typeof world>>) {
  const ws = await getTipWorkspace(w.local, w.tip.ref);
  const req = await getStationRequest(w.local, w.requestId);
  expect(ws).not.toBeNull();
  expect(req).not.toBeNull();
  return JSON.stringify({ ws, req });
}

describe("the informant alias and station-bound officers", () => {
  it("is left out of every read for a station-bound officer while the switch is off (the default)", async () => {
    const w = await world();
    expect((await db.policeStation.findUniqueOrThrow({ where: { id: w.station.id } })).showInformantAlias).toBe(false);
    expect(await mayReadAlias(w.local)).toBe(false);
    const ws = (await getTipWorkspace(w.local, w.tip.ref))!;
    expect(ws.tip.informant.alias).toBeNull();
    expect(ws.messages.every((m) => m.alias === null)).toBe(true);
    expect(ws.events.find((e) => e.type === "informant_blocked")?.toValue).toBeNull();
    expect(ws.events.find((e) => e.type === "informant_marked_abusing")?.toValue).toBeNull();
    expect((await getStationRequest(w.local, w.requestId))!.alias).toBeUndefined();
    expect(await seen(w)).not.toContain(w.alias);
  });

  it("reaches the station-bound officer once an admin switches it on for their station, and stops when off again", async () => {
    const w = await world();
    await setStationAlias(w.admin, w.station.id, true);
    expect(await mayReadAlias(w.local)).toBe(true);
    const ws = (await getTipWorkspace(w.local, w.tip.ref))!;
    expect(ws.tip.informant.alias).toBe(w.alias);
    expect(ws.events.find((e) => e.type === "informant_blocked")?.toValue).toBe(w.alias);
    expect(ws.events.find((e) => e.type === "informant_marked_abusing")?.toValue).toBe(w.alias);
    expect((await getStationRequest(w.local, w.requestId))!.alias).toBe(w.alias);
    await setStationAlias(w.admin, w.station.id, false);
    expect(await seen(w)).not.toContain(w.alias);
  });

  it("only the officer's own station's switch counts", async () => {
    const w = await world();
    await setStationAlias(w.admin, w.other.id, true);
    expect(await seen(w)).not.toContain(w.alias);
  });

  it("never hides it from the desk (district-wide officers, supervisors, admins)", async () => {
    const w = await world();
    const sup = actorOf(await makeUser({ role: "SUPERVISOR", stationId: w.station.id }));
    for (const viewer of [w.desk, w.admin, sup]) {
      expect(await mayReadAlias(viewer)).toBe(true);
      expect((await getTipWorkspace(viewer, w.tip.ref))!.tip.informant.alias).toBe(w.alias);
    }
  });

  it("is changed by an admin with an audit row of old and new value; an unknown station is not found and changes nothing", async () => {
    const w = await world();
    await setStationAlias(w.admin, w.station.id, true);
    const rows = await db.auditLog.findMany({
      where: { action: "station.alias_visibility", targetId: w.station.id },
      select: { actorId: true, detail: true },
    });
    expect(rows).toEqual([{ actorId: w.admin.id, detail: { from: false, to: true } }]);
    // Setting it to what it is records nothing.
    await setStationAlias(w.admin, w.station.id, true);
    expect(await db.auditLog.count({ where: { action: "station.alias_visibility", targetId: w.station.id } })).toBe(1);
    const none = "00000000-0000-4000-8000-000000000000";
    expect(await code(setStationAlias(w.admin, none, true))).toBe("notFound");
    expect(await db.auditLog.count({ where: { action: "station.alias_visibility", targetId: none } })).toBe(0);
  });
});
