// Exotel callbacks → call events. Passthru applet (GET or POST, as the flow configures it:
// CallSid, From/CallFrom, To/CallTo, Direction, CallType, DialCallStatus, DialCallDuration,
// digits, RecordingUrl…) and the StatusCallback (POST form: CallSid, Status, RecordingUrl,
// DateUpdated, ConversationDuration…), after Exotel's "Working with Passthru Applet" and
// StatusCallback docs. Exotel sends `digits` wrapped in literal double quotes ("1"): they are stripped.
import crypto from "node:crypto";
import { normaliseAddress } from "../../identity/address";
import { FormInputError, int, required, safePayload, type Params } from "../form";
import { EXOTEL } from "../payload-allowlist";
import type { CallEvent, CallStatus } from "../types";
import { clip } from "../../text/clip";
import { lookup } from "../lookup";

const CALL_TYPE: Record<string, CallStatus> = {
  "call-attempt": "missed",
  completed: "answered",
  "client-hangup": "missed",
  incomplete: "missed",
  voicemail: "voicemail",
  call: "answered",
};
const STATUS: Record<string, CallStatus> = {
  completed: "answered",
  failed: "missed",
  busy: "missed",
  "no-answer": "missed",
  "in-progress": "answered",
  ringing: "ringing",
};
/** Exotel names a call's length differently per applet and callback: the first one present wins. */
const DURATIONS = ["ConversationDuration", "DialCallDuration", "Duration", "CallDuration"];

export function stripDigits(raw: string | undefined) {
  const d = (raw ?? "").trim().replace(/^"+|"+$/g, "");
  return /^[0-9*#]{1,32}$/.test(d) ? d : undefined;
}

export function exotelPassthru(p: Params, now = new Date()): CallEvent {
  const callSid = required(p, "CallSid");
  const callType = (p.get("CallType") ?? "").toLowerCase();
  const status =
    lookup(CALL_TYPE, callType) ?? lookup(CALL_TYPE, (p.get("DialCallStatus") ?? "").toLowerCase()) ?? "ringing";
  // Exotel retries a Passthru with the same parameters (only CurrentTime moves): that is the key.
  const key = crypto
    .createHash("sha256")
    .update(JSON.stringify([...p].filter(([k]) => k !== "CurrentTime").sort()))
    .digest("hex")
    .slice(0, 24);
  return {
    ...common(p, callSid, now, status),
    externalId: `call:${callSid}:passthru:${key}`,
    kind: "call.passthru",
    status,
    providerStatus: callType || undefined,
    digits: stripDigits(p.get("digits") ?? p.get("Digits")),
  };
}

export function exotelStatus(p: Params, now = new Date()): CallEvent {
  const callSid = required(p, "CallSid");
  const raw = required(p, "Status", /^[a-z-]{1,20}$/);
  const status = lookup(STATUS, raw) ?? "ringing";
  return {
    ...common(p, callSid, now, status),
    externalId: `call:${callSid}:status:${raw}:${clip(p.get("EventType") ?? "terminal", 40)}`,
    kind: "call.status",
    status,
    providerStatus: raw,
    digits: stripDigits(p.get("digits")),
  };
}

function common(p: Params, callSid: string, now: Date, status: CallStatus) {
  const from = p.get("CallFrom") || p.get("From");
  const address = from ? normaliseAddress("phone", from) : null;
  if (from && !address) throw new FormInputError("malformed From");
  const url = p.get("RecordingUrl");
  const recording =
    url && /^https?:\/\//.test(url) && url !== "null"
      ? { providerRef: url, mime: "audio/mpeg", durationSec: int(p.get("RecordingDuration")) }
      : undefined;
  const dir = (p.get("Direction") ?? "incoming").toLowerCase();
  return {
    type: "call" as const,
    provider: "EXOTEL" as const,
    at: now,
    callId: callSid,
    sender: address ? { address } : undefined,
    direction: dir.startsWith("outbound") ? ("OUTBOUND" as const) : ("INBOUND" as const),
    recording,
    // A recording of an answered call is the conversation; of an unanswered one, a message left.
    voicemail: recording ? status !== "answered" : undefined,
    durationSec: DURATIONS.map((k) => int(p.get(k))).find((d) => d !== undefined),
    payload: safePayload(p, EXOTEL.call),
    repairs: p.repairs,
  };
}
