// An informant sometimes types their own number or name into a message ("mera number 98…",
// "main Ramesh Kumar bol raha hoon"), or shares their own contact card. Identity is never stored
// in plaintext, so before anything is written the sender's own number (matched by keyed hash,
// in any spelling) and their profile name are masked in the text, the message details and the
// stored payload. Third-party numbers stay: they are tip content officers need.
import "server-only";
import { hashAddress } from "../identity/crypto";
import { OWN_NUMBER_MARK, redactOwnNumber } from "../entities/redact-own-number";
import type { Sender } from "./types";

export function ownIdentityRedactor(sender: Sender): (text: string) => string {
  const hash = hashAddress(sender.address);
  const name = sender.name?.trim() ?? "";
  const namePattern = name.length >= 3 ? new RegExp(`(?<![\\p{L}\\p{N}])${escape(name).replace(/\s+/g, "\\s+")}(?![\\p{L}\\p{N}])`, "giu") : null;
  return (text) => {
    let out = redactOwnNumber(text, hash);
    if (namePattern) out = out.replace(namePattern, OWN_NUMBER_MARK);
    return out;
  };
}

/** Applies `clean` to every string inside a JSON value. */
export function mapStrings<T>(value: T, clean: (s: string) => string): T {
  if (typeof value === "string") return clean(value) as T;
  if (Array.isArray(value)) return value.map((v) => mapStrings(v, clean)) as T;
  if (value && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapStrings(v, clean)])) as T;
  return value;
}

function escape(s: string) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
