// TOTP (RFC 6238: SHA-1, 6 digits, 30 s) with `otpauth`. A code is accepted for the current step
// and one step either side (clock drift), and never for a step at or before the last one used.
import { Secret, TOTP } from "otpauth";
import QRCode from "qrcode";

export const PERIOD_SECONDS = 30;
const ISSUER = "Mukhbir";

function totp(secretBase32: string, username = "user") {
  return new TOTP({
    issuer: ISSUER,
    label: username,
    secret: Secret.fromBase32(secretBase32),
    algorithm: "SHA1",
    digits: 6,
    period: PERIOD_SECONDS,
  });
}

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

export function totpUri(secretBase32: string, username: string): string {
  return totp(secretBase32, username).toString();
}

/** The enrolment QR code as an SVG data URL (the CSP allows `img-src data:`; nothing is fetched). */
export async function totpQrDataUrl(secretBase32: string, username: string): Promise<string> {
  const svg = await QRCode.toString(totpUri(secretBase32, username), {
    type: "svg",
    margin: 2,
    errorCorrectionLevel: "M",
  });
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`;
}

/** The time step the code belongs to, or null when it is not a current code. */
export function totpStep(secretBase32: string, code: string, now = Date.now()): number | null {
  const token = code.replace(/\s+/g, "");
  if (!/^\d{6}$/.test(token)) return null;
  const delta = totp(secretBase32).validate({ token, timestamp: now, window: 1 });
  return delta === null ? null : Math.floor(now / 1000 / PERIOD_SECONDS) + delta;
}
