// Where each provider's media is, and how to authenticate for it (docs/decisions/0201-media-fetch.md).
// WhatsApp: a Graph lookup of the media id gives a short-lived URL (5 minutes) that needs the same
// bearer token. Twilio: media/recording URLs on api.twilio.com with basic auth (rewritten to
// TWILIO_API_BASE so tests and air-gapped relays can stand in). Exotel: recording URLs from its Call
// Details API, with the API key only towards Exotel's own API host. Every request, and every
// redirect hop, goes through the fetch policy (lib/net/guarded-fetch.ts, ADR 0210): credentials
// travel only to the hosts named in `auth.hosts`.
import "server-only";
import { z } from "zod";
import { env } from "../env";
import { PermanentJobError } from "../jobs/worker";
import { scrubIdentity } from "../identity/scrub";
import { guardedFetch, hostKey, readCapped } from "../net/guarded-fetch";

export type Auth = { hosts: string[]; headers: Record<string, string> };
export type MediaSource = { url: string; auth?: Auth; mime?: string; sha256?: string; size?: number };

/** WhatsApp media ids expire 7 days after the message; asking Graph later only burns its failed-request budget. */
export const MEDIA_ID_TTL_MS = 7 * 24 * 3600_000;

const graphMedia = z.object({
  url: z.url(),
  mime_type: z.string().optional(),
  sha256: z.string().optional(),
  file_size: z.coerce.number().optional(),
});
const graphError = z.object({
  error: z.object({
    message: z.string().optional(),
    code: z.number().optional(),
    error_subcode: z.number().optional(),
  }),
});

export async function resolveSource(a: {
  provider: "META" | "TWILIO" | "EXOTEL";
  providerRef: string;
  createdAt: Date;
}): Promise<MediaSource> {
  if (a.provider === "META") return whatsappSource(a.providerRef, a.createdAt);
  if (a.provider === "TWILIO") return twilioSource(a.providerRef);
  return exotelSource(a.providerRef);
}

async function whatsappSource(mediaId: string, createdAt: Date): Promise<MediaSource> {
  if (Date.now() - createdAt.getTime() > MEDIA_ID_TTL_MS)
    throw new PermanentJobError("WhatsApp media id expired (older than 7 days)");
  if (!/^[A-Za-z0-9_.-]{1,128}$/.test(mediaId)) throw new PermanentJobError("invalid WhatsApp media id");
  const e = env();
  // Meta's media URLs (lookaside.fbsbx.com) want the same bearer token as the Graph API.
  const auth: Auth = {
    hosts: [hostKey(e.WHATSAPP_API_BASE), "lookaside.fbsbx.com"],
    headers: { authorization: `Bearer ${e.WHATSAPP_ACCESS_TOKEN}` },
  };
  const res = await guardedFetch(`${e.WHATSAPP_API_BASE.replace(/\/+$/, "")}/${encodeURIComponent(mediaId)}`, {
    auth,
    timeoutMs: 30_000,
  });
  const body: unknown = await readCapped(res)
    .then(
      (t) => JSON.parse(t),
      () => null,
    )
    .catch(() => null);
  if (!res.ok) {
    const err = graphError.safeParse(body);
    const code = err.success ? err.data.error.code : undefined;
    // Provider texts are not ours to trust: keep them short and free of anything number-like.
    const detail =
      err.success && err.data.error.message ? `: ${scrubIdentity(err.data.error.message.slice(0, 200))}` : "";
    // 404 and Graph's "object does not exist" (code 100) are what an expired or unknown id gets.
    if (res.status === 404 || code === 100)
      throw new PermanentJobError(
        `WhatsApp media id expired or unknown (HTTP ${res.status}${code ? `, code ${code}` : ""})${detail}`,
      );
    // Meta asks not to retry media lookups that fail with 4xx; 429 and 5xx are worth another try.
    const message = `WhatsApp media lookup failed: HTTP ${res.status}${code ? ` code ${code}` : ""}${detail}`;
    if (res.status >= 400 && res.status < 500 && res.status !== 429 && res.status !== 408)
      throw new PermanentJobError(message);
    throw new Error(message);
  }
  const parsed = graphMedia.safeParse(body);
  if (!parsed.success) throw new Error("WhatsApp media lookup returned an unexpected body");
  return {
    url: parsed.data.url,
    auth,
    mime: parsed.data.mime_type,
    sha256: parsed.data.sha256,
    size: parsed.data.file_size,
  };
}

function twilioSource(ref: string): MediaSource {
  const e = env();
  const url = httpUrl(ref);
  const base = new URL(e.TWILIO_API_BASE);
  if (url.hostname === "api.twilio.com") {
    // Keep the path, swap the origin (and any path prefix the configured base has).
    url.href = e.TWILIO_API_BASE.replace(/\/+$/, "") + url.pathname + url.search;
  } else if (url.host !== base.host) {
    // Our account credentials go to Twilio only, never to a host named in a payload.
    throw new PermanentJobError(`refusing Twilio media URL on unexpected host ${url.hostname}`);
  }
  return {
    url: url.toString(),
    auth: { hosts: [hostKey(base)], headers: basic(e.TWILIO_ACCOUNT_SID, e.TWILIO_AUTH_TOKEN) },
  };
}

/** The recording URL comes from Exotel's Call Details answer (ADR 0211); its own API host gets the key. */
function exotelSource(ref: string): MediaSource {
  return { url: httpUrl(ref).toString(), auth: exotelAuth() };
}

export function exotelAuth(): Auth {
  const e = env();
  return { hosts: [hostKey(e.EXOTEL_API_BASE)], headers: basic(e.EXOTEL_API_KEY, e.EXOTEL_API_TOKEN) };
}

function httpUrl(ref: string): URL {
  let url: URL;
  try {
    url = new URL(ref);
  } catch {
    throw new PermanentJobError("invalid media URL");
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") throw new PermanentJobError("invalid media URL");
  return url;
}

function basic(user: string, pass: string) {
  return { authorization: "Basic " + Buffer.from(`${user}:${pass}`).toString("base64") };
}
