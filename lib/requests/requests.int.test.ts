// Action requests end to end on a real database with the fake WhatsApp API: the state machine
// (drafted → approved → sent → acknowledged → action reported → closed), the urgent "send first,
// review after" rule, bad input changing nothing, station notifications (the exact API call, never
// the alias or the informant's words, retried on failure) and station scoping on the server.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import crypto from "node:crypto";
import { startFakeProviders } from "../simulate/fake-providers";

const fake = await startFakeProviders({ metaToken: "test-access-token" });
process.env.WHATSAPP_API_BASE = `${fake.url}/meta/v23.0`;

const { db, drain, registerHandlers } = await import("../testing/job-kit");
const { makeStation, makeTip, makeUser, actorOf, makeInformant } = await import("../testing/factories");
const { AppError } = await import("../errors");
const { draftRequest } = await import("./draft-request");
const { approveRequest } = await import("./approve-request");
const { acknowledgeRequest, reportAction } = await import("./station-report");
const { closeRequest } = await import("./close-request");
const { parseReport } = await import("./report-input");
const { getStationRequest, listStationRequests } = await import("./read-requests");
const { addContact } = await import("../stations/contacts");
const { toIstLocal } = await import("./due-time");

const uid = () => crypto.randomBytes(4).toString("hex");
const mobile = () => `9${String(crypto.randomInt(0, 1e9)).padStart(9, "0")}`;
const code = (p: Promise<unknown>) =>
  p.then(
    () => "ok",
    (e) => (e instanceof AppError ? e.code : String(e)),
  );
const brief = (stationId: string, extra: Record<string, unknown> = {}) => ({
  stationId,
  what: "Illicit liquor sold after 8 pm",
  where: "House opposite the Hanuman temple, Kareli",
  when: "Evenings",
  whoNamed: "One Raju",
  instructions: "Verify discreetly and raid",
  ...extra,
});

async function world() {
  const station = await makeStation();
  const other = await makeStation();
  const admin = actorOf(await makeUser({ role: "ADMIN" }));
  const desk = actorOf({ ...(await makeUser({ name: `Desk ${uid()}` })), districtWide: true });
  const supervisor = actorOf(await makeUser({ role: "SUPERVISOR" }));
  const local = actorOf(await makeUser({ stationId: station.id, districtWide: false }));
  const stranger = actorOf(await makeUser({ stationId: other.id, districtWide: false }));
  const phone = mobile();
  await addContact(admin, { stationId: station.id, name: "SHO Kareli", phone: `+91 ${phone}` });
  return { station, other, desk, supervisor, local, stranger, phone };
}

beforeAll(() => registerHandlers());
beforeEach(() => fake.reset());
afterAll(() => fake.close());

