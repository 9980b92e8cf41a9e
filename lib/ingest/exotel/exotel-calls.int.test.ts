// Exotel webhooks against a real database and the fake Exotel API: a callback is only stored once
// Exotel's Call Details API confirms the call, with the caller and recording from Exotel's answer;
// a call Exotel does not know is stored unverified and never threaded into anyone's tip (ADR 0211).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startFakeProviders } from "../../simulate/fake-providers";
import { exotelPassthruParams, twilioSign, twilioWhatsAppParams } from "../testing/form-fixtures";

const fake = await startFakeProviders({ exotelKey: "exo-key", exotelToken: "exo-token" });
process.env.EXOTEL_API_BASE = `${fake.url}/exotel`;
process.env.FETCH_ALLOWED_HOSTS = `http://127.0.0.1:${fake.port}`;

const { db } = await import("../../db");
const { hashAddress } = await import("../../identity/crypto");
const { drain } = await import("../../jobs/worker");
const { registerHandlers } = await import("../../jobs/handlers");
const { exotelWebhook, twilioWebhook } = await import("../webhook-routes");
const exotelPassthru = exotelWebhook.passthruGet;
const exotelStatus = exotelWebhook.status;
const twilioWhatsApp = twilioWebhook.whatsapp;

const TOKEN = "test-exotel-token-0123456789abcdefghij"; // vitest.config.ts
let seq = 0;
const phone = () => `9196${String(process.pid % 1000).padStart(3, "0")}${String(++seq).padStart(5, "0")}`;
const ctx = (token: string) => ({ params: Promise.resolve({ token }) }) as never;
const get = (token: string, params: Record<string, string>) =>
  exotelPassthru(
    new Request(`http://10.0.0.5:3000/api/webhooks/exotel/${token}/passthru?${new URLSearchParams(params)}`),
    ctx(token),
  );
const post = (token: string, params: Record<string, string>) =>
  exotelStatus(
    new Request(`http://10.0.0.5:3000/api/webhooks/exotel/${token}/status`, {
      method: "POST",
      body: new URLSearchParams(params),
      headers: { "content-type": "application/x-www-form-urlencoded" },
    }),
    ctx(token),
  );

async function whatsapp(number: string) {
  const params = twilioWhatsAppParams(`+${number}`);
  const path = "/api/webhooks/twilio/whatsapp";
  const res = await twilioWhatsApp(
    new Request(`http://10.0.0.5:3000${path}`, {
      method: "POST",
      body: new URLSearchParams(params).toString(),
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        "x-twilio-signature": twilioSign("12345", "https://mukhbir.example.in" + path, params),
      },
    }),
  );
  expect(res.status).toBe(200);
}

async function tipsOf(number: string) {
  const inf = await db.informant.findUnique({
    where: { addressHash: hashAddress({ kind: "phone", value: number }) },
    include: { tips: { include: { messages: { include: { attachments: true }, orderBy: { sentAt: "asc" } } } } },
  });
  return inf?.tips ?? [];
}

const callMessage = (callSid: string) =>
  db.message.findFirst({
    where: { provider: "EXOTEL", providerMessageId: callSid },
    include: { attachments: true, tip: true, informant: { omit: { addressCipher: false, nameCipher: false } } },
  });
const verifyJob = (callSid: string) =>
  db.job.findFirstOrThrow({
    where: { kind: "exotel.verify", payload: { path: ["callId"], equals: callSid } },
    orderBy: { id: "asc" },
  });
/** Lets a backed-off job run now (time passing), without sleeping. */
const dueNow = (callSid: string) =>
  db.job.updateMany({
    where: { kind: "exotel.verify", payload: { path: ["callId"], equals: callSid }, state: "PENDING" },
    data: { runAt: new Date(Date.now() - 1000) },
  });

beforeAll(() => registerHandlers());
beforeEach(() => fake.reset());
afterAll(() => fake.close());

