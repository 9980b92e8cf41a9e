// Provider deliveries as the providers send them, signed with the e2e secrets: WhatsApp Cloud API
// webhooks (Meta's documented shapes, real-format `wamid.` ids, X-Hub-Signature-256), Twilio form
// posts (X-Twilio-Signature over the public URL) and Exotel Passthru callbacks (secret path token;
// the call registered with the fake Exotel API, which the app's verify job asks). Each valid
// delivery carries a unique token in its message text (or a unique CallSid), so the suite can tell
// exactly which deliveries ended up stored, and how often. Requests are rendered per target URL,
// because Twilio signs the URL it calls.
import crypto from "node:crypto";
import { E2E } from "../../../e2e/env";
import { envelope, inbound, realWaId, status } from "../../ingest/testing/meta-fixtures";
import { exotelPassthruParams, twilioSign, twilioWhatsAppParams } from "../../ingest/testing/form-fixtures";

const SECRETS = E2E.serverEnv;
export const PHONE_NUMBER_ID = SECRETS.WHATSAPP_PHONE_NUMBER_IDS.split(",")[0];
export const EXOTEL_PATH = `/api/webhooks/exotel/${SECRETS.EXOTEL_WEBHOOK_TOKEN}`;

export type Rendered = { method: "GET" | "POST"; path: string; headers: Record<string, string>; body?: string };
export type Expectation = "stored" | "forged" | "malformed";

export type Delivery = {
  /** Unique per delivery; a redelivery is the same Delivery sent again. */
  id: string;
  provider: "META" | "TWILIO" | "EXOTEL";
  expect: Expectation;
  /** Tokens of the inbound text messages it carries (each must be stored exactly once when valid). */
  tokens: string[];
  /** An Exotel call it announces (its CALL message must be stored once when valid). */
  callSid?: string;
  /** The request for a server at `base` (Twilio's signature covers the URL). `attempt` > 0: a redelivery. */
  render: (base: string, attempt: number) => Rendered;
};

export function metaSignature(raw: string, secret = SECRETS.WHATSAPP_APP_SECRET) {
  return "sha256=" + crypto.createHmac("sha256", secret).update(raw).digest("hex");
}

export function metaPost(raw: string, secret?: string): Rendered {
  return {
    method: "POST",
    path: "/api/webhooks/whatsapp",
    headers: { "content-type": "application/json", "x-hub-signature-256": metaSignature(raw, secret) },
    body: raw,
  };
}

/** A Twilio form post to `path`, signed over `base + path` as Twilio signs its public URL. */
export function twilioPost(
  base: string,
  path: string,
  params: Record<string, string>,
  token = SECRETS.TWILIO_AUTH_TOKEN,
): Rendered {
  return {
    method: "POST",
    path,
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      "x-twilio-signature": twilioSign(token, base + path, params),
    },
    body: new URLSearchParams(params).toString(),
  };
}

export function exotelGet(path: string, params: Record<string, string>): Rendered {
  return { method: "GET", path: `${path}?${new URLSearchParams(params)}`, headers: {} };
}

export function exotelPost(path: string, params: Record<string, string>): Rendered {
  return {
    method: "POST",
    path,
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(params).toString(),
  };
}

/** A seeded generator, so a failing run can be replayed (RELIABILITY_SEED). */
export function rng(seed: number) {
  let s = seed >>> 0 || 1;
  const next = () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 0x100000000;
  };
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)],
  };
}

const TEXTS = [
  "kachchi sharab bik rahi hai roz raat 9 baje",
  "चेन स्नैचिंग हुई अभी सिविल लाइंस में",
  "drug peddling near the bus stand after 8 pm",
  "जुआ खेला जा रहा है पुराने गोदाम में",
];

export type CorpusOptions = {
  /** Valid deliveries (each with at least one message or call). */
  valid: number;
  /** Forged (bad signature or token) and malformed ones, as fractions of `valid`. */
  forged?: number;
  malformed?: number;
  /** Distinct senders: fewer → more messages thread into existing tips. */
  senders?: number;
  /** Shares of the valid deliveries by provider (rest: Meta). */
  twilio?: number;
  exotel?: number;
  seed?: number;
  /** Tells the fake Exotel API about each call (the app confirms every call there). */
  registerExotelCall: (call: { Sid: string; From: string }) => void;
};

