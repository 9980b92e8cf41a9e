// Real media bytes for the fake provider API (scripts/fake-providers.ts): a JPEG carrying GPS and
// camera EXIF (made with sharp), an Ogg/Opus voice note with a real duration (muxed here from
// Opus silence frames: no encoder needed), a WAV call recording (a tone), an MP3 of silent frames
// (Exotel's format), a WebP sticker and a one-page PDF. Deterministic: the same bytes every run.
import sharp from "sharp";
import { oggCrc } from "../media/clean/clean-av";

export type FakeMedia = { mime: string; bytes: Buffer; filename?: string };

/** A photo of "a liquor still" (colour blocks), with GPS near Prayagraj and a phone's Make/Model. */
export async function photoJpeg(): Promise<Buffer> {
  const w = 640;
  const h = 480;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}">
    <rect width="100%" height="100%" fill="#6b7f5a"/><rect x="180" y="200" width="260" height="200" rx="30" fill="#8a5a2b"/>
    <rect x="260" y="120" width="100" height="90" fill="#5a5a5a"/><circle cx="520" cy="90" r="50" fill="#f2d16b"/></svg>`;
  return sharp(Buffer.from(svg))
    .withExif({
      IFD0: { Make: "Xiaomi", Model: "Redmi Note 12", Software: "MIUI 14" },
      IFD3: {
        GPSLatitudeRef: "N",
        GPSLatitude: "25/1 26/1 3000/100",
        GPSLongitudeRef: "E",
        GPSLongitude: "81/1 50/1 4200/100",
      },
    })
    .jpeg({ quality: 80 })
    .toBuffer();
}

export async function stickerWebp(): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="512" height="512"><circle cx="256" cy="256" r="240" fill="#f59e0b"/>
    <circle cx="180" cy="200" r="30" fill="#111"/><circle cx="332" cy="200" r="30" fill="#111"/><rect x="160" y="330" width="192" height="24" rx="12" fill="#111"/></svg>`;
  return sharp(Buffer.from(svg)).webp().toBuffer();
}

// --- Ogg/Opus -------------------------------------------------------------------------------

function oggPage(packets: Buffer[], o: { granule: bigint; seq: number; serial: number; flags: number }) {
  const lacing: number[] = [];
  for (const p of packets) {
    let n = p.length;
    for (; n >= 255; n -= 255) lacing.push(255);
    lacing.push(n);
  }
  const header = Buffer.alloc(27 + lacing.length);
  header.write("OggS", 0, "latin1");
  header[4] = 0;
  header[5] = o.flags;
  header.writeBigInt64LE(o.granule, 6);
  header.writeUInt32LE(o.serial, 14);
  header.writeUInt32LE(o.seq, 18);
  header[26] = lacing.length;
  Buffer.from(lacing).copy(header, 27);
  const page = Buffer.concat([header, ...packets]);
  page.writeUInt32LE(oggCrc(page), 22);
  return page;
}

/** An Ogg/Opus mono voice note of `seconds` (20 ms CELT silence frames), as WhatsApp sends voice notes. */
export function voiceOgg(seconds = 4): Buffer {
  const serial = 0x4d554b48;
  const preSkip = 312;
  const head = Buffer.alloc(19);
  head.write("OpusHead", 0, "latin1");
  head[8] = 1; // version
  head[9] = 1; // channels
  head.writeUInt16LE(preSkip, 10);
  head.writeUInt32LE(48_000, 12);
  head.writeInt16LE(0, 16);
  head[18] = 0; // mapping family
  const vendor = Buffer.from("mukhbir-fake", "utf8");
  const tags = Buffer.alloc(8 + 4 + vendor.length + 4);
  tags.write("OpusTags", 0, "latin1");
  tags.writeUInt32LE(vendor.length, 8);
  vendor.copy(tags, 12);
  tags.writeUInt32LE(0, 12 + vendor.length);

  // TOC 0xF8: config 31 (CELT fullband, 20 ms), mono, one frame; 0xFF 0xFE encodes silence.
  const frame = Buffer.from([0xf8, 0xff, 0xfe]);
  const frames = Math.round((seconds * 1000) / 20) + Math.ceil(preSkip / 960);
  const pages = [
    oggPage([head], { granule: 0n, seq: 0, serial, flags: 0x02 }),
    oggPage([tags], { granule: 0n, seq: 1, serial, flags: 0 }),
  ];
  let seq = 2;
  let samples = 0;
  for (let i = 0; i < frames; i += 50) {
    const n = Math.min(50, frames - i);
    samples += n * 960;
    const last = i + n >= frames;
    pages.push(oggPage(Array(n).fill(frame), { granule: BigInt(samples), seq: seq++, serial, flags: last ? 0x04 : 0 }));
  }
  return Buffer.concat(pages);
}

