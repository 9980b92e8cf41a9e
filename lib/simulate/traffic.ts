// Builders for signed provider webhooks in their documented shapes, used by the simulator
// (scripts/simulate.ts), the ingest benchmark and e2e specs. Media they mention is served by the
// fake provider API (scripts/fake-providers.ts): media ids / URLs name the fixture (`photo-…`).
import crypto from "node:crypto";
import { CAPTIONS, FOLLOW_UPS, TEXTS, fill } from "./texts";
import { realWaId } from "../ingest/testing/meta-fixtures";

export type SimConfig = {
  url: string;
  /** The base URL the app believes it is served at (Twilio signs the public URL). */
  publicUrl: string;
  fakeUrl: string;
  appSecret: string;
  phoneNumberId: string;
  twilioSid: string;
  twilioToken: string;
  twilioNumber: string;
  exotelToken: string;
};

export const PATHS = {
  meta: "/api/webhooks/whatsapp",
  twilioWhatsApp: "/api/webhooks/twilio/whatsapp",
  twilioVoice: "/api/webhooks/twilio/voice",
  twilioCallStatus: "/api/webhooks/twilio/voice/status",
  twilioRecording: "/api/webhooks/twilio/voice/recording",
  twilioMessageStatus: "/api/webhooks/twilio/status",
  exotelPassthru: (token: string) => `/api/webhooks/exotel/${token}/passthru`,
  exotelStatus: (token: string) => `/api/webhooks/exotel/${token}/status`,
};

/** `setup`: a request to the fake provider itself (e.g. telling its Exotel API about a call), sent first and not counted. */
export type SimRequest = {
  label: string;
  method: "GET" | "POST";
  url: string;
  headers: Record<string, string>;
  body?: string;
  setup?: boolean;
};
export type Informant = { phone: string; name: string; bsuid?: string; bsuidOnly?: boolean; lastWamid?: string };

const FIRST = [
  "Ramesh",
  "Suresh",
  "Anita",
  "Pooja",
  "Imran",
  "Salma",
  "Vikas",
  "Neha",
  "Arjun",
  "Kavita",
  "राजेश",
  "सीमा",
  "Mohd. Arif",
  "Deepak",
];
const LAST = ["Yadav", "Verma", "Khan", "Tiwari", "Maurya", "Pandey", "Singh", "Gupta", "Ansari", "Nishad", "कुमार", ""];

/** A deterministic random source (mulberry32), so a seed replays the same traffic. */
export function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function makeInformants(n: number, rnd: () => number): Informant[] {
  return Array.from({ length: n }, (_, i) => {
    const phone = `91${6 + Math.floor(rnd() * 4)}${String(Math.floor(rnd() * 1e9)).padStart(9, "0")}`;
    const name = `${FIRST[Math.floor(rnd() * FIRST.length)]} ${LAST[Math.floor(rnd() * LAST.length)]}`.trim();
    // Since 2026 some senders come with a business-scoped user id, a few without their number.
    const bsuid = rnd() < 0.3 ? `IN.${Math.floor(rnd() * 1e15)}${i}` : undefined;
    return { phone, name, bsuid, bsuidOnly: !!bsuid && rnd() < 0.3 };
  });
}

const hex = (n: number) => crypto.randomBytes(n).toString("hex");
const digits = (n: number) => Array.from(crypto.randomBytes(n), (b) => b % 10).join("");

export function metaSignature(raw: string, secret: string) {
  return "sha256=" + crypto.createHmac("sha256", secret).update(raw).digest("hex");
}

export function twilioSignature(token: string, url: string, params: Record<string, string>) {
  const data =
    url +
    Object.keys(params)
      .sort()
      .map((k) => k + params[k])
      .join("");
  return crypto.createHmac("sha1", token).update(data, "utf8").digest("base64");
}

// --- Meta WhatsApp Cloud API --------------------------------------------------------------

/** A message id in WhatsApp's real format (base64 of a record holding the sender's number). */
export function wamid(number = "910000000000") {
  return realWaId(number);
}