/** Deliveries in a shuffled order: valid ones of every provider, forged and malformed ones among them. */
export function corpus(opts: CorpusOptions): Delivery[] {
  const r = rng(opts.seed ?? 1);
  const run = crypto.randomBytes(4).toString("hex");
  const senders = Array.from(
    { length: opts.senders ?? Math.max(10, Math.round(opts.valid / 5)) },
    (_, i) => `9198${String(r.int(1e4)).padStart(4, "0")}${String(i).padStart(4, "0")}`,
  );
  let n = 0;
  const token = () => `rel-${run}-${(n++).toString(36)}`;
  const out: Delivery[] = [];
  for (let i = 0; i < opts.valid; i++) {
    const from = r.pick(senders);
    const x = r.next();
    if (x < (opts.exotel ?? 0.04)) out.push(exotelCall(`e${i}`, from, r, opts.registerExotelCall));
    else if (x < (opts.exotel ?? 0.04) + (opts.twilio ?? 0.16)) out.push(twilioMessage(`t${i}`, from, token()));
    else out.push(metaDelivery(`m${i}`, from, r, token));
  }
  const bad = (share: number | undefined) => Math.round(opts.valid * (share ?? 0.01));
  for (let i = 0; i < bad(opts.forged); i++) out.push(forged(`f${i}`, r.pick(senders), token(), i));
  for (let i = 0; i < bad(opts.malformed); i++) out.push(malformed(`x${i}`, r.pick(senders), i));
  for (let i = out.length - 1; i > 0; i--) {
    const j = r.int(i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** Meta: one text (most), a batch of two or three messages, a button reply or a location; some with a delivery status beside them. */
function metaDelivery(id: string, from: string, r: ReturnType<typeof rng>, token: () => string): Delivery {
  const kind = r.next();
  const tokens: string[] = [];
  const text = () => {
    const t = token();
    tokens.push(t);
    return `${t} ${r.pick(TEXTS)}`;
  };
  let messages: Record<string, unknown>[];
  if (kind < 0.75) messages = [{ type: "text", text: { body: text() } }];
  else if (kind < 0.87)
    messages = Array.from({ length: 2 + r.int(2) }, () => ({ type: "text", text: { body: text() } }));
  else if (kind < 0.94)
    messages = [
      { type: "interactive", interactive: { type: "button_reply", button_reply: { id: "yes", title: text() } } },
    ];
  else
    messages = [
      {
        type: "location",
        location: { latitude: 25.4358, longitude: 81.8463, name: text(), address: "Naini, Prayagraj" },
      },
    ];
  const values: Record<string, unknown>[] = [
    inbound(
      { wa_id: from, name: "Ramesh Kumar" },
      messages.map((m) => ({ ...m, id: realWaId(from) })),
    ),
  ];
  // Now and then a second change in the same entry: a delivery status of some earlier message.
  if (r.next() < 0.1) values.push({ statuses: [status(realWaId(from), r.pick(["sent", "delivered", "read"]))] });
  const raw = JSON.stringify(envelope(values, PHONE_NUMBER_ID));
  return { id, provider: "META", expect: "stored", tokens, render: () => metaPost(raw) };
}

function twilioMessage(id: string, from: string, token: string): Delivery {
  const params = {
    ...twilioWhatsAppParams(from),
    AccountSid: SECRETS.TWILIO_ACCOUNT_SID,
    To: SECRETS.TWILIO_WHATSAPP_FROM,
    ProfileName: "Sunita Devi",
    Body: `${token} ${TEXTS[0]}`,
  };
  return {
    id,
    provider: "TWILIO",
    expect: "stored",
    tokens: [token],
    render: (base) => twilioPost(base, "/api/webhooks/twilio/whatsapp", params),
  };
}

/** An Exotel Passthru (GET or POST, as the flow is configured); a redelivery differs only in CurrentTime, as Exotel's do. */
function exotelCall(
  id: string,
  from: string,
  r: ReturnType<typeof rng>,
  register: CorpusOptions["registerExotelCall"],
): Delivery {
  const local = "0" + from.slice(2);
  const params = exotelPassthruParams(local);
  register({ Sid: params.CallSid, From: local });
  const post = r.next() < 0.3;
  return {
    id,
    provider: "EXOTEL",
    expect: "stored",
    tokens: [],
    callSid: params.CallSid,
    render: (_base, attempt) => {
      const p = attempt ? { ...params, CurrentTime: `2026-11-30 10:2${Math.min(attempt, 9)}:41` } : params;
      return post ? exotelPost(`${EXOTEL_PATH}/passthru`, p) : exotelGet(`${EXOTEL_PATH}/passthru`, p);
    },
  };
}

/** A valid-looking delivery with a wrong signature or token: 401, nothing stored. */
function forged(id: string, from: string, token: string, i: number): Delivery {
  const body = `${token} forged`;
  switch (i % 3) {
    case 0: {
      const raw = JSON.stringify(
        envelope([inbound({ wa_id: from }, [{ type: "text", text: { body }, id: realWaId(from) }])], PHONE_NUMBER_ID),
      );
      return {
        id,
        provider: "META",
        expect: "forged",
        tokens: [token],
        render: () => metaPost(raw, "not-the-app-secret"),
      };
    }
    case 1: {
      const params = { ...twilioWhatsAppParams(from), Body: body };
      return {
        id,
        provider: "TWILIO",
        expect: "forged",
        tokens: [token],
        render: (base) => twilioPost(base, "/api/webhooks/twilio/whatsapp", params, "not-the-auth-token"),
      };
    }
    default: {
      const params = exotelPassthruParams("0" + from.slice(2));
      return {
        id,
        provider: "EXOTEL",
        expect: "forged",
        tokens: [],
        callSid: params.CallSid,
        render: () => exotelGet(`/api/webhooks/exotel/${"f".repeat(40)}/passthru`, params),
      };
    }
  }
}

/** Signed (or with the right token) but not a webhook the app can read at all: 400, nothing stored. */
function malformed(id: string, from: string, i: number): Delivery {
  switch (i % 4) {
    case 0:
      return {
        id,
        provider: "META",
        expect: "malformed",
        tokens: [],
        render: () => metaPost('{"object":"whatsapp_business_account","entry":[{'),
      };
    case 1: {
      const raw = JSON.stringify({ object: "page", entry: [{ id: "1", changes: [] }] });
      return { id, provider: "META", expect: "malformed", tokens: [], render: () => metaPost(raw) };
    }
    case 2: {
      const { MessageSid: _sid, SmsSid: _sms, SmsMessageSid: _smsm, ...params } = twilioWhatsAppParams(from);
      return {
        id,
        provider: "TWILIO",
        expect: "malformed",
        tokens: [],
        render: (base) => twilioPost(base, "/api/webhooks/twilio/whatsapp", params),
      };
    }
    default: {
      const { CallSid: _c, ...params } = exotelPassthruParams("0" + from.slice(2));
      return {
        id,
        provider: "EXOTEL",
        expect: "malformed",
        tokens: [],
        render: () => exotelGet(`${EXOTEL_PATH}/passthru`, params),
      };
    }
  }
}
