// Audio and video without container tags, rewritten in place at the same size (so no sample
// offsets move and the stream itself is untouched): no maintained pure-JS library rewrites these
// containers safely (docs/decisions/0213-display-copies-without-metadata.md).
//  - MP4 / MOV / 3GP / M4A (ISO BMFF): `udta` (incl. ©xyz GPS, device make/model), `meta` (iTunes
//    and Apple keys) and `uuid` (XMP) boxes become `free` boxes of zeros; the creation and
//    modification times in mvhd/tkhd/mdhd are zeroed.
//  - MP3 / AAC (ADTS): ID3v2 at the start and ID3v1 at the end are cut (frames resynchronise).
//  - WAV: LIST/INFO, bext, iXML, id3, _PMX (XMP) and cart chunks become JUNK chunks of zeros.
//  - Ogg Opus / Vorbis (WhatsApp voice notes): the comment header keeps its length but loses its
//    vendor string and every comment; page checksums are recomputed.
//  - AMR carries no metadata and is served as is.
// Anything else (WebM/Matroska, FLAC…) returns null: no display copy, original on request only.

export function cleanAv(mime: string, input: Buffer): Buffer | null {
  const b = Buffer.from(input); // a copy: the original stays untouched
  if (b.subarray(4, 8).toString("latin1") === "ftyp") return cleanBmff(b);
  if (b.subarray(0, 4).toString("latin1") === "OggS") return cleanOgg(b);
  if (b.subarray(0, 4).toString("latin1") === "RIFF" && b.subarray(8, 12).toString("latin1") === "WAVE")
    return cleanWav(b);
  if (b.subarray(0, 6).toString("latin1") === "#!AMR\n" || b.subarray(0, 9).toString("latin1") === "#!AMR-WB\n")
    return b;
  if (/^audio\/(mpeg|mp3|aac|x-aac)$/.test(mime) || b.subarray(0, 3).toString("latin1") === "ID3") return cleanId3(b);
  return null;
}

// --- ISO BMFF ---------------------------------------------------------------------------------

const NEUTRALISE = new Set(["udta", "meta", "uuid"]);
const DESCEND = new Set(["moov", "trak", "mdia"]);
const TIMES = new Set(["mvhd", "tkhd", "mdhd"]);

function cleanBmff(b: Buffer): Buffer | null {
  return walkBoxes(b, 0, b.length) ? b : null;
}

function walkBoxes(b: Buffer, start: number, end: number): boolean {
  let off = start;
  while (off + 8 <= end) {
    let size = b.readUInt32BE(off);
    const type = b.subarray(off + 4, off + 8).toString("latin1");
    let header = 8;
    if (size === 1) {
      if (off + 16 > end) return false;
      size = Number(b.readBigUInt64BE(off + 8));
      header = 16;
    } else if (size === 0) size = end - off;
    if (size < header || off + size > end) return false;
    if (NEUTRALISE.has(type)) {
      // Same size, new type, zero payload: players skip `free` boxes.
      b.write("free", off + 4, "latin1");
      b.fill(0, off + header, off + size);
    } else if (DESCEND.has(type)) {
      if (!walkBoxes(b, off + header, off + size)) return false;
    } else if (TIMES.has(type) && size >= header + 12) {
      const v1 = b[off + header] === 1;
      b.fill(0, off + header + 4, off + header + 4 + (v1 ? 16 : 8));
    }
    off += size;
  }
  return true;
}

// --- ID3 ----------------------------------------------------------------------------------------

function cleanId3(b: Buffer): Buffer {
  let start = 0;
  while (b.subarray(start, start + 3).toString("latin1") === "ID3" && start + 10 <= b.length) {
    const size =
      ((b[start + 6] & 0x7f) << 21) |
      ((b[start + 7] & 0x7f) << 14) |
      ((b[start + 8] & 0x7f) << 7) |
      (b[start + 9] & 0x7f);
    const footer = b[start + 5] & 0x10 ? 10 : 0;
    start += 10 + size + footer;
  }
  let end = b.length;
  if (end - start >= 128 && b.subarray(end - 128, end - 125).toString("latin1") === "TAG") end -= 128;
  return b.subarray(Math.min(start, end), end);
}

