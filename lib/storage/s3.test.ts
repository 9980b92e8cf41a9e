// S3Storage (aws4fetch) against a real S3-compatible server, s3rver, in this process (ADR 0802):
// put, get, range get, stat, delete, multipart upload across parts, server-side encryption headers,
// and checksum mismatches refused both ways — bytes corrupted on the way to the store (the store's
// ETag is not our MD5: the put fails and leaves nothing) and on the way back (the read fails).
// Corruption is made by a byte-flipping HTTP relay between the client and s3rver: the wire is the
// only thing faked. s3rver accepts any signature, so credentials are proven elsewhere (a real store).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import crypto from "node:crypto";
import http from "node:http";
import { Readable } from "node:stream";
import { S3_TEST_CREDENTIALS, startS3Server } from "../testing/s3-server";
import { ChecksumMismatchError, S3Storage } from "./s3";
import { newStorageKey } from "./keys";

const BUCKET = "mukhbir-media";
const creds = S3_TEST_CREDENTIALS;
const MiB = 1024 * 1024;
let s3: Awaited<ReturnType<typeof startS3Server>>;
let endpoint = "";

/** A relay to s3rver that records requests and can flip one byte of request or response bodies. */
const relay = {
  corruptRequests: false,
  corruptResponses: false,
  seen: [] as { method: string; url: string; headers: http.IncomingHttpHeaders }[],
};
let relayServer: http.Server;
let relayEndpoint = "";
const flip = (b: Buffer): Buffer => {
  if (!b.length) return b;
  const c = Buffer.from(b);
  c[Math.floor(c.length / 2)] ^= 0xff;
  return c;
};

beforeAll(async () => {
  s3 = await startS3Server(BUCKET);
  endpoint = s3.url;
  relayServer = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req
      .on("data", (c: Buffer) => chunks.push(c))
      .on("end", () => {
        relay.seen.push({ method: req.method!, url: req.url!, headers: req.headers });
        let body: Buffer = Buffer.concat(chunks);
        if (relay.corruptRequests && req.method === "PUT") body = flip(body);
        const up = http.request(`${endpoint}${req.url}`, { method: req.method, headers: req.headers }, (r) => {
          const out: Buffer[] = [];
          r.on("data", (c: Buffer) => out.push(c)).on("end", () => {
            let answer: Buffer = Buffer.concat(out);
            if (relay.corruptResponses && req.method === "GET") answer = flip(answer);
            res.writeHead(r.statusCode ?? 502, r.headers).end(answer);
          });
        });
        up.on("error", () => res.writeHead(502).end());
        up.end(body);
      });
  });
  await new Promise<void>((r) => relayServer.listen(0, "127.0.0.1", () => r()));
  relayEndpoint = `http://127.0.0.1:${(relayServer.address() as { port: number }).port}`;
});
afterAll(async () => {
  await new Promise<void>((r) => relayServer.close(() => r()));
  await s3.close();
});

async function read(s: Readable) {
  const chunks: Buffer[] = [];
  for await (const c of s) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}
const sha = (b: Buffer) => crypto.createHash("sha256").update(b).digest("hex");
/** A stream of `n` random bytes in uneven chunks (as a download arrives). */
function randomStream(bytes: Buffer) {
  const chunks: Buffer[] = [];
  for (let i = 0; i < bytes.length;) {
    const n = Math.min(bytes.length - i, 10_000 + Math.floor(Math.random() * 200_000));
    chunks.push(bytes.subarray(i, i + n));
    i += n;
  }
  return Readable.from(chunks);
}

