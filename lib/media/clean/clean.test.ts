import { describe, expect, it } from "vitest";
import { PDFDocument, PDFName } from "pdf-lib";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { cleanPdf } from "./clean-pdf";
import { cleanOffice } from "./clean-office";
import { cleanAv, oggCrc } from "./clean-av";
import { audioDuration } from "../duration";
import { documentPdf, recordingMp3, recordingWav, voiceOgg } from "../../simulate/fake-media";

const AUTHOR = "Ramesh Author";
const utf16hex = (s: string) =>
  Buffer.from("\ufeff" + s, "utf16le")
    .swap16()
    .toString("hex");
/** The text in every form a PDF or XML may hold it. */
const leaks = (out: Buffer, s: string) =>
  out.toString("latin1").includes(s) || out.toString("latin1").toLowerCase().includes(utf16hex(s).toLowerCase());

describe("cleanPdf", () => {
  it("drops Info (author, creator, producer…), XMP, thumbnails and the file id; keeps the pages and text", async () => {
    const doc = await PDFDocument.load(documentPdf());
    doc.setAuthor(AUTHOR);
    doc.setCreator("Canon iR-ADV C5535 scanner");
    doc.setProducer("Adobe PDF Library 15.0");
    doc.setTitle("Complaint by Ramesh");
    doc.setKeywords(["informant"]);
    const xmp = doc.context.register(
      doc.context.stream(`<x:xmpmeta><dc:creator>${AUTHOR}</dc:creator></x:xmpmeta>`, {
        Type: "Metadata",
        Subtype: "XML",
      }),
    );
    doc.catalog.set(PDFName.of("Metadata"), xmp);
    doc
      .getPage(0)
      .node.set(PDFName.of("Thumb"), doc.context.register(doc.context.stream("THUMBNAIL-BYTES-OF-UNCROPPED-PAGE")));
    const input = Buffer.from(await doc.save());
    expect(leaks(input, AUTHOR)).toBe(true);

    const out = (await cleanPdf(input))!;
    for (const s of [
      AUTHOR,
      "Canon iR-ADV",
      "Adobe PDF Library",
      "Complaint by Ramesh",
      "THUMBNAIL-BYTES",
      "/Producer",
      "/Creator",
      "/Author",
    ])
      expect(leaks(out, s), s).toBe(false);
    const clean = await PDFDocument.load(out, { updateMetadata: false });
    expect(clean.getAuthor()).toBeUndefined();
    expect(clean.getCreator()).toBeUndefined();
    expect(clean.getPageCount()).toBe(1);
    expect(out.toString("latin1")).toContain("Complaint copy - land mafia - plot 14, Jhunsi");
  });

  it("gives no copy of what it cannot read", async () => {
    expect(await cleanPdf(Buffer.from("%PDF-1.7 not really"))).toBeNull();
  });
});

function docx(): Buffer {
  const rels = `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>
<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>
<Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties" Target="docProps/custom.xml"/>
<Relationship Id="rId5" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/thumbnail" Target="docProps/thumbnail.jpeg"/></Relationships>`;
  return Buffer.from(
    zipSync({
      "[Content_Types].xml": strToU8(
        `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="jpeg" ContentType="image/jpeg"/><Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/></Types>`,
      ),
      "_rels/.rels": strToU8(rels),
      "docProps/core.xml": strToU8(
        `<cp:coreProperties xmlns:cp="x" xmlns:dc="y"><dc:creator>${AUTHOR}</dc:creator><cp:lastModifiedBy>SI Verma</cp:lastModifiedBy></cp:coreProperties>`,
      ),
      "docProps/app.xml": strToU8(
        `<Properties><Company>Thana Jhunsi</Company><Template>Normal.dotm</Template></Properties>`,
      ),
      "docProps/custom.xml": strToU8(
        `<Properties><property name="Owner"><vt:lpwstr>ramesh@example.in</vt:lpwstr></property></Properties>`,
      ),
      "docProps/thumbnail.jpeg": Buffer.from("JPEG-THUMBNAIL"),
      "word/document.xml": strToU8(
        `<w:document><w:body><w:p><w:ins w:id="1" w:author="${AUTHOR}" w:date="2026-11-30T10:00:00Z"><w:r><w:t>land mafia plot 14</w:t></w:r></w:ins></w:p></w:body></w:document>`,
      ),
      "word/comments.xml": strToU8(
        `<w:comments><w:comment w:id="0" w:author="${AUTHOR}" w:initials="RA"><w:p><w:r><w:t>check</w:t></w:r></w:p></w:comment></w:comments>`,
      ),
      "word/people.xml": strToU8(
        `<w15:people><w15:person w15:author="${AUTHOR}"><w15:presenceInfo w15:providerId="AD" w15:userId="ramesh@example.in"/></w15:person></w15:people>`,
      ),
    }),
  );
}

