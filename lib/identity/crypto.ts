// Informant identity at rest: a keyed hash to match (HMAC-SHA256 with IDENTITY_PEPPER) and
// AES-256-GCM ciphertext to reply (keys from IDENTITY_KEYS, new data under IDENTITY_ACTIVE_KEY).
// Rotation: add a key, make it active; rows keep their keyId and old keys still decrypt them.
// Ciphertext layout: base64(iv[12] ‖ tag[16] ‖ data); the key id is bound as associated data, so a
// ciphertext relabelled with another key id fails to decrypt instead of decrypting garbage.
import "server-only";
import crypto from "node:crypto";
import { env, parseKeys } from "../env";
import { formatAddress, type Address } from "./address";
import { pepperId, providerIdHash } from "./keyed-hash";

let keyCache: { spec: string; keys: Map<string, Buffer> } | undefined;
function keys() {
  const spec = env().IDENTITY_KEYS;
  if (keyCache?.spec !== spec) keyCache = { spec, keys: parseKeys(spec) };
  return keyCache.keys;
}

/** Hex HMAC of the canonical address (`phone:91…`) under the active pepper: the only value informants are matched by. */
export function hashAddress(address: Address | string, pepper = env().IDENTITY_PEPPER): string {
  const plain = typeof address === "string" ? address : formatAddress(address);
  return crypto.createHmac("sha256", pepper).update(plain, "utf8").digest("hex");
}

/** The same address under every pepper rows may still use (the active one first), for matching during a rotation. */
export function addressHashes(address: Address | string): string[] {
  const e = env();
  return [e.IDENTITY_PEPPER, ...e.IDENTITY_PREVIOUS_PEPPERS].map((p) => hashAddress(address, p));
}

/** The active pepper's public id, recorded on rows hashed with it. */
export function activePepperId(): string {
  return pepperId(env().IDENTITY_PEPPER);
}

/**
 * A provider's message or call id as we keep it: WhatsApp ids (`wamid.…`, `wacid.…`) are base64 of a
 * record that holds the sender's number, so they are stored only as this keyed hash — enough to
 * recognise a redelivery, a status or a reply to the same id, and nothing to read a number from.
 */
export function hashProviderId(id: string): string {
  return providerIdHash(env().IDENTITY_PEPPER, id);
}

/** A provider id under every pepper rows may still use (active first): lookups match any. */
export function providerIdHashes(id: string): string[] {
  const e = env();
  return [e.IDENTITY_PEPPER, ...e.IDENTITY_PREVIOUS_PEPPERS].map((p) => providerIdHash(p, id));
}

export function encrypt(plain: string): { cipher: string; keyId: string } {
  const keyId = env().IDENTITY_ACTIVE_KEY;
  const key = keys().get(keyId);
  if (!key) throw new Error("active identity key missing");
  const iv = crypto.randomBytes(12);
  const c = crypto.createCipheriv("aes-256-gcm", key, iv);
  c.setAAD(Buffer.from(keyId, "utf8"));
  const data = Buffer.concat([c.update(plain, "utf8"), c.final()]);
  return { cipher: Buffer.concat([iv, c.getAuthTag(), data]).toString("base64"), keyId };
}

/** Throws when the key id is unknown or the ciphertext was altered (GCM authentication). */
export function decrypt(cipher: string, keyId: string): string {
  const key = keys().get(keyId);
  if (!key) throw new Error(`unknown identity key "${keyId}"`);
  const buf = Buffer.from(cipher, "base64");
  if (buf.length < 28) throw new Error("ciphertext too short");
  const d = crypto.createDecipheriv("aes-256-gcm", key, buf.subarray(0, 12));
  d.setAAD(Buffer.from(keyId, "utf8"));
  d.setAuthTag(buf.subarray(12, 28));
  return Buffer.concat([d.update(buf.subarray(28)), d.final()]).toString("utf8");
}
