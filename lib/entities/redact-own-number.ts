// An informant who types their own number into a message ("mera number 98…") must not have it
// shown to officers: identity is never rendered. Matched by the keyed hash, never stored in clear.
import "server-only";
import { hashAddress } from "../identity/crypto";
import { asciiDigits, findMobiles } from "./extract";

export const OWN_NUMBER_MARK = "[•••]";

/** Replaces every mobile number in `text` that hashes to `addressHash`. */
export function redactOwnNumber(text: string, addressHash: string | null | undefined): string {
  if (!addressHash || !text) return text;
  // NFKC can change lengths; positions are only valid when it did not.
  const src = asciiDigits(text);
  const base = src.length === text.length ? text : src;
  let out = "";
  let at = 0;
  for (const m of findMobiles(base)) {
    if (hashAddress({ kind: "phone", value: `91${m.value}` }) !== addressHash) continue;
    out += base.slice(at, m.start) + OWN_NUMBER_MARK;
    at = m.end;
  }
  return at === 0 ? text : out + base.slice(at);
}
