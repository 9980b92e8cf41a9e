// The media pipeline with STORAGE=s3 against a real S3-compatible server (s3rver, ADR 0802): a
// WhatsApp photo fetched by the media job lands in the bucket under a random key (with its
// display copy), and is served back whole and by range from there. Providers are the local fakes.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import S3rver from "s3rver";
import { startFakeProviders } from "../simulate/fake-providers";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "mukhbir-s3media-"));
const s3rver = new S3rver({
  port: 0,
  address: "127.0.0.1",
  silent: true,
  directory: dir,
  configureBuckets: [{ name: "evidence", configs: [] }],
});
const { port } = await s3rver.run();
const fake = await startFakeProviders({ metaToken: "test-access-token" });
// The app reads its configuration once: storage and provider bases before anything does.
Object.assign(process.env, {
  STORAGE: "s3",
  S3_ENDPOINT: `http://127.0.0.1:${port}`,
  S3_BUCKET: "evidence",
  S3_REGION: "ap-south-1",
  S3_ACCESS_KEY_ID: "S3RVER",
  S3_SECRET_ACCESS_KEY: "S3RVER",
  S3_SSE: "AES256",
  WHATSAPP_API_BASE: `${fake.url}/meta/v23.0`,
  FETCH_ALLOWED_HOSTS: `http://127.0.0.1:${fake.port}`,
});
const { reloadEnv } = await import("../env");
reloadEnv();
(globalThis as { __mukhbirStorage?: unknown }).__mukhbirStorage = undefined;

const { db, enqueue, drain, registerHandlers } = await import("../testing/job-kit");
const { storage } = await import("../storage/storage");
const { S3Storage } = await import("../storage/s3");
const { mediaResponse } = await import("../tips/media-response");
const { makeTip } = await import("../testing/factories");

beforeAll(() => registerHandlers());
afterAll(async () => {
  await fake.close();
  await s3rver.close();
  fs.rmSync(dir, { recursive: true, force: true });
  (globalThis as { __mukhbirStorage?: unknown }).__mukhbirStorage = undefined;
});

describe("media in an S3-compatible store", () => {
  it("fetches a photo into the bucket and serves it whole and by range from there", async () => {
    expect(storage()).toBeInstanceOf(S3Storage);
    const photo = fake.fixtures.photo.bytes;
    const tip = await makeTip();
    const message = await db.message.findFirstOrThrow({ where: { tipId: tip.id }, select: { id: true } });
    const a = await db.attachment.create({
      data: {
        messageId: message.id,
        provider: "META",
        providerRef: `photo-${crypto.randomUUID()}`,
        expectedSha256: crypto.createHash("sha256").update(photo).digest("base64"),
      },
    });
    await db.$transaction((tx) =>
      enqueue(tx, "media.fetch", { attachmentId: a.id }, { dedupeKey: `media.fetch:${a.id}` }),
    );
    await drain();
    const row = await db.attachment.findUniqueOrThrow({ where: { id: a.id } });
    expect(row).toMatchObject({ fetchState: "STORED", size: photo.length });

    // In the bucket, under the random key (s3rver keeps objects as files under bucket/key).
    const direct = new S3Storage({
      endpoint: process.env.S3_ENDPOINT!,
      bucket: "evidence",
      region: "ap-south-1",
      accessKeyId: "S3RVER",
      secretAccessKey: "S3RVER",
    });
    expect(await direct.stat(row.storageKey!)).toEqual({ size: photo.length });
    expect(fs.existsSync(path.join(dir, "evidence", `${row.storageKey!}._S3rver_object`))).toBe(true);
    if (row.displayKey) expect(await direct.stat(row.displayKey)).not.toBeNull();

    const whole = await mediaResponse(new Request("https://mukhbir.example.in/x"), {
      key: row.storageKey!,
      mime: "image/jpeg",
      disposition: "attachment",
      filename: "photo.jpg",
    });
    expect(whole.status).toBe(200);
    expect(Buffer.from(await whole.arrayBuffer()).equals(photo)).toBe(true);
    const part = await mediaResponse(
      new Request("https://mukhbir.example.in/x", { headers: { range: "bytes=100-199" } }),
      { key: row.storageKey!, mime: "image/jpeg", disposition: "attachment", filename: "photo.jpg" },
    );
    expect(part.status).toBe(206);
    expect(part.headers.get("content-range")).toBe(`bytes 100-199/${photo.length}`);
    expect(Buffer.from(await part.arrayBuffer()).equals(photo.subarray(100, 200))).toBe(true);
  });
});
