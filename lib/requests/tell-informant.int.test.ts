// The desk's fixed "action taken" message to the informant (ADR 0607) against the fake WhatsApp Cloud
// API on a real database: the exact API call inside the 24-hour window (free text) and outside it
// (the approved template with the ref as its one parameter), no detail of the brief or the report in
// either, once per request, refused (and nothing queued) before the station reported action.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import crypto from "node:crypto";
import { startFakeProviders } from "../simulate/fake-providers";

const fake = await startFakeProviders({ metaToken: "test-access-token" });
process.env.WHATSAPP_API_BASE = `${fake.url}/meta/v23.0`;
// Read by lib/env.ts on first use in this file's module graph (after imports, before any test).
process.env.WHATSAPP_ACTION_TEMPLATE = "action_taken_v1";
process.env.WHATSAPP_ACTION_TEMPLATE_LANG = "hi";

const { db, drain, registerHandlers } = await import("../testing/job-kit");
const { makeStation, makeTip, makeUser, actorOf, makeInformant } = await import("../testing/factories");
const { encrypt } = await import("../identity/crypto");
const { AppError } = await import("../errors");
const { draftRequest } = await import("./draft-request");
const { reportAction } = await import("./station-report");
const { closeRequest } = await import("./close-request");
const { parseReport } = await import("./report-input");
const { tellInformant, actionTakenText } = await import("./tell-informant");

const code = (p: Promise<unknown>) =>
  p.then(
    () => "ok",
    (e) => (e instanceof AppError ? e.code : String(e)),
  );
const BRIEF = {
  what: "Illicit liquor sold behind the Kareli flour mill",
  where: "Godown near the Hanuman temple",
  instructions: "Raid with two constables",
  whoNamed: "Raju Kalia",
};
const REPORT = {
  kind: "FIR_REGISTERED",
  firNumber: "0456/2026",
  arrests: "3",
  details: "Seized 40 litres at the godown",
};

/** A released request on a tip whose informant last wrote `hoursAgo` hours ago, and the people around it. */
async function world(hoursAgo: number) {
  const station = await makeStation();
  const desk = actorOf({ ...(await makeUser()), districtWide: true });
  const local = actorOf(await makeUser({ stationId: station.id, districtWide: false }));
  const phone = `9198766${String(crypto.randomInt(0, 99999)).padStart(5, "0")}`;
  const { cipher, keyId } = encrypt(`phone:${phone}`);
  const at = new Date(Date.now() - hoursAgo * 3600_000);
  const informant = await makeInformant({ addressCipher: cipher, keyId, lastInboundAt: at });
  const tip = await makeTip({ informantId: informant.id, receivedAt: at, stationId: station.id, priority: "URGENT" });
  const { id } = await draftRequest(desk, tip.ref, { stationId: station.id, ...BRIEF });
  await drain(); // the station's own notification (no contacts here: nothing is sent)
  fake.reset();
  return { desk, local, tip, id, phone };
}
const toldJobs = (messageId: string) => db.job.count({ where: { kind: "outbound.send", dedupeKey: messageId } });

/** No word of the brief or the report in what reached the provider. */
function expectNoDetails(body: unknown) {
  const text = JSON.stringify(body);
  for (const v of [...Object.values(BRIEF), "0456/2026", "40 litres", "Raju"]) expect(text).not.toContain(v);
}

beforeAll(() => registerHandlers());
beforeEach(() => fake.reset());
afterAll(() => fake.close());