/** A signed `messages` webhook: one entry and change per informant, all their messages in it. */
export function metaRequest(
  cfg: SimConfig,
  batch: { who: Informant; messages: Record<string, unknown>[] }[],
  label = "meta",
): SimRequest {
  const values = batch.map(({ who, messages }) => ({
    messaging_product: "whatsapp",
    metadata: { display_phone_number: "15550783881", phone_number_id: cfg.phoneNumberId },
    contacts: [
      {
        profile: { name: who.name },
        ...(who.bsuidOnly ? {} : { wa_id: who.phone }),
        ...(who.bsuid ? { user_id: who.bsuid } : {}),
      },
    ],
    messages: messages.map((m) => ({
      ...(who.bsuidOnly ? {} : { from: who.phone }),
      ...(who.bsuid ? { from_user_id: who.bsuid } : {}),
      id: wamid(who.phone),
      timestamp: String(Math.floor(Date.now() / 1000)),
      ...m,
    })),
  }));
  const payload = {
    object: "whatsapp_business_account",
    entry: [{ id: "102290129340398", changes: values.map((value) => ({ field: "messages", value })) }],
  };
  return signedMeta(cfg, payload, label);
}

export function metaStatusRequest(
  cfg: SimConfig,
  statuses: { id: string; status: string; recipient: string }[],
): SimRequest {
  const payload = {
    object: "whatsapp_business_account",
    entry: [
      {
        id: "102290129340398",
        changes: [
          {
            field: "messages",
            value: {
              messaging_product: "whatsapp",
              metadata: { display_phone_number: "15550783881", phone_number_id: cfg.phoneNumberId },
              statuses: statuses.map((s) => ({
                id: s.id,
                status: s.status,
                timestamp: String(Math.floor(Date.now() / 1000)),
                recipient_id: s.recipient,
                ...(s.status === "sent"
                  ? {
                      conversation: { id: hex(16), origin: { type: "service" } },
                      pricing: {
                        billable: false,
                        pricing_model: "PMP",
                        category: "service",
                        type: "free_customer_service",
                      },
                    }
                  : {}),
              })),
            },
          },
        ],
      },
    ],
  };
  return signedMeta(cfg, payload, "meta.status");
}

function signedMeta(cfg: SimConfig, payload: unknown, label: string): SimRequest {
  const body = JSON.stringify(payload);
  return {
    label,
    method: "POST",
    url: cfg.url + PATHS.meta,
    headers: { "content-type": "application/json", "x-hub-signature-256": metaSignature(body, cfg.appSecret) },
    body,
  };
}

/** One message of the given type, with realistic content; media ids name the fake's fixtures. */
export function metaMessage(
  type: string,
  rnd: () => number,
  who: Informant,
  fixtureSha: Record<string, string>,
): Record<string, unknown> {
  const pick = <T>(a: T[]) => a[Math.floor(rnd() * a.length)];
  const media = (kind: string) => ({ id: `${kind}-${digits(15)}`, sha256: fixtureSha[kind] });
  switch (type) {
    case "text":
      return { type: "text", text: { body: fill(pick(TEXTS).text, rnd) } };
    case "followup":
      return {
        type: "text",
        text: { body: fill(pick(FOLLOW_UPS), rnd) },
        ...(who.lastWamid ? { context: { from: "15550783881", id: who.lastWamid } } : {}),
      };
    case "image":
      return { type: "image", image: { caption: pick(CAPTIONS), mime_type: "image/jpeg", ...media("photo") } };
    case "audio":
      return { type: "audio", audio: { mime_type: "audio/ogg; codecs=opus", voice: true, ...media("voice") } };
    case "video":
      return { type: "video", video: { caption: "Video of the spot", mime_type: "video/ogg", ...media("video") } };
    case "document":
      return {
        type: "document",
        document: {
          caption: "Complaint copy",
          filename: "complaint.pdf",
          mime_type: "application/pdf",
          ...media("doc"),
        },
      };
    case "sticker":
      return { type: "sticker", sticker: { mime_type: "image/webp", animated: false, ...media("sticker") } };
    case "location":
      return {
        type: "location",
        location: {
          latitude: 25.43 + rnd() * 0.06,
          longitude: 81.8 + rnd() * 0.08,
          name: pick(["Kareli", "Naini", "Jhunsi", "Civil Lines"]),
          address: "Prayagraj, Uttar Pradesh",
        },
      };
    case "contacts":
      return {
        type: "contacts",
        contacts: [
          {
            name: { formatted_name: "Pappu (supplier)", first_name: "Pappu" },
            phones: [{ phone: `+91 9${digits(4)} ${digits(5)}`, type: "CELL" }],
          },
        ],
      };
    case "interactive":
      return {
        type: "interactive",
        interactive: { type: "button_reply", button_reply: { id: "more-info", title: "More details" } },
      };
    case "reaction":
      return who.lastWamid
        ? { type: "reaction", reaction: { message_id: who.lastWamid, emoji: pick(["👍", "🙏"]) } }
        : { type: "text", text: { body: "🙏" } };
    default:
      return {
        type: "unsupported",
        errors: [
          {
            code: 131051,
            title: "Message type unknown",
            message: "Message type unknown",
            error_data: { details: "Message type is currently not supported." },
          },
        ],
        unsupported: { type: "edit" },
      };
  }
}

