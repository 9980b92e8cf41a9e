// Officers look at images through a re-encoded copy: decoding and encoding again with sharp drops
// every EXIF/XMP/IPTC block (GPS position, phone make and model, timestamps, thumbnails) that could
// point at the informant. The original stays untouched for evidence (its SHA-256 is shown) and is
// only handed out with a reason, audited. The copy is made once, on first view, and kept.
import "server-only";
import sharp from "sharp";
import { db } from "../db";
import { storage, newStorageKey } from "../storage/storage";

const MAX_EDGE = 2560;

async function readAll(key: string): Promise<Buffer | null> {
  const stream = await storage().get(key);
  if (!stream) return null;
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(Buffer.from(c));
  return Buffer.concat(chunks);
}

/** Re-encodes an image without any metadata; orientation is applied to the pixels first. */
export async function stripImage(input: Buffer): Promise<{ data: Buffer; mime: string; ext: string }> {
  // sharp writes no metadata unless asked (keepMetadata / withMetadata); rotate() bakes in EXIF orientation.
  const img = sharp(input, { failOn: "none", animated: false }).rotate().resize({ width: MAX_EDGE, height: MAX_EDGE, fit: "inside", withoutEnlargement: true });
  const { hasAlpha } = await sharp(input, { failOn: "none" }).metadata();
  if (hasAlpha) return { data: await img.png().toBuffer(), mime: "image/png", ext: "png" };
  return { data: await img.jpeg({ quality: 85, mozjpeg: true }).toBuffer(), mime: "image/jpeg", ext: "jpg" };
}

export type DisplayCopy = { key: string; mime: string };

/** The display copy's storage key, making it now if needed. Null when the original is not stored (yet). */
export async function ensureDisplayCopy(attachmentId: string): Promise<DisplayCopy | null> {
  const a = await db.attachment.findUnique({ where: { id: attachmentId }, select: { storageKey: true, displayKey: true, mime: true, fetchState: true } });
  if (!a?.storageKey || a.fetchState !== "STORED" || !a.mime.startsWith("image/")) return null;
  if (a.displayKey) return { key: a.displayKey, mime: a.displayKey.endsWith(".png") ? "image/png" : "image/jpeg" };
  const original = await readAll(a.storageKey);
  if (!original) return null;
  const copy = await stripImage(original);
  const key = newStorageKey(copy.ext);
  await storage().put(key, copy.data, { contentType: copy.mime });
  // Two first views at once: the first copy recorded wins, the other is removed.
  const won = await db.attachment.updateMany({ where: { id: attachmentId, displayKey: null }, data: { displayKey: key } });
  if (won.count) return { key, mime: copy.mime };
  await storage().delete(key);
  return ensureDisplayCopy(attachmentId);
}
