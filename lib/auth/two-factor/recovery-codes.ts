// Ten one-time recovery codes per enrolment, shown once and stored as keyed hashes. 40 random bits
// each, written as two groups of four characters from an alphabet without look-alikes.
import crypto from "node:crypto";
import { keyedHash } from "../derived-keys";

export const RECOVERY_CODE_COUNT = 10;
const ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const chars = Array.from({ length: 8 }, () => ALPHABET[crypto.randomInt(ALPHABET.length)]).join("");
    return `${chars.slice(0, 4)}-${chars.slice(4)}`;
  });
}

/** Canonical form before hashing: case, spaces and the dash do not matter when typed. */
export function normaliseRecoveryCode(code: string): string | null {
  const c = code.toLowerCase().replace(/[\s-]+/g, "");
  return /^[a-z0-9]{8}$/.test(c) ? c : null;
}

export function hashRecoveryCode(userId: string, code: string): string {
  return keyedHash("recovery-code", `${userId}:${normaliseRecoveryCode(code) ?? ""}`);
}
