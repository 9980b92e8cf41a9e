// Provider request signatures, verified before anything is parsed or stored.
import "server-only";
import crypto from "node:crypto";
import { safeEqual } from "./http";

/** Meta: `X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the raw body with the app secret>`. */
export function verifyMetaSignature(raw: Buffer, header: string | null, appSecret: string) {
  if (!header || !appSecret) return false;
  const expected = "sha256=" + crypto.createHmac("sha256", appSecret).update(raw).digest("hex");
  return safeEqual(header.trim().toLowerCase(), expected);
}

/**
 * Twilio: base64 HMAC-SHA1, keyed with the auth token, over the full URL Twilio requested
 * (scheme, host, path and query) followed by every POST parameter's name and value, sorted by name.
 * https://www.twilio.com/docs/usage/webhooks/webhooks-security
 */
export function twilioSignature(authToken: string, url: string, params: [string, string][]) {
  const sorted = [...params].sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0));
  let data = url;
  for (const [k, v] of sorted) data += k + v;
  return crypto.createHmac("sha1", authToken).update(data, "utf8").digest("base64");
}

export function verifyTwilioSignature(
  authToken: string,
  header: string | null,
  url: string,
  params: [string, string][],
) {
  if (!header || !authToken) return false;
  return safeEqual(header.trim(), twilioSignature(authToken, url, params));
}
