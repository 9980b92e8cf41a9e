// Unclaimed urgent tips with a fake clock (the sweep takes `now`, ADR 0609): an URGENT tip nobody
// claims reaches the alert stage after `unclaimedAlertMinutes` (the open queue lists it for its
// repeating sound), the SP Crime's desk is paged once after `unclaimedPageMinutes` more, each stage
// once and audited; a claim ends it, and a claimed or normal tip never escalates.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import crypto from "node:crypto";
import { startFakeProviders } from "../simulate/fake-providers";

const fake = await startFakeProviders({ metaToken: "test-access-token" });
process.env.WHATSAPP_API_BASE = `${fake.url}/meta/v23.0`;

const { db, drain, registerHandlers } = await import("../testing/job-kit");
const { makeStation, makeTip, makeUser, actorOf } = await import("../testing/factories");
const { escalateUnclaimedTips } = await import("./unclaimed-escalate");
const { claimTip } = await import("./claim-tip");
const { loadEscalations } = await import("../queue/escalations");
const { addContact, setContactActive } = await import("../stations/contacts");

const mobile = () => `9${String(crypto.randomInt(0, 1e9)).padStart(9, "0")}`;
const MIN = 60_000;

beforeAll(() => registerHandlers());
beforeEach(() => fake.reset());
afterAll(() => fake.close());

describe("unclaimed urgent tips", () => {
  it("alert the open queue after the first minutes, page the SP Crime's desk once at the next stage, and stop after a claim", async () => {
    const admin = actorOf(await makeUser({ role: "ADMIN" }));
    const station = await makeStation();
    // Station-bound viewer: its queue lists only this station's tips, whatever other tests left.
    const officer = actorOf(await makeUser({ stationId: station.id, districtWide: false }));
    const sp = mobile();
    const contact = await addContact(admin, { name: "SP Crime desk", phone: sp, role: "SP_CRIME" });
    const t0 = Date.now() - 60 * MIN;
    const tip = await makeTip({ priority: "URGENT", stationId: station.id, receivedAt: new Date(t0) });
    const normal = await makeTip({ priority: "NORMAL", stationId: station.id, receivedAt: new Date(t0) });
    const mine = (xs: { id: string; stage: number }[]) => xs.filter((x) => x.id === tip.id || x.id === normal.id);
    const pages = () =>
      fake.calls.filter(
        (c) =>
          c.route === "meta.send" &&
          (c.body as { to: string }).to === `91${sp}` &&
          JSON.stringify(c.body).includes(tip.ref),
      );

    expect(mine(await escalateUnclaimedTips(t0 + 2 * MIN))).toEqual([]);
    expect((await loadEscalations(officer, t0 + 2 * MIN)).unclaimed).toEqual([]);
    // Three minutes (the default): the alert stage, once.
    expect(mine(await escalateUnclaimedTips(t0 + 3 * MIN))).toEqual([{ id: tip.id, stage: 1 }]);
    expect(mine(await escalateUnclaimedTips(t0 + 4 * MIN))).toEqual([]);
    expect((await loadEscalations(officer)).unclaimed).toEqual([{ id: tip.id, ref: tip.ref, stage: 1 }]);
    await drain();
    expect(pages()).toHaveLength(0);
    // Five minutes more: the SP Crime's desk is paged, once.
    expect(mine(await escalateUnclaimedTips(t0 + 8 * MIN))).toEqual([{ id: tip.id, stage: 2 }]);
    expect(mine(await escalateUnclaimedTips(t0 + 30 * MIN))).toEqual([]);
    await drain();
    expect(pages()).toHaveLength(1);
    const body = pages()[0].body as { template: { name: string } };
    expect(body.template.name).toBe("station_request_overdue");
    expect(JSON.stringify(body)).toContain(`/tips/${tip.ref}`);
    const audits = await db.auditLog.findMany({
      where: { tipId: tip.id, action: "tip.unclaimed_escalated" },
      orderBy: { id: "asc" },
    });
    expect(audits.map((a) => (a.detail as { stage: number }).stage)).toEqual([1, 2]);

    // A claim ends the alert; later sweeps leave it alone.
    await claimTip(officer, tip.id);
    expect((await loadEscalations(officer)).unclaimed).toEqual([]);
    expect(mine(await escalateUnclaimedTips(t0 + 60 * MIN))).toEqual([]);
    await drain();
    expect(pages()).toHaveLength(1);
    await setContactActive(admin, contact.id, false);
  });

  it("never alerts for a tip claimed in time", async () => {
    const officer = actorOf(await makeUser());
    const t0 = Date.now() - 60 * MIN;
    const tip = await makeTip({ priority: "URGENT", receivedAt: new Date(t0) });
    await claimTip(officer, tip.id);
    expect((await escalateUnclaimedTips(t0 + 60 * MIN)).filter((x) => x.id === tip.id)).toEqual([]);
    expect((await db.tip.findUniqueOrThrow({ where: { id: tip.id } })).unclaimedStage).toBe(0);
  });
});
