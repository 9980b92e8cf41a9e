// HTTP responses for stored media. Voice notes and videos answer Range requests (browsers seek and
// read the duration through them); every response is `nosniff` and private, and anything that is
// not shown inline goes out as an attachment so the browser never renders it in our origin.
import "server-only";
import { Readable } from "node:stream";
import { storage } from "../storage/storage";
import { AppError } from "../errors";

export type MediaServe = {
  key: string;
  mime: string;
  size?: number | null;
  disposition: "inline" | "attachment";
  filename: string;
};

const BASE_HEADERS = {
  "X-Content-Type-Options": "nosniff",
  "Cache-Control": "private, no-store",
  "Content-Security-Policy": "default-src 'none'; sandbox",
};

export function rangeStart(header: string | null): number {
  const m = header?.match(/^bytes=(\d*)-/);
  return m && m[1] ? Number(m[1]) : 0;
}

export async function mediaResponse(req: Request, m: MediaServe): Promise<Response> {
  const stat = await storage().stat(m.key);
  if (!stat) throw new AppError("notFound");
  const size = stat.size;
  const headers: Record<string, string> = {
    ...BASE_HEADERS,
    "Content-Type": m.mime,
    "Content-Disposition": `${m.disposition}; filename="${m.filename.replace(/[^A-Za-z0-9._-]/g, "_")}"`,
    "Accept-Ranges": "bytes",
  };
  const range = req.headers.get("range")?.match(/^bytes=(\d*)-(\d*)$/);
  if (range && (range[1] || range[2])) {
    let start = range[1] ? Number(range[1]) : Math.max(0, size - Number(range[2]));
    let end = range[1] && range[2] ? Math.min(Number(range[2]), size - 1) : size - 1;
    if (!range[1]) end = size - 1;
    if (start >= size || start > end)
      return new Response(null, { status: 416, headers: { ...headers, "Content-Range": `bytes */${size}` } });
    start = Math.max(0, start);
    const body = await readSlice(m.key, start, end);
    return new Response(new Uint8Array(body), {
      status: 206,
      headers: { ...headers, "Content-Range": `bytes ${start}-${end}/${size}`, "Content-Length": String(body.length) },
    });
  }
  const stream = await storage().get(m.key);
  if (!stream) throw new AppError("notFound");
  return new Response(Readable.toWeb(stream) as ReadableStream, {
    headers: { ...headers, "Content-Length": String(size) },
  });
}

/** Reads bytes [start, end] of an object (a range request to the store: S3 sends only those bytes). */
async function readSlice(key: string, start: number, end: number): Promise<Buffer> {
  const stream = await storage().get(key, { start, end });
  if (!stream) throw new AppError("notFound");
  const out: Buffer[] = [];
  for await (const chunk of stream) out.push(Buffer.from(chunk));
  return Buffer.concat(out);
}