describe("action requests", () => {
  it("refuses a brief without instructions or with a past due time, and changes nothing", async () => {
    const w = await world();
    const tip = await makeTip();
    const before = await db.actionRequest.count({ where: { tipId: tip.id } });
    expect(await code(draftRequest(w.desk, tip.ref, brief(w.station.id, { instructions: "  " })))).toBe(
      "instructionsRequired",
    );
    expect(
      await code(
        draftRequest(w.desk, tip.ref, brief(w.station.id, { due: toIstLocal(new Date(Date.now() - 3_600_000)) })),
      ),
    ).toBe("dueInPast");
    expect(await code(draftRequest(w.desk, tip.ref, brief(w.station.id, { what: "" })))).toBe("invalid");
    expect(await db.actionRequest.count({ where: { tipId: tip.id } })).toBe(before);
    expect(await db.auditLog.count({ where: { tipId: tip.id, action: { startsWith: "request." } } })).toBe(0);
  });

  it("runs drafted → approved → sent → acknowledged → reported → closed, audited at every step", async () => {
    const w = await world();
    const informant = await makeInformant();
    const tip = await makeTip({ informantId: informant.id, text: "daaru from my house opposite the temple" });
    const r = await draftRequest(
      w.desk,
      tip.ref,
      brief(w.station.id, { where: `my house opposite the temple (${informant.alias})` }),
    );
    expect(r).toMatchObject({ released: false, warnings: 2 });
    let req = await db.actionRequest.findUniqueOrThrow({ where: { id: r.id } });
    expect(req).toMatchObject({ state: "DRAFTED", priority: "NORMAL", releasedAt: null, warnings: 2 });
    // Default due time for NORMAL: 48 hours.
    expect(Math.abs(req.dueAt.getTime() - (req.createdAt.getTime() + 48 * 3_600_000))).toBeLessThan(60_000);
    // Not released: the station does not see it, nobody was notified.
    expect(await getStationRequest(w.local, r.id)).toBeNull();
    expect(await db.stationNotification.count({ where: { requestId: r.id } })).toBe(0);
    expect(await code(acknowledgeRequest(w.local, r.id))).toBe("notFound");

    await approveRequest(w.supervisor, r.id);
    expect(await code(approveRequest(w.supervisor, r.id))).toBe("conflict");
    req = await db.actionRequest.findUniqueOrThrow({ where: { id: r.id } });
    expect(req).toMatchObject({ state: "APPROVED", approvedById: w.supervisor.id });
    expect(await drain()).toBeGreaterThanOrEqual(1);
    // The exact Cloud API call: the template and its four facts; no alias, no words of the tip or brief.
    // This world's duty contact only: another test's job may come due in the same drain.
    const sends = fake.calls.filter(
      (c) => c.route === "meta.send" && (c.body as { to?: string }).to === `91${w.phone}`,
    );
    expect(sends).toHaveLength(1);
    expect(sends[0].path).toBe("/meta/v23.0/106540352242922/messages");
    expect(sends[0].headers.authorization).toBe("Bearer test-access-token");
    expect(sends[0].body).toEqual({
      messaging_product: "whatsapp",
      recipient_type: "individual",
      to: `91${w.phone}`,
      type: "template",
      template: {
        name: "station_action_request",
        language: { code: "en" },
        components: [
          {
            type: "body",
            parameters: [tip.ref, "NORMAL", w.station.name, `https://mukhbir.example.in/station/requests/${r.id}`].map(
              (text) => ({ type: "text", text }),
            ),
          },
        ],
      },
    });
    const raw = JSON.stringify(sends[0].body);
    for (const secret of [informant.alias, "my house", "temple", "liquor", "Raju"]) expect(raw).not.toContain(secret);
    req = await db.actionRequest.findUniqueOrThrow({ where: { id: r.id } });
    expect(req.state).toBe("SENT");
    expect((await db.stationNotification.findFirstOrThrow({ where: { requestId: r.id } })).state).toBe("SENT");

    // The station sees the brief, acknowledges and reports.
    expect((await listStationRequests(w.local)).map((x) => x.id)).toContain(r.id);
    await acknowledgeRequest(w.local, r.id);
    expect(await code(acknowledgeRequest(w.local, r.id))).toBe("conflict");
    expect(() => parseReport({ kind: "FIR_REGISTERED", firNumber: "FIR twelve" })).toThrow(AppError);
    expect(() => parseReport({ kind: "FIR_REGISTERED", firNumber: "" })).toThrow(AppError);
    await reportAction(
      w.local,
      r.id,
      parseReport({ kind: "FIR_REGISTERED", firNumber: "0123/2026", arrests: "2" }),
      [],
    );
    req = await db.actionRequest.findUniqueOrThrow({ where: { id: r.id } });
    expect(req).toMatchObject({ state: "REPORTED" });
    expect(req.acknowledgedAt).toBeTruthy();
    const reports = await db.actionReport.findMany({ where: { requestId: r.id }, orderBy: { createdAt: "asc" } });
    expect(reports.map((x) => [x.kind, x.firNumber, x.arrests])).toEqual([
      ["ACKNOWLEDGED", null, null],
      ["FIR_REGISTERED", "0123/2026", 2],
    ]);

    await closeRequest(w.desk, r.id);
    expect((await db.actionRequest.findUniqueOrThrow({ where: { id: r.id } })).state).toBe("CLOSED");
    expect(await code(reportAction(w.local, r.id, parseReport({ kind: "ACTION_TAKEN" }), []))).toBe("conflict");

    const audits = await db.auditLog.findMany({
      where: { tipId: tip.id, action: { startsWith: "request." } },
      orderBy: { id: "asc" },
    });
    expect(audits.map((a) => a.action)).toEqual([
      "request.drafted",
      "request.approved",
      "request.sent",
      "request.acknowledged",
      "request.reported",
      "request.closed",
    ]);
    for (const a of audits) expect(JSON.stringify(a.detail)).not.toContain("temple");
    const events = await db.tipEvent.findMany({ where: { tipId: tip.id }, orderBy: { id: "asc" } });
    expect(events.map((e) => e.type)).toEqual([
      "request_drafted",
      "request_approved",
      "request_sent",
      "request_acknowledged",
      "request_reported",
      "request_closed",
    ]);
    // The tip itself stays open.
    expect((await db.tip.findUniqueOrThrow({ where: { id: tip.id } })).status).toBe("NEW");
  });

  it("sends an urgent brief first and records the supervisor's review after, without a second notice", async () => {
    const w = await world();
    const tip = await makeTip({ priority: "URGENT" });
    const r = await draftRequest(w.desk, tip.ref, brief(w.station.id));
    expect(r.released).toBe(true);
    const req = await db.actionRequest.findUniqueOrThrow({ where: { id: r.id } });
    expect(req).toMatchObject({ state: "APPROVED", approvedAt: null });
    expect(Math.abs(req.dueAt.getTime() - (req.createdAt.getTime() + 2 * 3_600_000))).toBeLessThan(60_000);
    // This request's notices only: another test's job may come due in the same drain.
    const notices = () => fake.calls.filter((c) => c.route === "meta.send" && JSON.stringify(c.body).includes(tip.ref));
    await drain();
    expect(notices()).toHaveLength(1);
    await approveRequest(w.supervisor, r.id);
    await drain();
    expect(notices()).toHaveLength(1);
    expect(await db.actionRequest.findUniqueOrThrow({ where: { id: r.id } })).toMatchObject({
      state: "SENT",
      approvedById: w.supervisor.id,
    });
  });

  it("keeps a failed notification pending with its error and retries it later; a refusal fails it for good", async () => {
    const w = await world();
    const tip = await makeTip();
    const r = await draftRequest(w.desk, tip.ref, brief(w.station.id));
    fake.failNext("meta.send", 1, 503, undefined, tip.ref);
    await approveRequest(w.supervisor, r.id);
    await drain();
    const n = await db.stationNotification.findFirstOrThrow({ where: { requestId: r.id } });
    expect(n).toMatchObject({ state: "PENDING", attempts: 1 });
    expect(n.error).toMatch(/503/);
    const job = await db.job.findFirstOrThrow({ where: { dedupeKey: `notify:${n.id}` } });
    expect(job.state).toBe("PENDING");
    expect(job.runAt.getTime()).toBeGreaterThan(Date.now());
    expect((await db.actionRequest.findUniqueOrThrow({ where: { id: r.id } })).state).toBe("APPROVED");

    const tip2 = await makeTip();
    const r2 = await draftRequest(w.desk, tip2.ref, brief(w.station.id));
    fake.failNext("meta.send", 1, 400, { error: { message: "Template name does not exist", code: 132001 } }, tip2.ref);
    await approveRequest(w.supervisor, r2.id);
    await drain();
    expect(await db.stationNotification.findFirstOrThrow({ where: { requestId: r2.id } })).toMatchObject({
      state: "FAILED",
      attempts: 1,
    });
    expect(await db.auditLog.count({ where: { tipId: tip2.id, action: "request.notify_failed" } })).toBe(1);
  });

  it("keeps every station to its own requests, on the server", async () => {
    const w = await world();
    const tip = await makeTip({ stationId: w.station.id, priority: "URGENT" });
    const r = await draftRequest(w.desk, tip.ref, brief(w.station.id));
    expect(await getStationRequest(w.stranger, r.id)).toBeNull();
    expect((await listStationRequests(w.stranger)).map((x) => x.id)).not.toContain(r.id);
    expect(await code(acknowledgeRequest(w.stranger, r.id))).toBe("notFound");
    expect(await code(reportAction(w.stranger, r.id, parseReport({ kind: "NOT_FOUND" }), []))).toBe("notFound");
    // A station-bound officer cannot draft for a tip of another station, nor approve.
    expect(await code(draftRequest(w.stranger, tip.ref, brief(w.station.id)))).toBe("notFound");
    expect(await code(approveRequest(w.stranger, r.id))).toBe("notFound");
    // The station's read of its request holds the brief and nothing of the informant.
    const seen = await getStationRequest(w.local, r.id);
    expect(seen?.what).toBe("Illicit liquor sold after 8 pm");
    const { alias } = await db.informant.findUniqueOrThrow({ where: { id: tip.informantId }, select: { alias: true } });
    expect(JSON.stringify(seen)).not.toContain(alias);
    expect(JSON.stringify(seen)).not.toMatch(/informant|alias|"body"/);
    expect((await db.actionRequest.findUniqueOrThrow({ where: { id: r.id } })).state).toBe("APPROVED");
  });

  it("refuses a contact number that is not an Indian mobile and adds nothing", async () => {
    const w = await world();
    const admin = actorOf(await makeUser({ role: "ADMIN" }));
    const before = await db.dutyContact.count({ where: { stationId: w.station.id } });
    expect(await code(addContact(admin, { stationId: w.station.id, name: "Landline", phone: "0532 2440111" }))).toBe(
      "mobileInvalid",
    );
    expect(await db.dutyContact.count({ where: { stationId: w.station.id } })).toBe(before);
  });
});
