// Field photos an officer attaches to an action report: their evidence, kept as uploaded (with
// its metadata: time and place matter as evidence) and marked as an officer's upload, never mixed
// with informants' media. Only JPEG, PNG or WebP (checked by their first bytes, not the name or the
// browser's claim), at most 4 MB each and 2 per report.
import "server-only";
import crypto from "node:crypto";
import { AppError } from "../errors";
import { newStorageKey, storage } from "../storage/storage";

export const MAX_PHOTO_BYTES = 4 * 1024 * 1024;
export const MAX_PHOTOS = 2;

export type StoredPhoto = { mime: string; size: number; sha256: string; storageKey: string };

export function sniffImage(b: Buffer): { mime: string; ext: string } | null {
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return { mime: "image/jpeg", ext: "jpg" };
  if (b.length >= 8 && b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return { mime: "image/png", ext: "png" };
  if (
    b.length >= 12 &&
    b.subarray(0, 4).toString("latin1") === "RIFF" &&
    b.subarray(8, 12).toString("latin1") === "WEBP"
  )
    return { mime: "image/webp", ext: "webp" };
  return null;
}

/** The photos of a report form (empty file inputs are ignored); refuses the whole set if one is bad. */
export async function readPhotos(files: FormDataEntryValue[]): Promise<{ bytes: Buffer; mime: string; ext: string }[]> {
  const real = files.filter((f): f is File => typeof f === "object" && f !== null && "arrayBuffer" in f && f.size > 0);
  if (real.length > MAX_PHOTOS) throw new AppError("photoInvalid");
  const out = [];
  for (const f of real) {
    if (f.size > MAX_PHOTO_BYTES) throw new AppError("photoInvalid");
    const bytes = Buffer.from(await f.arrayBuffer());
    const kind = sniffImage(bytes);
    if (!kind || bytes.length > MAX_PHOTO_BYTES) throw new AppError("photoInvalid");
    out.push({ bytes, ...kind });
  }
  return out;
}

/** Writes the photos; the caller deletes them again (`dropPhotos`) if its transaction fails. */
export async function storePhotos(photos: { bytes: Buffer; mime: string; ext: string }[]): Promise<StoredPhoto[]> {
  const stored: StoredPhoto[] = [];
  try {
    for (const p of photos) {
      const storageKey = newStorageKey(p.ext);
      await storage().put(storageKey, p.bytes, { contentType: p.mime });
      stored.push({
        mime: p.mime,
        size: p.bytes.length,
        sha256: crypto.createHash("sha256").update(p.bytes).digest("hex"),
        storageKey,
      });
    }
    return stored;
  } catch (e) {
    await dropPhotos(stored);
    throw e;
  }
}

export async function dropPhotos(stored: StoredPhoto[]) {
  await Promise.all(
    stored.map((s) =>
      storage()
        .delete(s.storageKey)
        .catch(() => undefined),
    ),
  );
}