describe("cleanOffice", () => {
  it("empties a docx's properties, removes custom properties and the thumbnail, blanks revision and comment authors", () => {
    const out = cleanOffice(docx())!;
    const files = unzipSync(new Uint8Array(out));
    const all = Object.values(files)
      .map((f) => strFromU8(f))
      .join("\n");
    for (const s of [AUTHOR, "SI Verma", "Thana Jhunsi", "ramesh@example.in", "JPEG-THUMBNAIL", 'RA"'])
      expect(all, s).not.toContain(s);
    expect(Object.keys(files)).not.toContain("docProps/custom.xml");
    expect(Object.keys(files)).not.toContain("docProps/thumbnail.jpeg");
    expect(strFromU8(files["_rels/.rels"])).not.toMatch(/custom\.xml|thumbnail/);
    expect(strFromU8(files["_rels/.rels"])).toContain("word/document.xml");
    expect(strFromU8(files["[Content_Types].xml"])).not.toContain("custom.xml");
    expect(strFromU8(files["word/document.xml"])).toContain("land mafia plot 14");
  });

  it("empties an OpenDocument's meta.xml and drops its thumbnail, keeping mimetype first and stored", () => {
    const odt = Buffer.from(
      zipSync({
        mimetype: [strToU8("application/vnd.oasis.opendocument.text"), { level: 0 }],
        "META-INF/manifest.xml": strToU8(
          `<manifest:manifest><manifest:file-entry manifest:full-path="Thumbnails/thumbnail.png" manifest:media-type="image/png"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>`,
        ),
        "meta.xml": strToU8(
          `<office:document-meta><office:meta><meta:initial-creator>${AUTHOR}</meta:initial-creator><dc:creator>SI Verma</dc:creator></office:meta></office:document-meta>`,
        ),
        "content.xml": strToU8("<office:document-content>plot 14</office:document-content>"),
        "Thumbnails/thumbnail.png": Buffer.from("PNG-THUMBNAIL"),
      }),
    );
    const out = cleanOffice(odt)!;
    expect(out.subarray(30, 38).toString("latin1")).toBe("mimetype");
    const files = unzipSync(new Uint8Array(out));
    const all = Object.values(files)
      .map((f) => strFromU8(f))
      .join("\n");
    for (const s of [AUTHOR, "SI Verma", "PNG-THUMBNAIL", "Thumbnails/"]) expect(all, s).not.toContain(s);
    expect(strFromU8(files["content.xml"])).toContain("plot 14");
  });

  it("gives no copy of a file that is not an Office container", () => {
    expect(cleanOffice(Buffer.from("\xd0\xcf\x11\xe0 legacy .doc", "latin1"))).toBeNull();
    expect(cleanOffice(Buffer.from(zipSync({ "a.txt": strToU8("x") })))).toBeNull();
  });
});

function box(type: string, ...body: Buffer[]) {
  const payload = Buffer.concat(body);
  const h = Buffer.alloc(8);
  h.writeUInt32BE(8 + payload.length);
  h.write(type, 4, "latin1");
  return Buffer.concat([h, payload]);
}
const fullBoxTimes = () =>
  Buffer.concat([
    Buffer.from([0, 0, 0, 0]),
    Buffer.from([0xe3, 0x1d, 0x9b, 0x40, 0xe3, 0x1d, 0x9b, 0x41]),
    Buffer.alloc(16, 7),
  ]);

