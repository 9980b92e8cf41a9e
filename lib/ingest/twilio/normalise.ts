// Twilio callbacks → internal events. WhatsApp inbound (MessageSid, From=whatsapp:+91…, Body,
// NumMedia, MediaUrlN, MediaContentTypeN, Latitude/Longitude, ButtonText…), message status
// callbacks (MessageStatus), and Programmable Voice: incoming call, call status and recording
// status callbacks. Parameter names after Twilio's webhook docs (messaging and voice).
import type { DeliveryStatus, MessageKind } from "../../generated/prisma/enums";
import { normaliseAddress } from "../../identity/address";
import { scrubIdentity } from "../../identity/scrub";
import { FormInputError, int, required, safePayload, type Params } from "../form";
import { TWILIO } from "../payload-allowlist";
import type { CallEvent, CallStatus, MediaRef, MessageEvent, NoticeEvent, StatusEvent, Sender } from "../types";
import { clip } from "../../text/clip";
import { lookup } from "../lookup";

const SID = /^[A-Z]{2}[0-9a-fA-F]{32}$/;

export function twilioWhatsApp(p: Params, now = new Date()): MessageEvent {
  const sid = required(p, "MessageSid", SID);
  const n = Math.min(int(p.get("NumMedia")) ?? 0, 10);
  const media: MediaRef[] = [];
  for (let i = 0; i < n; i++) {
    const url = p.get(`MediaUrl${i}`);
    if (!url || !/^https?:\/\//.test(url)) throw new FormInputError(`missing MediaUrl${i}`);
    media.push({ providerRef: url, mime: p.get(`MediaContentType${i}`) || undefined });
  }
  const body = p.get("Body") ?? "";
  const lat = p.get("Latitude");
  const lng = p.get("Longitude");
  const type = p.get("MessageType") ?? "";
  let messageKind: MessageKind = "TEXT";
  let meta: Record<string, string | number | boolean | null> = {};
  let text = body;
  let reason: string | undefined;
  if (media.length) messageKind = mediaKind(media[0].mime, type);
  else if (lat && lng) {
    messageKind = "LOCATION";
    meta = {
      latitude: Number(lat),
      longitude: Number(lng),
      name: p.get("Label") ?? null,
      address: p.get("Address") ?? null,
    };
    text = [p.get("Label"), p.get("Address")].filter(Boolean).join(", ");
  } else if (p.get("ButtonText") || p.get("ButtonPayload")) {
    messageKind = "INTERACTIVE";
    text = p.get("ButtonText") ?? "";
    meta = { type: "button", payload: p.get("ButtonPayload") ?? null };
  } else if (!body && type && type !== "text") {
    messageKind = "UNSUPPORTED";
    reason = `message type "${clip(type, 40)}" not supported`;
    meta = { type: clip(type, 40), reason };
  }
  const replyTo = p.get("OriginalRepliedMessageSid");
  return {
    type: "message",
    provider: "TWILIO",
    channel: "WHATSAPP",
    externalId: sid,
    providerMessageId: sid,
    kind: `message.${messageKind.toLowerCase()}`,
    at: now,
    sender: whatsAppSender(p),
    messageKind,
    body: text,
    meta,
    media,
    replyToProviderId: replyTo && SID.test(replyTo) ? replyTo : undefined,
    reason,
    payload: safePayload(p, TWILIO.message),
    repairs: p.repairs,
  };
}

function mediaKind(mime: string | undefined, type: string): MessageKind {
  if (type === "sticker") return "STICKER";
  const major = (mime ?? "").split("/")[0];
  return major === "image" ? "IMAGE" : major === "audio" ? "AUDIO" : major === "video" ? "VIDEO" : "DOCUMENT";
}

function whatsAppSender(p: Params): Sender {
  const from = (p.get("From") ?? "").replace(/^whatsapp:/i, "");
  const address =
    (p.get("WaId") && normaliseAddress("wa_id", p.get("WaId")!)) ||
    normaliseAddress("bsuid", from) ||
    normaliseAddress("phone", from);
  if (!address) throw new FormInputError("missing or malformed From");
  return { address, name: p.get("ProfileName") || undefined };
}

const MESSAGE_STATUS: Record<string, DeliveryStatus | undefined> = {
  queued: "QUEUED",
  accepted: "QUEUED",
  scheduled: "QUEUED",
  sending: "QUEUED",
  sent: "SENT",
  delivered: "DELIVERED",
  read: "READ",
  undelivered: "FAILED",
  failed: "FAILED",
  canceled: "FAILED",
};

export function twilioMessageStatus(p: Params, now = new Date()): StatusEvent | NoticeEvent {
  const sid = required(p, "MessageSid", SID);
  const raw = required(p, "MessageStatus", /^[a-z_-]{1,30}$/);
  const status = lookup(MESSAGE_STATUS, raw);
  const base = {
    provider: "TWILIO" as const,
    externalId: `status:${sid}:${raw}`,
    kind: `status.${raw}`,
    at: now,
    payload: safePayload(p, TWILIO.status),
    repairs: p.repairs,
  };
  // A status Twilio adds tomorrow is recorded, not refused (a 4xx would make Twilio retry it).
  if (!status) return { ...base, type: "notice", reason: `unknown MessageStatus "${raw}"` };
  const code = p.get("ErrorCode");
  const error =
    status === "FAILED" ? scrubIdentity([code, p.get("ErrorMessage") ?? raw].filter(Boolean).join(" ")) : undefined;
  return { ...base, type: "status", providerMessageId: sid, status, error };
}

const CALL_STATUS: Record<string, CallStatus> = {
  queued: "ringing",
  ringing: "ringing",
  "in-progress": "answered",
  completed: "answered",
  busy: "missed",
  "no-answer": "missed",
  failed: "missed",
  canceled: "missed",
};

/** stage: `incoming` (the call webhook), `status` (statusCallback), `recording` (recordingStatusCallback). */
export function twilioCall(p: Params, stage: "incoming" | "status" | "recording", now = new Date()): CallEvent {
  const callSid = required(p, "CallSid", SID);
  const from = p.get("From") ?? p.get("Caller");
  const address = from ? normaliseAddress("phone", from) : null;
  if (stage !== "recording" && !address) throw new FormInputError("missing or malformed From");
  const raw = p.get("CallStatus") ?? "";
  const base = {
    type: "call" as const,
    provider: "TWILIO" as const,
    at: now,
    callId: callSid,
    payload: safePayload(p, TWILIO.call),
    repairs: p.repairs,
    sender: address ? { address } : undefined,
  };
  const direction = (p.get("Direction") ?? "inbound").startsWith("outbound")
    ? ("OUTBOUND" as const)
    : ("INBOUND" as const);
  const digits = p.get("Digits") && /^[0-9*#]{1,32}$/.test(p.get("Digits")!) ? p.get("Digits") : undefined;
  if (stage === "recording") {
    const recSid = required(p, "RecordingSid", SID);
    const url = p.get("RecordingUrl");
    const status = p.get("RecordingStatus") ?? "completed";
    const done = status === "completed" && !!url && /^https?:\/\//.test(url);
    return {
      ...base,
      direction,
      externalId: `call:${callSid}:recording:${recSid}:${status}`,
      kind: clip(`call.recording.${status}`, 60),
      recording: done
        ? { providerRef: url!, mime: "audio/wav", durationSec: int(p.get("RecordingDuration")) }
        : undefined,
      // Our TwiML answers with a greeting and records: the recording is a message left for the desk.
      voicemail: done,
    };
  }
  return {
    ...base,
    direction,
    externalId: `call:${callSid}:${stage}:${raw || "ringing"}`,
    kind: `call.${stage}`,
    status: lookup(CALL_STATUS, raw) ?? "ringing",
    providerStatus: raw || undefined,
    durationSec: int(p.get("CallDuration")),
    digits,
  };
}
