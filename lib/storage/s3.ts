// S3-compatible storage through aws4fetch (a maintained SigV4 signer over fetch; ADR 0802).
// Path-style URLs (`{endpoint}/{bucket}/{key}`) work with AWS, MinIO, Ceph and most others.
// - Uploads are read in parts of S3_PART_SIZE_MB: a body that fits in one part is one PUT, a larger
//   one a multipart upload (aborted on any error, so nothing is left under the key or in the bucket's
//   pending uploads). No temporary file, memory bounded by one part.
// - Checksums: every PUT and part carries its signed SHA-256 (x-amz-content-sha256) and Content-MD5,
//   which the store verifies (400 BadDigest); we compare the ETag the store answers with our own
//   MD5 (per part, and the multipart ETag `md5(part md5s)-N`) and delete the object on a mismatch.
//   A single-PUT object's SHA-256 goes into its metadata (x-amz-meta-sha256); a whole-object GET
//   verifies the bytes against it as they stream and fails the stream at the end when they differ.
// - Server-side encryption headers from S3_SSE (AES256 or aws:kms) and S3_SSE_KMS_KEY_ID. Under
//   aws:kms the ETag is not an MD5; Content-MD5 and the read-back SHA-256 still hold.
import crypto from "node:crypto";
import { Readable, Transform } from "node:stream";
import { AwsClient } from "aws4fetch";
import { assertKey, type ByteRange, type Storage, type StoredObject } from "./keys";