describe("Exotel webhooks", () => {
  it("require the secret path token", async () => {
    const n = phone();
    const jobsBefore = await db.job.count({ where: { kind: "exotel.verify" } });
    const wrong = exotelPassthruParams(`0${n.slice(2)}`);
    const almost = exotelPassthruParams(`0${n.slice(2)}`);
    expect((await get("wrong-token", wrong)).status).toBe(401);
    expect((await get(TOKEN.slice(0, -1), almost)).status).toBe(401);
    // Nothing queued: no job for either call, and no job at all (other tests' calls may have left theirs).
    for (const p of [wrong, almost])
      expect(
        await db.job.count({ where: { kind: "exotel.verify", payload: { path: ["callId"], equals: p.CallSid } } }),
      ).toBe(0);
    expect(await db.job.count({ where: { kind: "exotel.verify" } })).toBe(jobsBefore);
    expect(await tipsOf(n)).toEqual([]);
  });

  it("store a confirmed call with Exotel's caller and recording (not the callback's), IVR digits and duration, once per retry", async () => {
    const n = phone();
    const params = exotelPassthruParams(`0${n.slice(2)}`, { digits: '"2"' });
    const exotelRecording = `${fake.url}/exotel/recordings/${params.CallSid}.mp3`;
    fake.addExotelCall({ Sid: params.CallSid, From: `0${n.slice(2)}`, RecordingUrl: exotelRecording });
    expect((await get(TOKEN, params)).status).toBe(200);
    expect((await get(TOKEN, { ...params, CurrentTime: "2026-11-30 10:20:55" })).status).toBe(200);
    const claimed = "https://recordings.exotel.com/exotelrecordings/mukhbir/forged.mp3";
    const vm = { ...params, CallType: "voicemail", RecordingUrl: claimed, CurrentTime: "2026-11-30 10:21:30" };
    expect((await get(TOKEN, vm)).status).toBe(200);
    expect(
      (
        await post(TOKEN, {
          CallSid: params.CallSid,
          Status: "completed",
          RecordingUrl: claimed,
          DateUpdated: "2026-11-30 10:22:00",
          ConversationDuration: "42",
        })
      ).status,
    ).toBe(200);
    // Committed as jobs (the Passthru answer never waits on Exotel); nothing stored yet.
    expect(await tipsOf(n)).toEqual([]);
    expect(
      await db.job.count({ where: { kind: "exotel.verify", payload: { path: ["callId"], equals: params.CallSid } } }),
    ).toBe(3);
    await drain();
    const [tip] = await tipsOf(n);
    expect(tip.messages).toHaveLength(1);
    const msg = tip.messages[0];
    expect(msg).toMatchObject({ provider: "EXOTEL", kind: "CALL" });
    expect(msg.meta).toMatchObject({ status: "voicemail", digits: "2", durationSec: 42 });
    expect((msg.meta as { unverified?: string }).unverified).toBeUndefined();
    expect(msg.attachments.map((a) => a.providerRef)).toEqual([exotelRecording]);
    const lookups = fake.calls.filter((c) => c.route === "exotel.call");
    expect(lookups.length).toBeGreaterThanOrEqual(3);
    expect(lookups[0]).toMatchObject({
      path: `/exotel/v1/Accounts/mukhbirtest/Calls/${params.CallSid}.json`,
      headers: { authorization: "Basic " + Buffer.from("exo-key:exo-token").toString("base64") },
    });
  });

  it("take Passthru on GET and on POST, read every duration field, and say voicemail only when nobody answered", async () => {
    const passthruPost = exotelWebhook.passthruPost;
    const answeredBy = phone();
    const g = exotelPassthruParams(`0${answeredBy.slice(2)}`, {
      CallType: "completed",
      DialCallDuration: "",
      Duration: "41",
      RecordingUrl: "https://recordings.exotel.com/a.mp3",
    });
    fake.addExotelCall({
      Sid: g.CallSid,
      From: `0${answeredBy.slice(2)}`,
      RecordingUrl: `${fake.url}/exotel/recordings/${g.CallSid}.mp3`,
    });
    expect((await get(TOKEN, g)).status).toBe(200);
    const leftBy = phone();
    const p = exotelPassthruParams(`0${leftBy.slice(2)}`, {
      CallType: "call-attempt",
      RecordingUrl: "https://recordings.exotel.com/b.mp3",
    });
    fake.addExotelCall({
      Sid: p.CallSid,
      From: `0${leftBy.slice(2)}`,
      RecordingUrl: `${fake.url}/exotel/recordings/${p.CallSid}.mp3`,
    });
    const viaPost = await passthruPost(
      new Request(`http://10.0.0.5:3000/api/webhooks/exotel/${TOKEN}/passthru`, {
        method: "POST",
        body: new URLSearchParams(p),
        headers: { "content-type": "application/x-www-form-urlencoded" },
      }),
      ctx(TOKEN),
    );
    expect(viaPost.status).toBe(200);
    await drain();
    expect((await tipsOf(answeredBy))[0].messages[0].meta).toMatchObject({ status: "answered", durationSec: 41 });
    expect((await tipsOf(leftBy))[0].messages[0].meta).toMatchObject({ status: "voicemail" });
  });

  it("thread a confirmed call into the same informant's open WhatsApp tip (same number, any format)", async () => {
    const n = phone();
    await whatsapp(n);
    const params = exotelPassthruParams(`0${n.slice(2)}`);
    fake.addExotelCall({ Sid: params.CallSid, From: `+${n}` });
    await get(TOKEN, params);
    await drain();
    const tips = await tipsOf(n);
    expect(tips).toHaveLength(1);
    expect(tips[0].messages.map((m) => m.kind).sort()).toEqual(["CALL", "TEXT", "TEXT"]);
  });

  it("never thread a forged call (right token, an existing informant's number) into that informant's tip", async () => {
    const n = phone();
    await whatsapp(n);
    const [before] = await tipsOf(n);
    const params = exotelPassthruParams(`0${n.slice(2)}`, {
      CallType: "voicemail",
      RecordingUrl: `${fake.url}/exotel/recordings/forged.mp3`,
    });
    expect((await get(TOKEN, params)).status).toBe(200);
    expect(
      (
        await post(TOKEN, {
          CallSid: params.CallSid,
          Status: "completed",
          From: `0${n.slice(2)}`,
          DateUpdated: "2026-11-30 10:22:00",
        })
      ).status,
    ).toBe(200);
    await drain();
    const [after] = await tipsOf(n);
    expect(after.id).toBe(before.id);
    expect(after.messages.map((m) => m.kind)).toEqual(before.messages.map((m) => m.kind));
    expect(after.messages.some((m) => m.kind === "CALL")).toBe(false);
    // Stored, not lost: on a tip and informant of its own, marked unverified, with no recording fetched.
    const call = await callMessage(params.CallSid);
    expect(call).not.toBeNull();
    expect(call!.tipId).not.toBe(before.id);
    expect(call!.informantId).not.toBe(before.informantId);
    expect(call!.informant).toMatchObject({ addressCipher: null, nameCipher: null });
    expect(call!.meta).toMatchObject({ unverified: "unknown" });
    expect(call!.attachments).toEqual([]);
    expect(fake.calls.filter((c) => c.route === "exotel.recording")).toEqual([]);
    // Both callbacks of the forged call land on that one message.
    expect(await db.message.count({ where: { provider: "EXOTEL", providerMessageId: params.CallSid } })).toBe(1);
  });

  it("while Exotel's API is unreachable, keep the call in a retrying job; confirm it once Exotel answers", async () => {
    const n = phone();
    const params = exotelPassthruParams(`0${n.slice(2)}`);
    fake.addExotelCall({ Sid: params.CallSid, From: `0${n.slice(2)}` });
    fake.failNext("exotel.call", 2, 503);
    expect((await get(TOKEN, params)).status).toBe(200);
    await drain();
    expect(await verifyJob(params.CallSid)).toMatchObject({
      state: "PENDING",
      attempts: 1,
      lastError: expect.stringMatching(/HTTP 503/),
    });
    expect(await callMessage(params.CallSid)).toBeNull();
    await dueNow(params.CallSid);
    await drain();
    await dueNow(params.CallSid);
    await drain();
    expect(await verifyJob(params.CallSid)).toMatchObject({ state: "DONE", attempts: 3 });
    const [tip] = await tipsOf(n);
    expect(tip.messages.map((m) => m.kind)).toEqual(["CALL"]);
  });

  it("store the call as unverified, not lose it, when Exotel stays unreachable to the last try", async () => {
    const n = phone();
    const params = exotelPassthruParams(`0${n.slice(2)}`);
    fake.addExotelCall({ Sid: params.CallSid, From: `0${n.slice(2)}` });
    fake.failNext("exotel.call", 100, 500);
    await get(TOKEN, params);
    await drain();
    const job = await verifyJob(params.CallSid);
    // The outage has lasted through every try but the last.
    await db.job.update({ where: { id: job.id }, data: { maxAttempts: 2, runAt: new Date(Date.now() - 1000) } });
    await drain();
    const call = await callMessage(params.CallSid);
    expect(call!.meta).toMatchObject({ unverified: "unreachable" });
    expect(await tipsOf(n)).toEqual([]);
    expect(await verifyJob(params.CallSid)).toMatchObject({ state: "DONE" });
  });

  it("wait for the recording a StatusCallback announced until Exotel's answer has it", async () => {
    const n = phone();
    const params = exotelPassthruParams(`0${n.slice(2)}`);
    fake.addExotelCall({ Sid: params.CallSid, From: `0${n.slice(2)}`, RecordingUrl: null });
    await post(TOKEN, {
      CallSid: params.CallSid,
      Status: "completed",
      RecordingUrl: "https://recordings.exotel.com/x.mp3",
      DateUpdated: "2026-11-30 10:22:00",
    });
    await drain();
    expect(await verifyJob(params.CallSid)).toMatchObject({
      state: "PENDING",
      lastError: expect.stringMatching(/not published/),
    });
    const published = `${fake.url}/exotel/recordings/${params.CallSid}.mp3`;
    fake.addExotelCall({ Sid: params.CallSid, From: `0${n.slice(2)}`, RecordingUrl: published });
    await dueNow(params.CallSid);
    await drain();
    const [tip] = await tipsOf(n);
    expect(tip.messages[0].attachments.map((a) => a.providerRef)).toEqual([published]);
  });
});
