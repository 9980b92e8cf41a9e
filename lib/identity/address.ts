// Informant addresses in one canonical form, so that the same person matches whichever provider
// or format they arrive through: `+91 98765-43210`, `919876543210`, `whatsapp:+919876543210`,
// `09876543210` (Exotel's national format) and a WhatsApp `wa_id` all become `phone:919876543210`.
// A WhatsApp business-scoped user id (BSUID, `IN.1410018717833190`) is its own kind: Meta sends it
// instead of the number for users who hide their number behind a username.
// The canonical string is what we hash (to match) and encrypt (to reply) — see crypto.ts.

export type AddressKind = "phone" | "bsuid";
export type Address = { kind: AddressKind; value: string };

/** Country code assumed for national numbers (the line is in India). */
const DEFAULT_CC = "91";

/** E.164 digits without "+": strips `whatsapp:`/`tel:` prefixes, spaces, dashes, brackets, 00 and the trunk 0. */
export function normalisePhone(raw: string): string | null {
  let s = raw.trim().replace(/^(whatsapp|tel|sip):/i, "");
  const plus = s.startsWith("+");
  let digits = s.replace(/[^0-9]/g, "");
  if (!plus && digits.startsWith("00")) digits = digits.slice(2);
  else if (!plus && digits.length === 11 && digits.startsWith("0")) digits = DEFAULT_CC + digits.slice(1);
  else if (!plus && digits.length === 10 && /^[6-9]/.test(digits)) digits = DEFAULT_CC + digits;
  s = digits;
  return /^[1-9][0-9]{6,14}$/.test(s) ? s : null;
}

/** A BSUID is a two-letter country code, a dot and up to 128 alphanumerics (optionally `.ENT.` for parent ids). */
export function normaliseBsuid(raw: string): string | null {
  const s = raw.trim();
  return /^[A-Za-z]{2}\.(ENT\.)?[A-Za-z0-9]{1,128}$/.test(s) ? s : null;
}

/** Normalises a provider-supplied identifier; `wa_id` is WhatsApp's name for the phone number. */
export function normaliseAddress(kind: AddressKind | "wa_id", raw: string): Address | null {
  if (kind === "bsuid") {
    const v = normaliseBsuid(raw);
    return v ? { kind: "bsuid", value: v } : null;
  }
  const v = normalisePhone(raw);
  return v ? { kind: "phone", value: v } : null;
}

/** `phone:919876543210` / `bsuid:IN.123…` — the plaintext that is hashed and encrypted. */
export function formatAddress(a: Address): string {
  return `${a.kind}:${a.value}`;
}

/** Inverse of formatAddress, for senders that decrypt an informant's address to reply. */
export function parseAddress(s: string): Address {
  const i = s.indexOf(":");
  const kind = s.slice(0, i);
  if (kind !== "phone" && kind !== "bsuid") throw new Error("not an address");
  return { kind, value: s.slice(i + 1) };
}
