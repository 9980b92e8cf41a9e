// S3Storage against a small in-process S3 stand-in that re-derives each request's SigV4 signature
// from what actually arrived on the wire (host with port, path, headers): checks the request
// building and the store/get/stat/delete semantics. The signer itself is checked against AWS's
// published examples in sigv4.test.ts.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import http from "node:http";
import { Readable } from "node:stream";
import { S3Storage } from "./s3";
import { signRequest } from "./sigv4";
import { newStorageKey } from "./keys";

const creds = { accessKeyId: "AKIDTEST", secretAccessKey: "secret/key+test", region: "ap-south-1" };
const objects = new Map<string, Buffer>();
const seen: { method: string; path: string; ok: boolean }[] = [];
let server: http.Server;
let endpoint = "";

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", () => {
      const auth = String(req.headers.authorization ?? "");
      const signed = /SignedHeaders=([^,]+)/.exec(auth)?.[1].split(";") ?? [];
      const headers = Object.fromEntries(signed.filter((h) => h !== "x-amz-date").map((h) => [h, String(req.headers[h])]));
      const stamp = String(req.headers["x-amz-date"]);
      const date = new Date(`${stamp.slice(0, 4)}-${stamp.slice(4, 6)}-${stamp.slice(6, 8)}T${stamp.slice(9, 11)}:${stamp.slice(11, 13)}:${stamp.slice(13, 15)}Z`);
      const expected = signRequest({ method: req.method!, url: `http://${req.headers.host}${req.url}`, headers, payloadHash: String(req.headers["x-amz-content-sha256"]), date }, { ...creds, service: "s3" });
      const ok = expected.authorization === auth && signed.includes("host") && signed.includes("x-amz-content-sha256");
      seen.push({ method: req.method!, path: req.url!, ok });
      if (!ok) return res.writeHead(403).end("SignatureDoesNotMatch");
      const key = req.url!;
      if (req.method === "PUT") {
        if (Number(req.headers["content-length"]) !== Buffer.concat(chunks).length) return res.writeHead(400).end("bad length");
        objects.set(key, Buffer.concat(chunks));
        return res.writeHead(200).end();
      }
      const obj = objects.get(key);
      if (req.method === "DELETE") return objects.delete(key), res.writeHead(204).end();
      if (!obj) return res.writeHead(404).end("NoSuchKey");
      res.writeHead(200, { "content-length": String(obj.length) });
      res.end(req.method === "HEAD" ? undefined : obj);
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  endpoint = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

async function read(s: Readable) {
  const chunks: Buffer[] = [];
  for await (const c of s) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

describe("S3Storage", () => {
  it("puts (buffer and stream), stats, gets and deletes with signed path-style requests", async () => {
    const s3 = new S3Storage({ endpoint, bucket: "mukhbir-media", ...creds });
    const from = seen.length; // the stand-in also saw the other tests' requests (e.g. wrong credentials)
    const key = newStorageKey("jpg");
    expect(await s3.put(key, Buffer.from("photo bytes"), { contentType: "image/jpeg" })).toEqual({ size: 11 });
    expect(objects.get(`/mukhbir-media/${key}`)?.toString()).toBe("photo bytes");
    expect(await s3.stat(key)).toEqual({ size: 11 });
    expect((await read((await s3.get(key))!)).toString()).toBe("photo bytes");

    const key2 = newStorageKey();
    await s3.put(key2, Readable.from([Buffer.alloc(70_000, 1), Buffer.alloc(30_000, 2)]));
    expect((await s3.stat(key2))?.size).toBe(100_000);

    await s3.delete(key);
    expect(await s3.stat(key)).toBeNull();
    expect(await s3.get(key)).toBeNull();
    const mine = seen.slice(from);
    expect(mine.map((r) => r.method)).toEqual(["PUT", "HEAD", "GET", "PUT", "HEAD", "DELETE", "HEAD", "GET"]);
    expect(mine.every((r) => r.ok)).toBe(true);
  });

  it("fails loudly with wrong credentials", async () => {
    const s3 = new S3Storage({ endpoint, bucket: "mukhbir-media", ...creds, secretAccessKey: "wrong" });
    await expect(s3.put(newStorageKey(), Buffer.from("x"))).rejects.toThrow(/HTTP 403/);
  });

  it("refuses to start half-configured", () => {
    expect(() => new S3Storage({ endpoint: "", bucket: "b", ...creds })).toThrow(/S3_ENDPOINT/);
  });
});