describe("S3Storage on s3rver", () => {
  it("puts, stats, gets, range-gets and deletes; a missing key is null", async () => {
    const s3 = new S3Storage({ endpoint, bucket: BUCKET, ...creds });
    const key = newStorageKey("jpg");
    const bytes = Buffer.from("0123456789abcdefghijklmnopqrstuvwxyz");
    expect(await s3.put(key, bytes, { contentType: "image/jpeg" })).toEqual({ size: bytes.length });
    expect(await s3.stat(key)).toEqual({ size: bytes.length });
    expect(await read((await s3.get(key))!)).toEqual(bytes);
    expect((await read((await s3.get(key, { start: 10, end: 15 }))!)).toString()).toBe("abcdef");

    const streamed = newStorageKey();
    const body = crypto.randomBytes(300_000);
    expect(await s3.put(streamed, randomStream(body))).toEqual({ size: body.length });
    expect(sha(await read((await s3.get(streamed))!))).toBe(sha(body));

    const empty = newStorageKey();
    expect(await s3.put(empty, Buffer.alloc(0))).toEqual({ size: 0 });
    expect(await s3.stat(empty)).toEqual({ size: 0 });

    await s3.delete(key);
    expect(await s3.stat(key)).toBeNull();
    expect(await s3.get(key)).toBeNull();
    await s3.delete(key); // a missing key is not an error
  });

  it("uploads a large body in parts (multipart) and reads it back whole and by range across a part boundary", async () => {
    const s3 = new S3Storage({ endpoint: relayEndpoint, bucket: BUCKET, ...creds, partSize: 5 * MiB });
    relay.seen.length = 0;
    const body = crypto.randomBytes(12 * MiB + 12_345);
    const key = newStorageKey("mp4");
    expect(await s3.put(key, randomStream(body), { contentType: "video/mp4" })).toEqual({ size: body.length });
    const calls = relay.seen.map((r) => `${r.method} ${r.url.replace(/^\/[^/]+\/[^?]+/, "")}`);
    expect(calls.filter((c) => c === "POST ?uploads")).toHaveLength(1);
    expect(calls.filter((c) => /^PUT \?partNumber=\d&uploadId=/.test(c))).toHaveLength(3);
    expect(calls.filter((c) => c.startsWith("POST ?uploadId="))).toHaveLength(1);
    expect((await s3.stat(key))?.size).toBe(body.length);
    expect(sha(await read((await s3.get(key))!))).toBe(sha(body));
    const start = 5 * MiB - 100;
    expect(await read((await s3.get(key, { start, end: start + 199 }))!)).toEqual(body.subarray(start, start + 200));
  });

  it("sends the configured server-side encryption headers on PUT and on CreateMultipartUpload", async () => {
    const s3 = new S3Storage({ endpoint: relayEndpoint, bucket: BUCKET, ...creds, sse: "AES256", partSize: 5 * MiB });
    relay.seen.length = 0;
    await s3.put(newStorageKey(), Buffer.from("small"));
    await s3.put(newStorageKey(), randomStream(crypto.randomBytes(6 * MiB)));
    const writes = relay.seen.filter(
      (r) => (r.method === "PUT" && !r.url.includes("partNumber")) || r.url.endsWith("?uploads"),
    );
    expect(writes).toHaveLength(2);
    for (const w of writes) expect(w.headers["x-amz-server-side-encryption"]).toBe("AES256");
    // Every body is signed with its SHA-256 and carries its MD5 for the store to check.
    for (const r of relay.seen.filter((x) => x.method === "PUT")) {
      expect(r.headers["x-amz-content-sha256"]).toMatch(/^[0-9a-f]{64}$/);
      expect(r.headers["content-md5"]).toMatch(/^[A-Za-z0-9+/]{22}==$/);
      expect(String(r.headers.authorization)).toMatch(
        /^AWS4-HMAC-SHA256 Credential=S3RVER\/\d{8}\/ap-south-1\/s3\/aws4_request, SignedHeaders=.*x-amz-content-sha256/,
      );
    }
    expect(() => new S3Storage({ endpoint, bucket: BUCKET, ...creds, sseKmsKeyId: "k" })).toThrow(/aws:kms/);
  });

  it("refuses a body that reached the store changed (single PUT and multipart) and leaves nothing under the key", async () => {
    const viaRelay = new S3Storage({ endpoint: relayEndpoint, bucket: BUCKET, ...creds, partSize: 5 * MiB });
    const direct = new S3Storage({ endpoint, bucket: BUCKET, ...creds });
    relay.corruptRequests = true;
    try {
      const key = newStorageKey();
      await expect(viaRelay.put(key, Buffer.from("evidence photo bytes"))).rejects.toBeInstanceOf(
        ChecksumMismatchError,
      );
      expect(await direct.stat(key)).toBeNull();
      const big = newStorageKey();
      await expect(viaRelay.put(big, randomStream(crypto.randomBytes(11 * MiB)))).rejects.toBeInstanceOf(
        ChecksumMismatchError,
      );
      expect(await direct.stat(big)).toBeNull();
    } finally {
      relay.corruptRequests = false;
    }
  });

  it("fails a read whose bytes differ from the SHA-256 stored with the object", async () => {
    const viaRelay = new S3Storage({ endpoint: relayEndpoint, bucket: BUCKET, ...creds });
    const key = newStorageKey();
    const bytes = crypto.randomBytes(50_000);
    await viaRelay.put(key, bytes);
    expect(await read((await viaRelay.get(key))!)).toEqual(bytes);
    relay.corruptResponses = true;
    try {
      await expect(read((await viaRelay.get(key))!)).rejects.toBeInstanceOf(ChecksumMismatchError);
    } finally {
      relay.corruptResponses = false;
    }
  });

  it("refuses to start half-configured", () => {
    expect(() => new S3Storage({ endpoint: "", bucket: "b", ...creds })).toThrow(/S3_ENDPOINT/);
  });
});
