// Twilio webhooks: size cap → form parse → X-Twilio-Signature over the PUBLIC URL (PUBLIC_BASE_URL
// + path + query, as Twilio requested it — not the URL a proxy handed us) → normalise → commit →
// answer (TwiML for voice, an empty 200 for messaging).
import "server-only";
import { env } from "../../env";
import { commitOr503, rawBodyOr413, text } from "../http";
import { verifyTwilioSignature } from "../signatures";
import { ingestEvent } from "../ingest-event";
import { FormInputError, paramsOf, type Params } from "../form";
import type { IngestEvent } from "../types";
import { intlLocale } from "../../time/format";

export type TwilioReply = (params: Params) => Response;

export async function handleTwilio(
  req: Request,
  toEvent: ((p: Params) => IngestEvent) | null,
  reply: TwilioReply = () => emptyTwiml(),
): Promise<Response> {
  const raw = await rawBodyOr413(req);
  if (raw instanceof Response) return raw;
  const pairs = [...new URLSearchParams(raw.toString("utf8"))];
  const url = new URL(req.url);
  const publicUrl = env().PUBLIC_BASE_URL.replace(/\/+$/, "") + url.pathname + url.search;
  if (!verifyTwilioSignature(env().TWILIO_AUTH_TOKEN, req.headers.get("x-twilio-signature"), publicUrl, pairs))
    return text(401, "invalid signature");
  const params = paramsOf(pairs);
  let event: IngestEvent | null = null;
  try {
    event = toEvent ? toEvent(params) : null;
  } catch (e) {
    if (e instanceof FormInputError) return text(400, "malformed webhook: " + e.message);
    throw e;
  }
  return commitOr503("TWILIO", async () => {
    if (event) await ingestEvent(event);
    return reply(params);
  });
}

export function twiml(xml: string) {
  return new Response(`<?xml version="1.0" encoding="UTF-8"?>\n<Response>${xml}</Response>`, {
    status: 200,
    headers: { "content-type": "text/xml; charset=utf-8", "cache-control": "no-store" },
  });
}

export function emptyTwiml() {
  return twiml("");
}

/** Spoken in the desk's two languages, as the app names them to Intl (Twilio's <Say> takes the same tags). */
const say = (locale: "hi" | "en", words: string) => `<Say language="${intlLocale(locale)}">${esc(words)}</Say>`;

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** Greeting in Hindi and English, then a voicemail recording whose file arrives by callback. */
export function voicemailTwiml() {
  const base = env().PUBLIC_BASE_URL.replace(/\/+$/, "") + "/api/webhooks/twilio/voice";
  return twiml(
    say(
      "hi",
      "नमस्कार। यह पुलिस की गोपनीय सूचना लाइन है। आपकी पहचान गुप्त रखी जाएगी। बीप के बाद अपनी सूचना बताइए, और पूरा होने पर हैश दबाइए।",
    ) +
      say(
        "en",
        "This is the police confidential tip line. Your identity will be kept secret. Please give your information after the beep, and press hash when you are done.",
      ) +
      `<Record maxLength="300" playBeep="true" finishOnKey="#" action="${esc(base + "/recorded")}" method="POST" ` +
      `recordingStatusCallback="${esc(base + "/recording")}" recordingStatusCallbackMethod="POST" recordingStatusCallbackEvent="completed"/>` +
      say("en", "We did not receive a message. Goodbye."),
  );
}

export function thanksTwiml() {
  return twiml(
    say("hi", "धन्यवाद। आपकी सूचना दर्ज हो गई है।") +
      say("en", "Thank you. Your information has been recorded.") +
      "<Hangup/>",
  );
}
