// Officers open media only through a copy without metadata (docs/decisions/0213): images re-encoded
// with sharp (every EXIF/XMP/IPTC block — GPS, phone make and model, timestamps, thumbnails — gone),
// PDFs and Office documents without their properties and thumbnails, audio and video without
// container tags. The original stays untouched for evidence (its SHA-256 is shown) and is only
// handed out with a reason, audited. The copy is made once, on first view, and kept. A kind that
// cannot be cleaned gets no copy: the desk is told to request the original.
import "server-only";
import sharp from "sharp";
import { db } from "../db";
import { storage, newStorageKey } from "../storage/storage";
import { extensionFor } from "./mime";
import { cleanPdf } from "./clean/clean-pdf";
import { cleanOffice } from "./clean/clean-office";
import { cleanAv } from "./clean/clean-av";

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
  const img = sharp(input, { failOn: "none", animated: false })
    .rotate()
    .resize({ width: MAX_EDGE, height: MAX_EDGE, fit: "inside", withoutEnlargement: true });
  const { hasAlpha } = await sharp(input, { failOn: "none" }).metadata();
  if (hasAlpha) return { data: await img.png().toBuffer(), mime: "image/png", ext: "png" };
  return { data: await img.jpeg({ quality: 85, mozjpeg: true }).toBuffer(), mime: "image/jpeg", ext: "jpg" };
}

type Copy = { data: Buffer; mime: string; ext: string };

const OFFICE =
  /^application\/(vnd\.openxmlformats-officedocument\.|vnd\.oasis\.opendocument\.|vnd\.ms-(word|excel|powerpoint)\.[a-z.]*macroenabled)/;

/** Whether a copy without metadata can be attempted for this kind (the page offers a view only then). */
export function cleanable(mime: string): boolean {
  return (
    /^(image|audio|video)\//.test(mime) || mime === "application/pdf" || OFFICE.test(mime) || mime === "text/plain"
  );
}

/** The metadata-free copy of a file, or null when this kind (or this file) cannot be cleaned. */
export async function makeDisplayCopy(mime: string, input: Buffer): Promise<Copy | null> {
  const same = (data: Buffer | null) => (data ? { data, mime, ext: extensionFor(mime) || "bin" } : null);
  if (mime.startsWith("image/")) return stripImage(input).catch(() => null);
  if (mime === "application/pdf") return same(await cleanPdf(input));
  if (OFFICE.test(mime)) return same(cleanOffice(input));
  if (/^(audio|video)\//.test(mime)) return same(cleanAv(mime, input));
  if (mime === "text/plain") return same(input); // no container, no metadata
  return null;
}

export type DisplayCopy = { key: string; mime: string };

/** The display copy's storage key, making it now if needed. Null when the original is not stored (yet) or cannot be cleaned. */
export async function ensureDisplayCopy(attachmentId: string): Promise<DisplayCopy | null> {
  const a = await db.attachment.findUnique({
    where: { id: attachmentId },
    select: { storageKey: true, displayKey: true, mime: true, fetchState: true },
  });
  if (!a?.storageKey || a.fetchState !== "STORED" || !cleanable(a.mime)) return null;
  if (a.displayKey) return { key: a.displayKey, mime: displayMime(a.mime, a.displayKey) };
  const original = await readAll(a.storageKey);
  if (!original) return null;
  const copy = await makeDisplayCopy(a.mime, original);
  if (!copy) return null;
  const key = newStorageKey(copy.ext);
  await storage().put(key, copy.data, { contentType: copy.mime });
  // Two first views at once: the first copy recorded wins, the other is removed.
  const won = await db.attachment.updateMany({
    where: { id: attachmentId, displayKey: null },
    data: { displayKey: key },
  });
  if (won.count) return { key, mime: copy.mime };
  await storage().delete(key);
  return ensureDisplayCopy(attachmentId);
}

/** Images are re-encoded as JPEG (PNG with transparency); every other copy keeps its kind. */
function displayMime(mime: string, key: string) {
  if (!mime.startsWith("image/")) return mime;
  return key.endsWith(".png") ? "image/png" : "image/jpeg";
}
