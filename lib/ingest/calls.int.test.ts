// Twilio (WhatsApp, message status, voice) and Exotel webhooks against a real database, through
// their route handlers, signed the way the providers sign.
import { describe, expect, it } from "vitest";
import { db } from "../db";
import { hashAddress } from "../identity/crypto";
import { twilioWebhook } from "./webhook-routes";
import {
  sid,
  twilioCallParams,
  twilioRecordingParams,
  twilioSign,
  twilioWhatsAppParams,
} from "./testing/form-fixtures";
const twilioWhatsApp = twilioWebhook.whatsapp;
const twilioStatus = twilioWebhook.status;
const twilioVoice = twilioWebhook.voice;
const twilioVoiceStatus = twilioWebhook.voiceStatus;
const twilioRecording = twilioWebhook.recording;
const twilioRecorded = twilioWebhook.recorded;

const BASE = "https://mukhbir.example.in"; // PUBLIC_BASE_URL in vitest.config.ts
let seq = 0;
const phone = () => `9197${String(process.pid % 1000).padStart(3, "0")}${String(++seq).padStart(5, "0")}`;

type Handler = (req: Request, ctx?: never) => Promise<Response>;
function twilio(
  handler: Handler,
  path: string,
  params: Record<string, string>,
  opts: { signature?: string | null; host?: string } = {},
) {
  const body = new URLSearchParams(params).toString();
  const headers: Record<string, string> = { "content-type": "application/x-www-form-urlencoded" };
  const sig = opts.signature === undefined ? twilioSign("12345", BASE + path, params) : opts.signature;
  if (sig) headers["x-twilio-signature"] = sig;
  // The request reaches us on an internal address (behind a proxy); the signature is over the public URL.
  return handler(new Request(`http://10.0.0.5:3000${path}`, { method: "POST", body, headers }));
}

async function tipsOf(number: string) {
  const inf = await db.informant.findUnique({
    where: { addressHash: hashAddress({ kind: "phone", value: number }) },
    include: { tips: { include: { messages: { include: { attachments: true }, orderBy: { sentAt: "asc" } } } } },
  });
  return inf?.tips ?? [];
}

describe("Twilio WhatsApp", () => {
  it("stores an inbound message from whatsapp:+91… once, with its media pending and an acknowledgement queued", async () => {
    const n = phone();
    const params = twilioWhatsAppParams(`+${n}`, {
      NumMedia: "1",
      MediaUrl0: "https://api.twilio.com/2010-04-01/Accounts/AC0/Messages/MM1/Media/ME1",
      MediaContentType0: "image/jpeg",
      Body: "photo of the car",
    });
    expect((await twilio(twilioWhatsApp, "/api/webhooks/twilio/whatsapp", params)).status).toBe(200);
    expect((await twilio(twilioWhatsApp, "/api/webhooks/twilio/whatsapp", params)).status).toBe(200);
    const [tip] = await tipsOf(n);
    const inbound = tip.messages.filter((m) => m.direction === "INBOUND");
    expect(inbound).toHaveLength(1);
    expect(inbound[0]).toMatchObject({ provider: "TWILIO", kind: "IMAGE", body: "photo of the car" });
    expect(inbound[0].attachments[0]).toMatchObject({
      providerRef: params.MediaUrl0,
      mime: "image/jpeg",
      fetchState: "PENDING",
    });
    expect(tip.messages.find((m) => m.direction === "OUTBOUND")).toMatchObject({
      provider: "TWILIO",
      deliveryStatus: "QUEUED",
    });
  });

  it("refuses a forged, missing or wrong-URL signature with 401 and stores nothing; 400 on malformed params", async () => {
    const n = phone();
    const params = twilioWhatsAppParams(`+${n}`);
    expect((await twilio(twilioWhatsApp, "/api/webhooks/twilio/whatsapp", params, { signature: null })).status).toBe(
      401,
    );
    expect(
      (
        await twilio(twilioWhatsApp, "/api/webhooks/twilio/whatsapp", params, {
          signature: twilioSign("12345", "http://10.0.0.5:3000/api/webhooks/twilio/whatsapp", params),
        })
      ).status,
    ).toBe(401);
    expect(
      (
        await twilio(
          twilioWhatsApp,
          "/api/webhooks/twilio/whatsapp",
          { ...params, Body: "tampered" },
          { signature: twilioSign("12345", BASE + "/api/webhooks/twilio/whatsapp", params) },
        )
      ).status,
    ).toBe(401);
    expect(
      (await twilio(twilioWhatsApp, "/api/webhooks/twilio/whatsapp", { ...params, MessageSid: "nope" })).status,
    ).toBe(400);
    expect(await tipsOf(n)).toEqual([]);
  });

  it("updates our outbound message from Twilio's status callbacks", async () => {
    const n = phone();
    await twilio(twilioWhatsApp, "/api/webhooks/twilio/whatsapp", twilioWhatsAppParams(`+${n}`));
    const ack = (await tipsOf(n))[0].messages.find((m) => m.direction === "OUTBOUND")!;
    const sent = sid("SM");
    await db.message.update({ where: { id: ack.id }, data: { providerMessageId: sent, deliveryStatus: "SENT" } });
    const st = (s: string, extra = {}) =>
      twilio(twilioStatus, "/api/webhooks/twilio/status", {
        MessageSid: sent,
        MessageStatus: s,
        AccountSid: "AC" + "0".repeat(32),
        ...extra,
      });
    expect((await st("delivered")).status).toBe(200);
    expect((await db.message.findUniqueOrThrow({ where: { id: ack.id } })).deliveryStatus).toBe("DELIVERED");
    await st("read");
    await st("sent");
    expect((await db.message.findUniqueOrThrow({ where: { id: ack.id } })).deliveryStatus).toBe("READ");
  });
});

