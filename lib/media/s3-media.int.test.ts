// The media pipeline with STORAGE=s3 against a real S3-compatible server (s3rver, ADR 0802): a
// WhatsApp photo fetched by the media job lands in the bucket under a random key (with its
// display copy), and is served back whole and by range from there. Providers are the local fakes.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import crypto from "node:crypto";
import fs from "node:fs";
import { S3_TEST_CREDENTIALS, startS3Server } from "../testing/s3-server";
import { startFakeProviders } from "../simulate/fake-providers";

const s3 = await startS3Server("evidence");
const fake = await startFakeProviders({ metaToken: "test-access-token" });
// The app reads its configuration once: storage and provider bases before anything does.
Object.assign(process.env, {
  ...s3.env,
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
  await s3.close();
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
    const direct = new S3Storage({ endpoint: s3.url, bucket: "evidence", ...S3_TEST_CREDENTIALS });
    expect(await direct.stat(row.storageKey!)).toEqual({ size: photo.length });
    expect(fs.existsSync(s3.objectFile(row.storageKey!))).toBe(true);
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