// --- WAV / MP3 / PDF -------------------------------------------------------------------------

/** 8 kHz 16-bit mono PCM: a call recording with a 440 Hz tone fading in and out. */
export function recordingWav(seconds = 6): Buffer {
  const rate = 8000;
  const n = rate * seconds;
  const buf = Buffer.alloc(44 + n * 2);
  buf.write("RIFF", 0, "latin1");
  buf.writeUInt32LE(36 + n * 2, 4);
  buf.write("WAVEfmt ", 8, "latin1");
  buf.writeUInt32LE(16, 16);
  buf.writeUInt16LE(1, 20);
  buf.writeUInt16LE(1, 22);
  buf.writeUInt32LE(rate, 24);
  buf.writeUInt32LE(rate * 2, 28);
  buf.writeUInt16LE(2, 32);
  buf.writeUInt16LE(16, 34);
  buf.write("data", 36, "latin1");
  buf.writeUInt32LE(n * 2, 40);
  for (let i = 0; i < n; i++) {
    const env = Math.min(1, i / 800, (n - i) / 800);
    buf.writeInt16LE(Math.round(Math.sin((2 * Math.PI * 440 * i) / rate) * 6000 * env), 44 + i * 2);
  }
  return buf;
}

/** MPEG-1 Layer III, 128 kbit/s, 44.1 kHz: frames whose side info is all zero decode to silence. */
export function recordingMp3(seconds = 5): Buffer {
  const frameLen = 417; // 144 * 128000 / 44100
  const frames = Math.ceil((seconds * 44_100) / 1152);
  const frame = Buffer.alloc(frameLen);
  frame.set([0xff, 0xfb, 0x90, 0x64]);
  return Buffer.concat(Array(frames).fill(frame));
}

export function documentPdf(): Buffer {
  const text = "Complaint copy - land mafia - plot 14, Jhunsi";
  const objs = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    null,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  ];
  const stream = `BT /F1 18 Tf 72 760 Td (${text}) Tj ET`;
  objs[3] = `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`;
  let out = "%PDF-1.4\n";
  const offsets: number[] = [];
  objs.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("")}`;
  out += `trailer\n<< /Size ${objs.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, "latin1");
}

/** The fixtures by kind, built once. */
export async function buildFixtures(): Promise<Record<string, FakeMedia>> {
  return {
    photo: { mime: "image/jpeg", bytes: await photoJpeg() },
    sticker: { mime: "image/webp", bytes: await stickerWebp() },
    voice: { mime: "audio/ogg", bytes: voiceOgg(4) },
    // A video fixture we can make without an encoder: an Ogg file (audio track only), served as video/ogg.
    video: { mime: "video/ogg", bytes: voiceOgg(3) },
    doc: { mime: "application/pdf", bytes: documentPdf(), filename: "complaint.pdf" },
    wav: { mime: "audio/x-wav", bytes: recordingWav(6) },
    mp3: { mime: "audio/mpeg", bytes: recordingMp3(5) },
  };
}
