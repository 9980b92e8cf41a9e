// Cheap durations for audio: read from the bytes we already kept while streaming (the first 4 KB
// and last 64 KB), never by decoding. Ogg (Opus, Vorbis): the last page's granule position; WAV:
// data size / byte rate. Anything else (MP3, MP4) gets no duration rather than a guess.

export function audioDuration(mime: string, head: Buffer, tail: Buffer, size: number): number | null {
  if (head.subarray(0, 4).toString("latin1") === "OggS") return oggDuration(head, tail);
  if (head.subarray(0, 4).toString("latin1") === "RIFF" && head.subarray(8, 12).toString("latin1") === "WAVE")
    return wavDuration(head, size);
  void mime;
  return null;
}

function oggDuration(head: Buffer, tail: Buffer): number | null {
  let rate = 0;
  let preSkip = 0;
  const opus = head.indexOf("OpusHead");
  if (opus >= 0 && head.length >= opus + 12) {
    rate = 48_000; // Opus granule positions always count 48 kHz samples
    preSkip = head.readUInt16LE(opus + 10);
  } else {
    const vorbis = head.indexOf("\x01vorbis", 0, "latin1");
    if (vorbis >= 0 && head.length >= vorbis + 16) rate = head.readUInt32LE(vorbis + 12);
  }
  if (!rate) return null;
  for (let i = tail.lastIndexOf("OggS"); i >= 0; i = i > 0 ? tail.lastIndexOf("OggS", i - 1) : -1) {
    if (tail.length < i + 14) continue;
    const granule = tail.readBigInt64LE(i + 6);
    if (granule > 0n) return Math.max(0, Number(granule) - preSkip) / rate;
  }
  return null;
}

function wavDuration(head: Buffer, size: number): number | null {
  let off = 12;
  let byteRate = 0;
  while (off + 8 <= head.length) {
    const id = head.subarray(off, off + 4).toString("latin1");
    const len = head.readUInt32LE(off + 4);
    if (id === "fmt " && off + 16 <= head.length) byteRate = head.readUInt32LE(off + 16);
    if (id === "data" && byteRate) {
      // Streamed WAVs may carry a placeholder length: trust the bytes we actually received.
      const data = len > 0 && len !== 0xffffffff ? Math.min(len, size - off - 8) : size - off - 8;
      return data / byteRate;
    }
    off += 8 + len + (len % 2);
  }
  return null;
}
