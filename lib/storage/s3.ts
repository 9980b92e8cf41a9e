// S3-compatible storage over plain HTTP(S) with our own SigV4 signing (lib/storage/sigv4.ts).
// Path-style URLs (`{endpoint}/{bucket}/{key}`) work with AWS, MinIO and most others. S3 needs a
// Content-Length for a single PUT, so a streamed body is first spooled to a temporary file (a
// download of unknown length); the payload is sent as UNSIGNED-PAYLOAD over the signed headers.
import fs from "node:fs";
import fsp from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import crypto from "node:crypto";
import http from "node:http";
import https from "node:https";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { signRequest, EMPTY_SHA256 } from "./sigv4";
import { assertKey, type Storage, type StoredObject } from "./keys";

export type S3Config = { endpoint: string; region: string; bucket: string; accessKeyId: string; secretAccessKey: string };

type Res = { status: number; headers: http.IncomingHttpHeaders; body: Readable };

export class S3Storage implements Storage {
  constructor(readonly cfg: S3Config) {
    if (!cfg.endpoint || !cfg.bucket || !cfg.accessKeyId || !cfg.secretAccessKey)
      throw new Error("STORAGE=s3 needs S3_ENDPOINT, S3_BUCKET, S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY");
  }

  private url(key: string) {
    assertKey(key);
    return `${this.cfg.endpoint.replace(/\/+$/, "")}/${encodeURIComponent(this.cfg.bucket)}/${key}`;
  }

  private request(method: string, key: string, body?: { stream: Readable; length: number; contentType?: string }): Promise<Res> {
    const url = new URL(this.url(key));
    const payloadHash = body ? "UNSIGNED-PAYLOAD" : EMPTY_SHA256;
    const base: Record<string, string> = { host: url.host, "x-amz-content-sha256": payloadHash };
    if (body) {
      base["content-length"] = String(body.length);
      base["content-type"] = body.contentType ?? "application/octet-stream";
    }
    const headers = signRequest({ method, url: url.toString(), headers: base, payloadHash }, { ...this.cfg, service: "s3" });
    const lib = url.protocol === "https:" ? https : http;
    return new Promise((resolve, reject) => {
      const req = lib.request(url, { method, headers }, (res) => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: res }));
      req.on("error", reject);
      req.setTimeout(120_000, () => req.destroy(new Error("S3 request timed out")));
      if (body) body.stream.on("error", (e) => req.destroy(e)).pipe(req);
      else req.end();
    });
  }

  private async expectOk(res: Res, what: string) {
    if (res.status >= 200 && res.status < 300) return;
    const text = await drain(res.body);
    throw new Error(`S3 ${what} failed: HTTP ${res.status} ${text.slice(0, 200)}`);
  }

  async put(key: string, body: Readable | Buffer, opts: { contentType?: string } = {}): Promise<StoredObject> {
    if (Buffer.isBuffer(body)) {
      await this.expectOk(await this.request("PUT", key, { stream: Readable.from([body]), length: body.length, contentType: opts.contentType }), "PUT");
      return { size: body.length };
    }
    const tmp = path.join(os.tmpdir(), `mukhbir-s3-${crypto.randomBytes(8).toString("hex")}`);
    try {
      await pipeline(body, fs.createWriteStream(tmp, { mode: 0o600 }));
      const { size } = await fsp.stat(tmp);
      await this.expectOk(await this.request("PUT", key, { stream: fs.createReadStream(tmp), length: size, contentType: opts.contentType }), "PUT");
      return { size };
    } finally {
      await fsp.rm(tmp, { force: true });
    }
  }

  async get(key: string): Promise<Readable | null> {
    const res = await this.request("GET", key);
    if (res.status === 404) return void (await drain(res.body)), null;
    await this.expectOk(res, "GET");
    return res.body;
  }

  async stat(key: string): Promise<StoredObject | null> {
    const res = await this.request("HEAD", key);
    await drain(res.body);
    if (res.status === 404) return null;
    await this.expectOk(res, "HEAD");
    return { size: Number(res.headers["content-length"] ?? 0) };
  }

  async delete(key: string): Promise<void> {
    const res = await this.request("DELETE", key);
    if (res.status === 404) return void (await drain(res.body));
    await this.expectOk(res, "DELETE");
    await drain(res.body);
  }
}

async function drain(stream: Readable) {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}