// --- Twilio (WhatsApp + Voice) -----------------------------------------------------------

function twilioForm(cfg: SimConfig, path: string, params: Record<string, string>, label: string): SimRequest {
  const sig = twilioSignature(cfg.twilioToken, cfg.publicUrl + path, params);
  return {
    label,
    method: "POST",
    url: cfg.url + path,
    headers: { "content-type": "application/x-www-form-urlencoded", "x-twilio-signature": sig },
    body: new URLSearchParams(params).toString(),
  };
}

export function twilioWhatsApp(cfg: SimConfig, who: Informant, rnd: () => number): SimRequest {
  const sid = `SM${hex(16)}`;
  const base: Record<string, string> = {
    SmsMessageSid: sid,
    MessageSid: sid,
    SmsSid: sid,
    AccountSid: cfg.twilioSid,
    MessagingServiceSid: `MG${hex(16)}`,
    From: `whatsapp:+${who.phone}`,
    To: `whatsapp:${cfg.twilioNumber}`,
    WaId: who.phone,
    ProfileName: who.name,
    NumSegments: "1",
    SmsStatus: "received",
    ApiVersion: "2010-04-01",
    ReferralNumMedia: "0",
    MessageType: "text",
    NumMedia: "0",
    Body: "",
  };
  const r = rnd();
  if (r < 0.6) base.Body = fill(TEXTS[Math.floor(rnd() * TEXTS.length)].text, rnd);
  else if (r < 0.85) {
    const kind = rnd() < 0.6 ? "photo" : "voice";
    Object.assign(base, {
      MessageType: kind === "photo" ? "image" : "audio",
      NumMedia: "1",
      Body: kind === "photo" ? CAPTIONS[0] : "",
      MediaContentType0: kind === "photo" ? "image/jpeg" : "audio/ogg",
      MediaUrl0: `https://api.twilio.com/2010-04-01/Accounts/${cfg.twilioSid}/Messages/${sid}/Media/ME${kind}${hex(14)}`,
    });
  } else
    Object.assign(base, {
      MessageType: "location",
      Latitude: String(25.44 + rnd() * 0.05),
      Longitude: String(81.82 + rnd() * 0.06),
      Address: "Naini, Prayagraj",
      Label: "Naini",
    });
  return twilioForm(cfg, PATHS.twilioWhatsApp, base, "twilio.whatsapp");
}

