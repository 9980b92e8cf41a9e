// Twilio and Exotel callbacks with the parameter names of their docs (Twilio "Messaging webhook
// request", Voice "TwiML request parameters", recording status callback; Exotel "Working with
// Passthru Applet" and StatusCallback), signed as Twilio signs them.
import crypto from "node:crypto";

const hex = (n: number) => crypto.randomBytes(n).toString("hex");
export const sid = (prefix: string) => prefix + hex(16);
export const ACCOUNT_SID = "AC" + "0".repeat(32);

export function twilioWhatsAppParams(from: string, extra: Record<string, string> = {}): Record<string, string> {
  const messageSid = sid("SM");
  return {
    SmsMessageSid: messageSid,
    NumMedia: "0",
    ProfileName: "Sheena Nelson",
    MessageType: "text",
    SmsSid: messageSid,
    WaId: from.replace(/\D/g, ""),
    SmsStatus: "received",
    Body: "Hello from Twilio",
    To: "whatsapp:+14155238886",
    NumSegments: "1",
    ReferralNumMedia: "0",
    MessageSid: messageSid,
    AccountSid: ACCOUNT_SID,
    From: `whatsapp:+${from.replace(/\D/g, "")}`,
    ApiVersion: "2010-04-01",
    ...extra,
  };
}

export function twilioCallParams(from: string, extra: Record<string, string> = {}): Record<string, string> {
  const digits = from.replace(/\D/g, "");
  return {
    AccountSid: ACCOUNT_SID,
    ApiVersion: "2010-04-01",
    CallSid: sid("CA"),
    CallStatus: "ringing",
    Called: "+14155238886",
    CalledCountry: "US",
    Caller: `+${digits}`,
    CallerCountry: "IN",
    Direction: "inbound",
    From: `+${digits}`,
    FromCountry: "IN",
    FromCity: "PRAYAGRAJ",
    To: "+14155238886",
    ToCountry: "US",
    ...extra,
  };
}

export function twilioRecordingParams(
  callSid: string,
  url: string,
  extra: Record<string, string> = {},
): Record<string, string> {
  return {
    AccountSid: ACCOUNT_SID,
    CallSid: callSid,
    RecordingSid: sid("RE"),
    RecordingUrl: url,
    RecordingStatus: "completed",
    RecordingDuration: "14",
    RecordingChannels: "1",
    RecordingStartTime: new Date().toUTCString(),
    RecordingSource: "RecordVerb",
    RecordingTrack: "both",
    ...extra,
  };
}

export function twilioSign(token: string, url: string, params: Record<string, string>) {
  const data =
    url +
    Object.keys(params)
      .sort()
      .map((k) => k + params[k])
      .join("");
  return crypto.createHmac("sha1", token).update(data, "utf8").digest("base64");
}

export function exotelPassthruParams(from: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    CallSid: hex(16),
    CallFrom: from,
    CallTo: "08047112233",
    Direction: "incoming",
    Created: "Mon, 30 Nov 2026 10:20:00",
    DialCallDuration: "0",
    StartTime: "2026-11-30 10:20:00",
    EndTime: "1970-01-01 05:30:00",
    CallType: "call-attempt",
    DialWhomNumber: "",
    flow_id: "228880",
    tenant_id: "67291",
    From: from,
    To: "08047112233",
    CurrentTime: "2026-11-30 10:20:41",
    digits: '"1"',
    ...extra,
  };
}