describe("Twilio Voice", () => {
  it("answers an incoming call with bilingual TwiML and a <Record>, then builds one CALL message from the callbacks", async () => {
    const n = phone();
    const call = twilioCallParams(`+${n}`);
    const res = await twilio(twilioVoice, "/api/webhooks/twilio/voice", call);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/xml");
    const xml = await res.text();
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<Response>/);
    expect(xml).toContain('<Say language="hi-IN">');
    expect(xml).toContain('<Say language="en-IN">');
    expect(xml).toMatch(
      /<Record [^>]*recordingStatusCallback="https:\/\/mukhbir.example.in\/api\/webhooks\/twilio\/voice\/recording"/,
    );
    expect(xml).toMatch(/<\/Response>$/);

    const recorded = await twilio(twilioRecorded, "/api/webhooks/twilio/voice/recorded", {
      ...call,
      CallStatus: "in-progress",
      RecordingUrl: "https://api.twilio.com/r/RE1",
      Digits: "#",
    });
    expect(await recorded.text()).toContain("<Hangup/>");
    const recUrl = `https://api.twilio.com/2010-04-01/Accounts/AC0/Recordings/${sid("RE")}`;
    const rec = twilioRecordingParams(call.CallSid, recUrl);
    expect((await twilio(twilioRecording, "/api/webhooks/twilio/voice/recording", rec)).status).toBe(200);
    expect((await twilio(twilioRecording, "/api/webhooks/twilio/voice/recording", rec)).status).toBe(200);
    expect(
      (
        await twilio(twilioVoiceStatus, "/api/webhooks/twilio/voice/status", {
          ...call,
          CallStatus: "completed",
          CallDuration: "31",
        })
      ).status,
    ).toBe(200);

    const [tip] = await tipsOf(n);
    expect(tip.channel).toBe("VOICE");
    expect(tip.messages).toHaveLength(1); // no WhatsApp acknowledgement for a caller
    const msg = tip.messages[0];
    expect(msg).toMatchObject({ kind: "CALL", direction: "INBOUND", providerMessageId: call.CallSid });
    expect(msg.meta).toMatchObject({ status: "voicemail", durationSec: 31, providerStatus: "completed" });
    expect(msg.attachments).toHaveLength(1);
    expect(msg.attachments[0]).toMatchObject({ providerRef: recUrl, durationSec: 14, fetchState: "PENDING" });
    expect(tip.mediaCount).toBe(1);
  });

  it("records a missed call, and ignores (with the reason) a recording for a call it never saw", async () => {
    const n = phone();
    const call = twilioCallParams(`+${n}`, { CallStatus: "no-answer" });
    await twilio(twilioVoiceStatus, "/api/webhooks/twilio/voice/status", call);
    expect((await tipsOf(n))[0].messages[0].meta).toMatchObject({ status: "missed" });
    const stray = twilioRecordingParams(sid("CA"), "https://api.twilio.com/r/x");
    expect((await twilio(twilioRecording, "/api/webhooks/twilio/voice/recording", stray)).status).toBe(200);
    const ev = await db.webhookEvent.findFirstOrThrow({
      where: { externalId: { startsWith: `call:${stray.CallSid}` } },
    });
    expect(ev).toMatchObject({ status: "IGNORED", error: "unknown call" });
  });
});

// Exotel: lib/ingest/exotel/exotel-calls.int.test.ts (calls are confirmed with Exotel's API first).