/** A whole inbound call: ringing → IVR digits → status (answered, missed or voicemail) → recording. */
export function twilioCall(cfg: SimConfig, who: Informant, rnd: () => number): SimRequest[] {
  const callSid = `CA${hex(16)}`;
  const common = {
    AccountSid: cfg.twilioSid,
    CallSid: callSid,
    From: `+${who.phone}`,
    To: cfg.twilioNumber,
    Caller: `+${who.phone}`,
    Called: cfg.twilioNumber,
    Direction: "inbound",
    ApiVersion: "2010-04-01",
    CallerCountry: "IN",
    FromCountry: "IN",
  };
  const out = [twilioForm(cfg, PATHS.twilioVoice, { ...common, CallStatus: "ringing" }, "twilio.call")];
  const r = rnd();
  if (r < 0.25)
    out.push(
      twilioForm(
        cfg,
        PATHS.twilioCallStatus,
        { ...common, CallStatus: "no-answer", CallDuration: "0" },
        "twilio.call.status",
      ),
    );
  else {
    const dur = String(20 + Math.floor(rnd() * 200));
    out.push(
      twilioForm(
        cfg,
        PATHS.twilioVoice,
        { ...common, CallStatus: "in-progress", Digits: String(1 + Math.floor(rnd() * 3)) },
        "twilio.call.digits",
      ),
    );
    out.push(
      twilioForm(
        cfg,
        PATHS.twilioCallStatus,
        { ...common, CallStatus: "completed", CallDuration: dur },
        "twilio.call.status",
      ),
    );
    const re = `RE${hex(16)}`;
    out.push(
      twilioForm(
        cfg,
        PATHS.twilioRecording,
        {
          AccountSid: cfg.twilioSid,
          CallSid: callSid,
          RecordingSid: re,
          RecordingUrl: `https://api.twilio.com/2010-04-01/Accounts/${cfg.twilioSid}/Recordings/${re}`,
          RecordingStatus: "completed",
          RecordingDuration: "6",
          RecordingChannels: "1",
          RecordingStartTime: new Date().toUTCString(),
          RecordingSource: "RecordVerb",
          ErrorCode: "0",
        },
        "twilio.recording",
      ),
    );
  }
  return out;
}

export function twilioMessageStatus(cfg: SimConfig, sid: string, to: string, status: string): SimRequest {
  return twilioForm(
    cfg,
    PATHS.twilioMessageStatus,
    {
      AccountSid: cfg.twilioSid,
      MessageSid: sid,
      SmsSid: sid,
      MessageStatus: status,
      SmsStatus: status,
      To: to,
      From: `whatsapp:${cfg.twilioNumber}`,
      ApiVersion: "2010-04-01",
      ChannelPrefix: "whatsapp",
    },
    "twilio.status",
  );
}

// --- Exotel --------------------------------------------------------------------------------

/** An Exotel call: registered with the fake Exotel API (the app confirms every call there), then the
 *  Passthru GET as the caller moves through the flow, then the StatusCallback POST. */
export function exotelCall(cfg: SimConfig, who: Informant, rnd: () => number): SimRequest[] {
  const callSid = hex(16);
  const from = `0${who.phone.slice(2)}`; // Exotel reports Indian numbers in national format
  const now = new Date();
  const ts = (d: Date) => d.toISOString().replace("T", " ").slice(0, 19);
  const answered = rnd() > 0.3;
  const recording = `${cfg.fakeUrl}/exotel/recordings/${callSid}.mp3`;
  const passthru = new URLSearchParams({
    CallSid: callSid,
    CallFrom: from,
    CallTo: "08047XXXX12".replace("XXXX", "1234"),
    Direction: "incoming",
    Created: ts(now),
    DialCallDuration: answered ? String(30 + Math.floor(rnd() * 120)) : "0",
    StartTime: ts(now),
    EndTime: "0000-00-00 00:00:00",
    CallType: answered ? "completed" : "call-attempt",
    digits: `"${1 + Math.floor(rnd() * 3)}"`,
    flow_id: "228114",
    tenant_id: "41210",
    From: from,
    To: "08047121234",
    CurrentTime: ts(now),
    ...(answered ? { RecordingUrl: recording } : {}),
  });
  const base = cfg.url + PATHS.exotelPassthru(cfg.exotelToken);
  const status = new URLSearchParams({
    CallSid: callSid,
    DateUpdated: ts(new Date(now.getTime() + 90_000)),
    Status: answered ? "completed" : "no-answer",
    ...(answered ? { RecordingUrl: recording } : {}),
  });
  const call = {
    Sid: callSid,
    From: from,
    To: "08047121234",
    Status: answered ? "completed" : "no-answer",
    Direction: "inbound",
    RecordingUrl: answered ? recording : null,
  };
  return [
    {
      label: "exotel.register",
      method: "POST",
      url: `${cfg.fakeUrl}/_exotel/calls`,
      headers: { "content-type": "application/json" },
      body: JSON.stringify(call),
      setup: true,
    },
    { label: "exotel.passthru", method: "GET", url: `${base}?${passthru}`, headers: {} },
    {
      label: "exotel.status",
      method: "POST",
      url: cfg.url + PATHS.exotelStatus(cfg.exotelToken),
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: status.toString(),
    },
  ];
}
