// Office documents without their properties. OOXML (docx, xlsx, pptx) and ODF (odt, ods, odp) are
// zip containers of XML: the document-properties parts (docProps/core.xml: creator, lastModifiedBy,
// dates; app.xml: company, manager, template, editing time; custom.xml; ODF meta.xml) are replaced
// by empty ones, embedded thumbnails removed, and comment/revision authors blanked. Anything that is
// not such a container, or would inflate past the cap (a zip bomb), gets no copy (null).
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from "fflate";

const MAX_INFLATED = 256 * 1024 * 1024;

const CORE = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"></cp:coreProperties>`;
const APP = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"></Properties>`;
const ODF_META = `<?xml version="1.0" encoding="UTF-8"?>
<office:document-meta xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" office:version="1.2"><office:meta/></office:document-meta>`;

/** Attributes naming a person anywhere in the XML (Word revisions/comments, people, persons, comment authors). */
const PERSON_ATTRS = /\b((?:\w+:)?(?:author|initials|userId|providerId|displayName))="[^"]*"/g;
const AUTHOR_LISTS = /(commentAuthors|authors|persons\/person|people)\.xml$/;

export function cleanOffice(input: Buffer): Buffer | null {
  let files: Record<string, Uint8Array>;
  let inflated = 0;
  try {
    files = unzipSync(new Uint8Array(input), {
      filter: (f) => {
        inflated += f.originalSize;
        if (inflated > MAX_INFLATED) throw new Error("zip inflates past the cap");
        return true;
      },
    });
  } catch {
    return null;
  }
  const odf = strFromU8(files["mimetype"] ?? new Uint8Array()).startsWith("application/vnd.oasis.opendocument.");
  if (!odf && !files["[Content_Types].xml"]) return null;
  const dropped = Object.keys(files).filter(
    (n) => /^docProps\/(custom\.xml|thumbnail\.\w+)$/.test(n) || /^Thumbnails\//.test(n),
  );
  for (const n of dropped) delete files[n];
  const out: Zippable = {};
  for (const [name, data] of Object.entries(files)) {
    if (name === "mimetype") {
      out[name] = [data, { level: 0 }]; // ODF: first, stored
      continue;
    }
    if (name === "docProps/core.xml") out[name] = strToU8(CORE);
    else if (name === "docProps/app.xml") out[name] = strToU8(APP);
    else if (odf && name === "meta.xml") out[name] = strToU8(ODF_META);
    else if (/\.(xml|rels)$/.test(name)) out[name] = strToU8(scrubXml(name, strFromU8(data), dropped));
    else out[name] = data;
  }
  return Buffer.from(zipSync(out, { level: 6 }));
}

function scrubXml(name: string, xml: string, dropped: string[]): string {
  let s = xml.replace(PERSON_ATTRS, '$1=""');
  if (AUTHOR_LISTS.test(name)) s = s.replace(/\b(name)="[^"]*"/g, '$1=""');
  // xlsx legacy comments list their authors as elements.
  if (/comments\d*\.xml$/.test(name)) s = s.replace(/<author>[^<]*<\/author>/g, "<author></author>");
  // References to removed parts (package relationships, content types, the ODF manifest).
  for (const part of dropped) {
    const esc = part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    s = s.replace(new RegExp(`<Relationship\\b[^>]*Target="/?${esc}"[^>]*/>`, "g"), "");
    s = s.replace(new RegExp(`<Override\\b[^>]*PartName="/${esc}"[^>]*/>`, "g"), "");
    s = s.replace(new RegExp(`<manifest:file-entry\\b[^>]*manifest:full-path="${esc}"[^>]*/>`, "g"), "");
  }
  return s;
}