describe("telling the informant that action was taken", () => {
  it("inside the 24-hour window: the fixed bilingual text, exactly, through outbound.send; audited; once", async () => {
    const w = await world(2);
    await reportAction(w.local, w.id, parseReport(REPORT), []);
    const { messageId, mode } = await tellInformant(w.desk, w.id);
    expect(mode).toBe("free");
    expect(await toldJobs(messageId)).toBe(1);
    await drain();
    const sends = fake.calls.filter((c) => c.route === "meta.send");
    expect(sends).toHaveLength(1);
    expect(sends[0].body).toEqual({
      messaging_product: "whatsapp",
      recipient_type: "individual",
      to: w.phone,
      type: "text",
      text: {
        preview_url: false,
        body: `आपकी सूचना ${w.tip.ref} पर कार्रवाई की गई है। धन्यवाद।\n\nAction has been taken on your information ${w.tip.ref}. Thank you.`,
      },
    });
    expectNoDetails(sends[0].body);
    const m = await db.message.findUniqueOrThrow({ where: { id: messageId } });
    expect(m).toMatchObject({ direction: "OUTBOUND", deliveryStatus: "SENT", sentById: w.desk.id });
    expect(m.body).toBe(actionTakenText(w.tip.ref));
    const req = await db.actionRequest.findUniqueOrThrow({ where: { id: w.id } });
    expect(req.informantMessageId).toBe(messageId);
    expect(req.informantToldAt).toBeTruthy();
    const audit = await db.auditLog.findMany({
      where: { tipId: w.tip.id, action: "request.informant_told" },
      select: { actorId: true, targetId: true, detail: true },
    });
    expect(audit).toEqual([
      {
        actorId: w.desk.id,
        targetId: w.id,
        detail: { ref: w.tip.ref, from: null, to: null, messageId, mode: "free" },
      },
    ]);
    expect(await db.tipEvent.count({ where: { tipId: w.tip.id, type: "request_informant_told" } })).toBe(1);

    // A second press (or a second officer) is refused and queues nothing.
    expect(await code(tellInformant(w.desk, w.id))).toBe("informantAlreadyTold");
    expect(await db.message.count({ where: { tipId: w.tip.id, direction: "OUTBOUND" } })).toBe(1);
  });

  it("outside the window: the approved template with the ref as its one parameter, exactly", async () => {
    const w = await world(30);
    await reportAction(w.local, w.id, parseReport(REPORT), []);
    await closeRequest(w.desk, w.id); // "closed with action" may be told too
    const { messageId, mode } = await tellInformant(w.desk, w.id);
    expect(mode).toBe("template");
    expect((await db.message.findUniqueOrThrow({ where: { id: messageId } })).meta).toMatchObject({
      template: "action_taken_v1",
      lang: "hi",
    });
    await drain();
    const sends = fake.calls.filter((c) => c.route === "meta.send");
    expect(sends).toHaveLength(1);
    expect(sends[0].body).toEqual({
      messaging_product: "whatsapp",
      recipient_type: "individual",
      to: w.phone,
      type: "template",
      template: {
        name: "action_taken_v1",
        language: { code: "hi" },
        components: [{ type: "body", parameters: [{ type: "text", text: w.tip.ref }] }],
      },
    });
    expectNoDetails(sends[0].body);
  });

  it("queued inside the window but sent after it closed: the sending job switches to the template", async () => {
    const w = await world(2);
    await reportAction(w.local, w.id, parseReport(REPORT), []);
    const { mode } = await tellInformant(w.desk, w.id);
    expect(mode).toBe("free");
    await db.informant.update({
      where: { id: w.tip.informantId },
      data: { lastInboundAt: new Date(Date.now() - 25 * 3600_000) },
    });
    await drain();
    const sends = fake.calls.filter((c) => c.route === "meta.send");
    expect(sends.map((c) => (c.body as { type: string; template?: unknown }).template)).toEqual([
      {
        name: "action_taken_v1",
        language: { code: "hi" },
        components: [{ type: "body", parameters: [{ type: "text", text: w.tip.ref }] }],
      },
    ]);
  });

  it("is refused before the station reported action, and for a 'not found' report, changing nothing", async () => {
    const w = await world(2);
    expect(await code(tellInformant(w.desk, w.id))).toBe("noActionReported");
    await reportAction(w.local, w.id, parseReport({ kind: "NOT_FOUND" }), []);
    expect(await code(tellInformant(w.desk, w.id))).toBe("noActionReported");
    expect(await db.message.count({ where: { tipId: w.tip.id, direction: "OUTBOUND" } })).toBe(0);
    expect(await db.auditLog.count({ where: { tipId: w.tip.id, action: "request.informant_told" } })).toBe(0);
    expect((await db.actionRequest.findUniqueOrThrow({ where: { id: w.id } })).informantToldAt).toBeNull();
  });

  it("is refused for a blocked informant and for a request the viewer's station cannot see", async () => {
    const w = await world(2);
    await reportAction(w.local, w.id, parseReport(REPORT), []);
    const stranger = actorOf(await makeUser({ stationId: (await makeStation()).id, districtWide: false }));
    expect(await code(tellInformant(stranger, w.id))).toBe("notFound");
    await db.informant.update({ where: { id: w.tip.informantId }, data: { blocked: true } });
    expect(await code(tellInformant(w.desk, w.id))).toBe("informantUnreachable");
    expect(await db.message.count({ where: { tipId: w.tip.id, direction: "OUTBOUND" } })).toBe(0);
  });
});
