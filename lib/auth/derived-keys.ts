// Keys for sign-in machinery, derived from AUTH_SECRET with HKDF so each purpose has its own key
// and none of them is stored in the database: sealing TOTP secrets, hashing recovery codes, and
// naming throttle counters without keeping what was typed.
import crypto from "node:crypto";
import { env } from "../env";

type Purpose = "totp-seal" | "recovery-code" | "throttle-key";
const cache = new Map<string, Buffer>();

export function derivedKey(purpose: Purpose): Buffer {
  const secret = env().AUTH_SECRET;
  const id = `${purpose}\u0000${secret}`;
  let key = cache.get(id);
  if (!key) {
    key = Buffer.from(crypto.hkdfSync("sha256", secret, "mukhbir", `mukhbir ${purpose} v1`, 32));
    cache.set(id, key);
  }
  return key;
}

/** HMAC-SHA256 hex under a derived key. */
export function keyedHash(purpose: Purpose, value: string): string {
  return crypto.createHmac("sha256", derivedKey(purpose)).update(value, "utf8").digest("hex");
}
