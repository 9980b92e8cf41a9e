// The storage contract and its keys, shared by the implementations (no server-only import, so the
// implementations stay testable on their own).
import crypto from "node:crypto";
import type { Readable } from "node:stream";

export type StoredObject = { size: number };
/** Bytes `start` to `end`, both included (as in an HTTP Range). */
export type ByteRange = { start: number; end: number };

export interface Storage {
  /** Writes the whole body; on any error nothing is left under `key`. */
  put(key: string, body: Readable | Buffer, opts?: { contentType?: string }): Promise<StoredObject>;
  /** A stream of the object (or of `range` of it), or null when it does not exist. */
  get(key: string, range?: ByteRange): Promise<Readable | null>;
  stat(key: string): Promise<StoredObject | null>;
  /** Removing a missing key is not an error. */
  delete(key: string): Promise<void>;
}

/** A fresh random key, sharded by its first two characters (keeps directories small). */
export function newStorageKey(ext = ""): string {
  const id = crypto.randomBytes(16).toString("hex");
  const suffix = /^[a-z0-9]{1,8}$/.test(ext) ? `.${ext}` : "";
  return `${id.slice(0, 2)}/${id}${suffix}`;
}

/** Keys we hand out are `xx/<32 hex>[.ext]`; anything else (e.g. `../`) is refused. */
export function assertKey(key: string) {
  if (!/^[0-9a-f]{2}\/[0-9a-f]{32}(\.[a-z0-9]{1,8})?$/.test(key)) throw new Error("invalid storage key");
}
