// TOTP secrets at rest: AES-256-GCM under a key derived from AUTH_SECRET (not in the database), so
// a copy of the database alone cannot generate anyone's codes. Format `v1:<iv>:<ciphertext>:<tag>`.
import crypto from "node:crypto";
import { derivedKey } from "../derived-keys";

export function seal(plain: string): string {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv("aes-256-gcm", derivedKey("totp-seal"), iv);
  const ct = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return ["v1", iv.toString("base64"), ct.toString("base64"), cipher.getAuthTag().toString("base64")].join(":");
}

export function open(sealed: string): string {
  const [v, iv, ct, tag] = sealed.split(":");
  if (v !== "v1" || !iv || !ct || !tag) throw new Error("unreadable second-factor secret");
  const decipher = crypto.createDecipheriv("aes-256-gcm", derivedKey("totp-seal"), Buffer.from(iv, "base64"));
  decipher.setAuthTag(Buffer.from(tag, "base64"));
  return Buffer.concat([decipher.update(Buffer.from(ct, "base64")), decipher.final()]).toString("utf8");
}