export type S3Config = {
  endpoint: string;
  region: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Server-side encryption: "" (the bucket's default), "AES256" or "aws:kms". */
  sse?: "" | "AES256" | "aws:kms";
  sseKmsKeyId?: string;
  /** Part size of multipart uploads, bytes (S3's minimum is 5 MiB except for the last part). */
  partSize?: number;
};

export class ChecksumMismatchError extends Error {}

const MiB = 1024 * 1024;

export class S3Storage implements Storage {
  private readonly client: AwsClient;
  private readonly partSize: number;

  constructor(readonly cfg: S3Config) {
    if (!cfg.endpoint || !cfg.bucket || !cfg.accessKeyId || !cfg.secretAccessKey)
      throw new Error("STORAGE=s3 needs S3_ENDPOINT, S3_BUCKET, S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY");
    if (cfg.sseKmsKeyId && cfg.sse !== "aws:kms") throw new Error("S3_SSE_KMS_KEY_ID needs S3_SSE=aws:kms");
    // aws4fetch retries 5xx and network errors itself (a few times, backing off); the job retries the rest.
    this.client = new AwsClient({
      accessKeyId: cfg.accessKeyId,
      secretAccessKey: cfg.secretAccessKey,
      region: cfg.region,
      service: "s3",
      retries: 3,
    });
    this.partSize = Math.max(5 * MiB, cfg.partSize ?? 8 * MiB);
  }

  private url(key: string, query = "") {
    assertKey(key);
    return `${this.cfg.endpoint.replace(/\/+$/, "")}/${encodeURIComponent(this.cfg.bucket)}/${key}${query}`;
  }

  private send(method: string, url: string, opts: { body?: Uint8Array; headers?: Record<string, string> } = {}) {
    const headers: Record<string, string> = { ...opts.headers };
    if (opts.body) {
      // Signed payload (S3 checks it) and Content-MD5 (S3 checks it too: 400 BadDigest).
      headers["x-amz-content-sha256"] = crypto.createHash("sha256").update(opts.body).digest("hex");
      headers["content-md5"] = crypto.createHash("md5").update(opts.body).digest("base64");
    } else headers["x-amz-content-sha256"] = EMPTY_SHA256;
    return this.client.fetch(url, {
      method,
      headers,
      body: opts.body as BodyInit | undefined,
      cache: "no-store",
      signal: AbortSignal.timeout(120_000),
    });
  }

  private sseHeaders(): Record<string, string> {
    const h: Record<string, string> = {};
    if (this.cfg.sse) h["x-amz-server-side-encryption"] = this.cfg.sse;
    if (this.cfg.sseKmsKeyId) h["x-amz-server-side-encryption-aws-kms-key-id"] = this.cfg.sseKmsKeyId;
    return h;
  }

  /** Whether the store's ETag is the MD5 of the bytes (not under SSE-KMS). */
  private get etagIsMd5() {
    return this.cfg.sse !== "aws:kms";
  }

  async put(key: string, body: Readable | Buffer, opts: { contentType?: string } = {}): Promise<StoredObject> {
    const headers = { "content-type": opts.contentType ?? "application/octet-stream", ...this.sseHeaders() };
    const sha = crypto.createHash("sha256");
    const md5 = crypto.createHash("md5");
    const parts = readParts(Buffer.isBuffer(body) ? Readable.from([body]) : body, this.partSize);
    const first = await parts.next();
    const firstPart = first.done ? Buffer.alloc(0) : first.value;
    sha.update(firstPart);
    md5.update(firstPart);
    const second = first.done ? { done: true as const, value: undefined } : await parts.next();
    if (second.done) {
      // One part: one PUT, its SHA-256 known before it is sent.
      const digest = sha.digest("hex");
      const res = await this.send("PUT", this.url(key), {
        body: firstPart,
        headers: { ...headers, "x-amz-meta-sha256": digest },
      });
      await expectOk(res, "PUT");
      if (this.etagIsMd5 && etagOf(res) !== md5hex(firstPart)) {
        await this.delete(key).catch(() => undefined);
        throw new ChecksumMismatchError(`S3 PUT: the store's ETag ${etagOf(res)} is not the MD5 of what was sent`);
      }
      return { size: firstPart.length };
    }
    return this.putMultipart(key, headers, md5, firstPart, second.value, parts);
  }

  private async putMultipart(
    key: string,
    headers: Record<string, string>,
    whole: crypto.Hash,
    first: Buffer,
    second: Buffer,
    rest: AsyncGenerator<Buffer>,
  ): Promise<StoredObject> {
    // The whole object's SHA-256 is known only at the end, too late for the upload's metadata: a
    // multipart object is verified at write (every part's MD5, then the composite ETag), not at read.
    const created = await this.send("POST", this.url(key, "?uploads"), { headers });
    await expectOk(created, "CreateMultipartUpload");
    const uploadId = xmlValue(await created.text(), "UploadId");
    if (!uploadId) throw new Error("S3 CreateMultipartUpload: no UploadId in the answer");
    const done: { n: number; etag: string; md5: Buffer }[] = [];
    let size = 0;
    try {
      const upload = async (part: Buffer) => {
        const n = done.length + 1;
        const res = await this.send("PUT", this.url(key, `?partNumber=${n}&uploadId=${encodeURIComponent(uploadId)}`), {
          body: part,
        });
        await expectOk(res, `UploadPart ${n}`);
        const md5 = crypto.createHash("md5").update(part).digest();
        const etag = etagOf(res);
        if (this.etagIsMd5 && etag !== md5.toString("hex"))
          throw new ChecksumMismatchError(
            `S3 UploadPart ${n}: the store's ETag ${etag} is not the MD5 of what was sent`,
          );
        done.push({ n, etag, md5 });
        size += part.length;
      };
      await upload(first);
      whole.update(second);
      await upload(second);
      for await (const part of rest) {
        whole.update(part);
        await upload(part);
      }
      const xml = `<CompleteMultipartUpload>${done.map((p) => `<Part><PartNumber>${p.n}</PartNumber><ETag>"${p.etag}"</ETag></Part>`).join("")}</CompleteMultipartUpload>`;
      const completed = await this.send("POST", this.url(key, `?uploadId=${encodeURIComponent(uploadId)}`), {
        body: Buffer.from(xml),
        headers: { "content-type": "application/xml" },
      });
      await expectOk(completed, "CompleteMultipartUpload");
      // S3 may answer 200 with an <Error> body on Complete.
      const answer = await completed.text();
      if (/<Error>/.test(answer))
        throw new Error(`S3 CompleteMultipartUpload failed: ${xmlValue(answer, "Code") ?? "error"}`);
      // AWS and MinIO answer md5(the parts' MD5s)-N; some stores (s3rver) the whole object's MD5.
      const expected = [`${md5hex(Buffer.concat(done.map((p) => p.md5)))}-${done.length}`, whole.digest("hex")];
      const etag = xmlValue(answer, "ETag")?.replace(/&quot;|"/g, "") ?? "";
      if (this.etagIsMd5 && etag && !expected.includes(etag)) {
        await this.delete(key).catch(() => undefined);
        throw new ChecksumMismatchError(`S3 CompleteMultipartUpload: ETag ${etag}, expected ${expected.join(" or ")}`);
      }
    } catch (e) {
      await this.send("DELETE", this.url(key, `?uploadId=${encodeURIComponent(uploadId)}`)).then(
        (r) => r.arrayBuffer(),
        () => undefined,
      );
      throw e;
    }
    return { size };
  }

  async get(key: string, range?: ByteRange): Promise<Readable | null> {
    const res = await this.send(
      "GET",
      this.url(key),
      range ? { headers: { range: `bytes=${range.start}-${range.end}` } } : {},
    );
    if (res.status === 404) return (void (await res.arrayBuffer()), null);
    await expectOk(res, "GET");
    const stream = Readable.fromWeb(res.body as import("node:stream/web").ReadableStream<Uint8Array>);
    const expected = res.headers.get("x-amz-meta-sha256");
    // A whole object with a recorded SHA-256 is verified as it streams: a mismatch fails the stream.
    return !range && expected ? stream.pipe(verifying(expected, key)) : stream;
  }

  async stat(key: string): Promise<StoredObject | null> {
    const res = await this.send("HEAD", this.url(key));
    await res.arrayBuffer();
    if (res.status === 404) return null;
    await expectOk(res, "HEAD");
    return { size: Number(res.headers.get("content-length") ?? 0) };
  }

  async delete(key: string): Promise<void> {
    const res = await this.send("DELETE", this.url(key));
    if (res.status === 404) return void (await res.arrayBuffer());
    await expectOk(res, "DELETE");
    await res.arrayBuffer();
  }
}

const EMPTY_SHA256 = crypto.createHash("sha256").digest("hex");

function md5hex(b: Buffer) {
  return crypto.createHash("md5").update(b).digest("hex");
}

function etagOf(res: Response) {
  return (res.headers.get("etag") ?? "").replace(/"/g, "");
}

function xmlValue(xml: string, tag: string): string | null {
  return new RegExp(`<${tag}>([^<]*)</${tag}>`).exec(xml)?.[1] ?? null;
}

async function expectOk(res: Response, what: string) {
  if (res.ok) return;
  const text = await res.text().catch(() => "");
  const code = xmlValue(text, "Code");
  throw new Error(`S3 ${what} failed: HTTP ${res.status}${code ? ` ${code}` : ""}`);
}

/** Cuts a stream into parts of exactly `size` bytes (the last one shorter; one empty part for an empty stream). */
async function* readParts(stream: Readable, size: number): AsyncGenerator<Buffer> {
  let buf: Buffer[] = [];
  let len = 0;
  let yielded = false;
  for await (const chunk of stream) {
    let c = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
    while (len + c.length >= size) {
      const take = size - len;
      buf.push(c.subarray(0, take));
      yield Buffer.concat(buf);
      yielded = true;
      c = c.subarray(take);
      buf = [];
      len = 0;
    }
    if (c.length) {
      buf.push(c);
      len += c.length;
    }
  }
  if (len || !yielded) yield Buffer.concat(buf);
}

function verifying(expectedHex: string, key: string): Transform {
  const hash = crypto.createHash("sha256");
  return new Transform({
    transform(chunk: Buffer, _enc, cb) {
      hash.update(chunk);
      cb(null, chunk);
    },
    flush(cb) {
      const got = hash.digest("hex");
      cb(
        got === expectedHex
          ? null
          : new ChecksumMismatchError(`S3 GET ${key}: SHA-256 ${got} differs from the stored ${expectedHex}`),
      );
    },
  });
}
