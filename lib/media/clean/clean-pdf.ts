// A PDF without its document properties: the Info dictionary (Author, Creator, Producer, Title,
// dates…), the XMP metadata streams, page thumbnails, application private data (PieceInfo),
// embedded files, annotation authors and the file identifier. pdf-lib rewrites the whole file, so
// earlier incremental revisions (which keep old metadata) are gone too, and objects nothing refers
// to any more are dropped before writing. Encrypted or unreadable PDFs get no copy (null).
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRef, PDFStream, type PDFObject } from "pdf-lib";

const DROP_EVERYWHERE = ["Metadata", "PieceInfo", "Thumb"].map((n) => PDFName.of(n));
const ANNOTATION_PERSONAL = ["T", "M", "NM", "CreationDate"].map((n) => PDFName.of(n));

export async function cleanPdf(input: Buffer): Promise<Buffer | null> {
  try {
    return await clean(await PDFDocument.load(input, { updateMetadata: false }));
  } catch {
    // Encrypted (pdf-lib refuses), or too broken to have a catalog.
    return null;
  }
}

async function clean(doc: PDFDocument): Promise<Buffer> {
  const ctx = doc.context;
  ctx.trailerInfo.Info = undefined;
  ctx.trailerInfo.ID = undefined;
  const names = doc.catalog.lookupMaybe(PDFName.of("Names"), PDFDict);
  names?.delete(PDFName.of("EmbeddedFiles"));
  doc.catalog.delete(PDFName.of("AF"));
  for (const [, obj] of ctx.enumerateIndirectObjects()) scrub(obj);
  scrub(doc.catalog);
  dropUnreachable(doc);
  return Buffer.from(await doc.save({ useObjectStreams: false, updateFieldAppearances: false }));
}

function dictOf(obj: PDFObject): PDFDict | null {
  if (obj instanceof PDFDict) return obj;
  if (obj instanceof PDFStream) return obj.dict;
  return null;
}

function scrub(obj: PDFObject) {
  const d = dictOf(obj);
  if (!d) return;
  for (const k of DROP_EVERYWHERE) d.delete(k);
  if (d.get(PDFName.of("Type")) === PDFName.of("Annot")) for (const k of ANNOTATION_PERSONAL) d.delete(k);
  if (d.get(PDFName.of("Type")) === PDFName.of("Filespec")) d.delete(PDFName.of("EF"));
}

/** Deletes every indirect object the catalog no longer reaches (the old Info, XMP, thumbnails). */
function dropUnreachable(doc: PDFDocument) {
  const ctx = doc.context;
  const seen = new Set<string>();
  const stack: PDFObject[] = [ctx.trailerInfo.Root as PDFObject];
  while (stack.length) {
    const o = stack.pop()!;
    if (o instanceof PDFRef) {
      if (seen.has(o.tag)) continue;
      seen.add(o.tag);
      const target = ctx.lookup(o);
      if (target) stack.push(target);
    } else if (o instanceof PDFArray) {
      for (let i = 0; i < o.size(); i++) stack.push(o.get(i));
    } else {
      const d = dictOf(o);
      if (d) for (const [, v] of d.entries()) stack.push(v);
    }
  }
  for (const [ref] of ctx.enumerateIndirectObjects()) if (!seen.has(ref.tag)) ctx.delete(ref);
}