// --- WAV ----------------------------------------------------------------------------------------

const WAV_META = new Set(["LIST", "bext", "iXML", "id3 ", "ID3 ", "_PMX", "cart"]);

function cleanWav(b: Buffer): Buffer | null {
  let off = 12;
  while (off + 8 <= b.length) {
    const id = b.subarray(off, off + 4).toString("latin1");
    const len = b.readUInt32LE(off + 4);
    const bodyEnd = Math.min(b.length, off + 8 + len);
    if (WAV_META.has(id)) {
      b.write("JUNK", off, "latin1");
      b.fill(0, off + 8, bodyEnd);
    }
    if (id === "data" && (len === 0 || len === 0xffffffff)) break; // streamed: data runs to the end
    off += 8 + len + (len % 2);
  }
  return b;
}

// --- Ogg ----------------------------------------------------------------------------------------

type Page = { offset: number; headerLen: number; segments: number[] };

function cleanOgg(b: Buffer): Buffer | null {
  const pages: Page[] = [];
  for (let off = 0; off + 27 <= b.length && b.subarray(off, off + 4).toString("latin1") === "OggS";) {
    const n = b[off + 26];
    const segments = [...b.subarray(off + 27, off + 27 + n)];
    const headerLen = 27 + n;
    pages.push({ offset: off, headerLen, segments });
    off += headerLen + segments.reduce((s, x) => s + x, 0);
    if (pages.length > 64) break; // the headers are in the first few pages
  }
  // The second packet of the stream is the comment header: collect where its bytes are.
  const ranges: { page: Page; start: number; len: number }[] = [];
  let packet = 0;
  for (const page of pages) {
    let pos = page.offset + page.headerLen;
    for (const seg of page.segments) {
      if (packet === 1 && seg > 0) ranges.push({ page, start: pos, len: seg });
      pos += seg;
      if (seg < 255) packet += 1;
    }
    if (packet > 1) break;
  }
  if (!ranges.length) return null;
  const comment = Buffer.concat(ranges.map((r) => b.subarray(r.start, r.start + r.len)));
  let prefix: number;
  if (comment.subarray(0, 8).toString("latin1") === "OpusTags") prefix = 8;
  else if (comment.subarray(0, 7).toString("latin1") === "\x03vorbis") prefix = 7;
  else return null;
  if (comment.length < prefix + 8) return null;
  const vendorLen = comment.readUInt32LE(prefix);
  const countAt = prefix + 4 + vendorLen;
  if (countAt + 4 > comment.length) return null;
  comment.fill(0x20, prefix + 4, countAt); // vendor string → spaces, same length
  comment.writeUInt32LE(0, countAt); // no comments
  comment.fill(0, countAt + 4);
  if (prefix === 7 && countAt + 4 < comment.length) comment[countAt + 4] = 1; // Vorbis framing bit
  let pos = 0;
  for (const r of ranges) {
    comment.copy(b, r.start, pos, pos + r.len);
    pos += r.len;
  }
  for (const page of new Set(ranges.map((r) => r.page))) {
    const len = page.headerLen + page.segments.reduce((s, x) => s + x, 0);
    b.writeUInt32LE(0, page.offset + 22);
    b.writeUInt32LE(oggCrc(b.subarray(page.offset, page.offset + len)), page.offset + 22);
  }
  return b;
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let i = 0; i < 256; i++) {
    let r = i << 24;
    for (let j = 0; j < 8; j++) r = r & 0x80000000 ? (r << 1) ^ 0x04c11db7 : r << 1;
    t[i] = r >>> 0;
  }
  return t;
})();

export function oggCrc(buf: Buffer) {
  let crc = 0;
  for (const x of buf) crc = ((crc << 8) ^ CRC_TABLE[((crc >>> 24) ^ x) & 0xff]) >>> 0;
  return crc >>> 0;
}
