// Streams a provider's response body into storage while hashing and counting it: nothing is held
// in memory beyond the first and last few kilobytes (kept to read a duration), and a body larger
// than the cap is aborted as soon as it crosses it, leaving nothing stored.
import "server-only";
import crypto from "node:crypto";
import { Readable, Transform } from "node:stream";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import { storage, newStorageKey } from "../storage/storage";

export class MediaTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`media larger than the ${Math.round(maxBytes / 1024 / 1024)} MB limit`);
  }
}

export type Downloaded = { key: string; size: number; sha256: string; head: Buffer; tail: Buffer };

const HEAD = 4096;
const TAIL = 64 * 1024;

export async function downloadToStorage(
  res: Response,
  opts: { maxBytes: number; ext?: string; contentType?: string; abort?: () => void },
): Promise<Downloaded> {
  const declared = Number(res.headers.get("content-length") ?? NaN);
  if (Number.isFinite(declared) && declared > opts.maxBytes) {
    opts.abort?.();
    throw new MediaTooLargeError(opts.maxBytes);
  }
  if (!res.body) throw new Error("empty response body");
  const hash = crypto.createHash("sha256");
  let size = 0;
  let head = Buffer.alloc(0);
  const tail: Buffer[] = [];
  let tailLen = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _enc, cb) {
      size += chunk.length;
      if (size > opts.maxBytes) return cb(new MediaTooLargeError(opts.maxBytes));
      hash.update(chunk);
      if (head.length < HEAD) head = Buffer.concat([head, chunk.subarray(0, HEAD - head.length)]);
      tail.push(chunk);
      tailLen += chunk.length;
      while (tail.length > 1 && tailLen - tail[0].length >= TAIL) tailLen -= tail.shift()!.length;
      cb(null, chunk);
    },
  });
  const source = Readable.fromWeb(res.body as unknown as WebReadableStream);
  source.on("error", (e) => meter.destroy(e));
  // When storage stops reading (an error, the size cap) the download itself must stop too.
  meter.on("close", () => {
    if (!source.readableEnded) {
      opts.abort?.();
      source.destroy();
    }
  });
  const key = newStorageKey(opts.ext);
  await storage().put(key, source.pipe(meter), { contentType: opts.contentType });
  const all = Buffer.concat(tail);
  return { key, size, sha256: hash.digest("hex"), head, tail: all.subarray(Math.max(0, all.length - TAIL)) };
}

/** Providers announce SHA-256 as hex (Graph media lookup) or base64 (WhatsApp webhooks): compare as hex. */
export function normaliseSha256(value: string | null | undefined): string | null {
  if (!value) return null;
  const v = value.trim();
  if (/^[0-9a-fA-F]{64}$/.test(v)) return v.toLowerCase();
  const bytes = Buffer.from(v, "base64");
  return bytes.length === 32 ? bytes.toString("hex") : null;
}
