// Escalation with a fake clock (the sweep takes `now`): an unacknowledged request notifies the
// station's senior officer and the SP Crime's desk once at its due time, once more at the next
// stage, never again after, shows in the desk's overdue view (the station list and the queue's), and
// each stage is audited. A reported request never escalates.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import crypto from "node:crypto";
import { startFakeProviders } from "../simulate/fake-providers";

const fake = await startFakeProviders({ metaToken: "test-access-token" });
process.env.WHATSAPP_API_BASE = `${fake.url}/meta/v23.0`;

const { db, drain, registerHandlers } = await import("../testing/job-kit");
const { makeStation, makeTip, makeUser, actorOf } = await import("../testing/factories");
const { draftRequest } = await import("./draft-request");
const { reportAction } = await import("./station-report");
const { parseReport } = await import("./report-input");
const { escalateRequests } = await import("./escalate");
const { listStationRequests } = await import("./read-requests");
const { addContact, setContactActive } = await import("../stations/contacts");
const { loadEscalations } = await import("../queue/escalations");

const mobile = () => `9${String(crypto.randomInt(0, 1e9)).padStart(9, "0")}`;
const MIN = 60_000;

beforeAll(() => registerHandlers());
beforeEach(() => fake.reset());
afterAll(() => fake.close());

describe("escalation of overdue requests", () => {
  it("notifies the senior officer once at the due time and once at the next stage, and lists it as overdue", async () => {
    const station = await makeStation();
    const admin = actorOf(await makeUser({ role: "ADMIN" }));
    const desk = actorOf({ ...(await makeUser()), districtWide: true });
    const local = actorOf(await makeUser({ stationId: station.id, districtWide: false }));
    const duty = mobile();
    const senior = mobile();
    await addContact(admin, { stationId: station.id, name: "Duty", phone: duty });
    await addContact(admin, { stationId: station.id, name: "SHO", phone: senior, role: "SENIOR" });
    // The SP Crime's desk (no station, ADR 0609): paged at every stage too.
    const sp = mobile();
    const spContact = await addContact(admin, { name: "SP Crime desk", phone: sp, role: "SP_CRIME" });
    const tip = await makeTip({ priority: "URGENT" });
    const { id } = await draftRequest(desk, tip.ref, {
      stationId: station.id,
      what: "Arms dealer at the dhaba",
      instructions: "Raid",
    });
    await drain();
    const req = await db.actionRequest.findUniqueOrThrow({ where: { id } });
    const sendsTo = (n: string) =>
      fake.calls.filter((c) => c.route === "meta.send" && (c.body as { to: string }).to === `91${n}`);
    expect(sendsTo(duty)).toHaveLength(1);

    const due = req.dueAt.getTime();
    const mine = <T extends { id: string }>(xs: T[]) => xs.filter((x) => x.id === id);
    // Before the due time: nothing.
    expect(mine(await escalateRequests(due - MIN))).toEqual([]);
    expect(mine(await listStationRequests(desk, { overdue: true, now: due - MIN }))).toEqual([]);
    // At the due time: stage 1, once.
    expect(mine(await escalateRequests(due + MIN))).toEqual([{ id, stage: 1 }]);
    expect(mine(await escalateRequests(due + 2 * MIN))).toEqual([]);
    await drain();
    expect(sendsTo(senior)).toHaveLength(1);
    expect((sendsTo(senior)[0].body as { template: { name: string } }).template.name).toBe("station_request_overdue");
    expect(sendsTo(duty)).toHaveLength(1);
    // Other tests' overdue requests may page the same desk in a shared sweep: count this request's pages.
    const pagesAbout = () => sendsTo(sp).filter((c) => JSON.stringify(c.body).includes(id));
    expect(pagesAbout()).toHaveLength(1);
    // The desk's queue lists it among the overdue requests.
    expect((await loadEscalations(local, due + MIN)).overdue.filter((r) => r.id === id)).toMatchObject([
      { ref: tip.ref, stage: 1 },
    ]);
    expect(
      mine(await listStationRequests(desk, { overdue: true, now: due + MIN })).map((r) => r.escalatedStage),
    ).toEqual([1]);
    // An hour later (the default next stage): stage 2, once; then nothing more.
    expect(mine(await escalateRequests(due + 61 * MIN))).toEqual([{ id, stage: 2 }]);
    expect(mine(await escalateRequests(due + 600 * MIN))).toEqual([]);
    await drain();
    expect(sendsTo(senior)).toHaveLength(2);
    expect(pagesAbout()).toHaveLength(2);
    expect((await escalateRequests(due + 900 * MIN)).filter((x) => x.id === id)).toEqual([]);
    await drain();
    expect(pagesAbout()).toHaveLength(2);
    await setContactActive(admin, spContact.id, false);
    const audits = await db.auditLog.findMany({
      where: { tipId: tip.id, action: "request.escalated" },
      orderBy: { id: "asc" },
    });
    expect(audits.map((a) => (a.detail as { stage: number; reason: string }).stage)).toEqual([1, 2]);
    expect((audits[0].detail as { reason: string }).reason).toBe("unacknowledged");

    // Reported: out of the overdue view, and a fresh sweep leaves it alone.
    await reportAction(local, id, parseReport({ kind: "NOT_FOUND" }), []);
    expect(mine(await listStationRequests(desk, { overdue: true, now: due + 700 * MIN }))).toEqual([]);
    expect((await loadEscalations(local, due + 700 * MIN)).overdue.filter((r) => r.id === id)).toEqual([]);
  });

  it("never escalates a request that was reported in time", async () => {
    const station = await makeStation();
    const desk = actorOf({ ...(await makeUser()), districtWide: true });
    const local = actorOf(await makeUser({ stationId: station.id, districtWide: false }));
    const tip = await makeTip({ priority: "URGENT" });
    const { id } = await draftRequest(desk, tip.ref, {
      stationId: station.id,
      what: "Gambling den",
      instructions: "Raid",
    });
    await reportAction(local, id, parseReport({ kind: "ACTION_TAKEN" }), []);
    const due = (await db.actionRequest.findUniqueOrThrow({ where: { id } })).dueAt.getTime();
    expect((await escalateRequests(due + 120 * MIN)).filter((x) => x.id === id)).toEqual([]);
    expect((await db.actionRequest.findUniqueOrThrow({ where: { id } })).escalatedStage).toBe(0);
  });
});