describe("cleanAv", () => {
  it("MP4: udta (GPS ©xyz, device), meta and XMP uuid boxes become zeroed free boxes; times zeroed; size and media bytes unchanged", () => {
    const gps = box("\xa9xyz", Buffer.from("+25.4358+081.8463/"));
    const model = box("\xa9mod", Buffer.from("Redmi Note 12"));
    const mdat = box("mdat", Buffer.from("MEDIA-SAMPLES-UNCHANGED"));
    const input = Buffer.concat([
      box("ftyp", Buffer.from("isom\0\0\0\0isommp41")),
      box(
        "moov",
        box("mvhd", fullBoxTimes()),
        box("udta", gps, model),
        box(
          "trak",
          box("tkhd", fullBoxTimes()),
          box("mdia", box("mdhd", fullBoxTimes())),
          box("meta", Buffer.from(AUTHOR)),
        ),
      ),
      box("uuid", Buffer.from("\xbe\x7a\xcf\xcb<x:xmpmeta>" + AUTHOR, "latin1")),
      mdat,
    ]);
    const out = cleanAv("video/mp4", input)!;
    expect(out.length).toBe(input.length);
    for (const s of ["+25.4358", "Redmi", AUTHOR, "xmpmeta"]) expect(out.includes(Buffer.from(s)), s).toBe(false);
    expect(out.includes(Buffer.from([0xe3, 0x1d, 0x9b, 0x40]))).toBe(false);
    expect(out.subarray(out.length - mdat.length).equals(mdat)).toBe(true);
    expect(input.includes(Buffer.from("+25.4358"))).toBe(true); // the original buffer is untouched
  });

  it("MP3: ID3v2 and ID3v1 tags are cut, frames kept", () => {
    const frames = recordingMp3(1);
    const text = Buffer.concat([
      Buffer.from("TPE1"),
      Buffer.from([0, 0, 0, AUTHOR.length + 1, 0, 0, 0]),
      Buffer.from(AUTHOR),
    ]);
    const id3 = Buffer.concat([Buffer.from("ID3\x03\x00\x00", "latin1"), Buffer.from([0, 0, 0, text.length]), text]);
    const v1 = Buffer.concat([Buffer.from("TAG"), Buffer.from(AUTHOR.padEnd(125, "\0"))]);
    const out = cleanAv("audio/mpeg", Buffer.concat([id3, frames, v1]))!;
    expect(out.equals(frames)).toBe(true);
  });

  it("WAV: LIST/INFO becomes JUNK of zeros, duration unchanged", () => {
    const w = recordingWav(2);
    const info = Buffer.concat([
      Buffer.from("INFOIART"),
      Buffer.from([AUTHOR.length + 1, 0, 0, 0]),
      Buffer.from(AUTHOR + "\0"),
    ]);
    const list = Buffer.concat([Buffer.from("LIST"), Buffer.from([info.length, 0, 0, 0]), info]);
    const input = Buffer.concat([w.subarray(0, 36), list, w.subarray(36)]);
    input.writeUInt32LE(input.length - 8, 4);
    const out = cleanAv("audio/wav", input)!;
    expect(out.includes(Buffer.from(AUTHOR))).toBe(false);
    expect(out.includes(Buffer.from("JUNK"))).toBe(true);
    expect(audioDuration("audio/wav", out.subarray(0, 4096), out.subarray(-65536), out.length)).toBe(2);
  });

  it("Ogg Opus: the comment header loses vendor and comments, pages stay valid, duration unchanged", () => {
    const input = voiceOgg(3);
    expect(input.includes(Buffer.from("mukhbir-fake"))).toBe(true);
    const out = cleanAv("audio/ogg", input)!;
    expect(out.length).toBe(input.length);
    expect(out.includes(Buffer.from("mukhbir-fake"))).toBe(false);
    for (let off = 0; off < out.length;) {
      const n = out[off + 26];
      const len = 27 + n + [...out.subarray(off + 27, off + 27 + n)].reduce((s, x) => s + x, 0);
      const page = Buffer.from(out.subarray(off, off + len));
      const crc = page.readUInt32LE(22);
      page.writeUInt32LE(0, 22);
      expect(oggCrc(page)).toBe(crc);
      off += len;
    }
    expect(audioDuration("audio/ogg", out.subarray(0, 4096), out.subarray(-65536), out.length)).toBeCloseTo(3, 1);
  });

  it("gives no copy of a container it cannot rewrite (WebM)", () => {
    expect(cleanAv("video/webm", Buffer.from([0x1a, 0x45, 0xdf, 0xa3, 0, 0, 0, 0]))).toBeNull();
  });
});
