// media.fetch against a real local fake of the provider APIs (lib/simulate/fake-providers.ts) and a real
// database: the job table, its backoff and reclaiming, and the attachment's recorded outcome.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import crypto from "node:crypto";
import { Readable } from "node:stream";
import { startFakeProviders } from "../simulate/fake-providers";

// The app reads its configuration once: point the provider bases at the fake before anything does.
const fake = await startFakeProviders({
  metaToken: "test-access-token",
  twilioSid: "ACtest",
  twilioToken: "12345",
  exotelKey: "exo-key",
  exotelToken: "exo-token",
});
process.env.WHATSAPP_API_BASE = `${fake.url}/meta/v23.0`;
process.env.TWILIO_API_BASE = `${fake.url}/twilio`;
process.env.EXOTEL_API_KEY = "exo-key";
process.env.EXOTEL_API_TOKEN = "exo-token";
process.env.EXOTEL_API_BASE = `${fake.url}/exotel`;
// The fake is on loopback: only an explicit IP-literal entry lets the fetch policy reach it (ADR 0210).
process.env.FETCH_ALLOWED_HOSTS = `http://127.0.0.1:${fake.port}`;
process.env.MEDIA_MAX_BYTES = "200000";

const { db, enqueue, drain, registerHandlers } = await import("../testing/job-kit");
const { storage } = await import("../storage/storage");
const { downloadToStorage, MediaTooLargeError } = await import("./download");
const { makeTip } = await import("../testing/factories");

const sha = (b: Buffer) => crypto.createHash("sha256").update(b).digest("hex");
const uid = () => crypto.randomBytes(4).toString("hex");

async function read(key: string) {
  const chunks: Buffer[] = [];
  for await (const c of (await storage().get(key))!) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

async function attachment(
  data: { provider?: "META" | "TWILIO" | "EXOTEL"; providerRef: string; expectedSha256?: string; createdAt?: Date },
  job: { maxAttempts?: number } = {},
) {
  const tip = await makeTip();
  const message = await db.message.findFirstOrThrow({ where: { tipId: tip.id }, select: { id: true } });
  const a = await db.attachment.create({
    data: {
      messageId: message.id,
      provider: data.provider ?? "META",
      providerRef: data.providerRef,
      expectedSha256: data.expectedSha256,
      createdAt: data.createdAt,
    },
  });
  await db.$transaction((tx) =>
    enqueue(
      tx,
      "media.fetch",
      { attachmentId: a.id },
      { dedupeKey: `media.fetch:${a.id}`, maxAttempts: job.maxAttempts },
    ),
  );
  return a;
}

const jobOf = (attachmentId: string) =>
  db.job.findFirstOrThrow({ where: { kind: "media.fetch", payload: { equals: { attachmentId } } } });
const stored = (id: string) => db.attachment.findUniqueOrThrow({ where: { id } });

beforeAll(() => registerHandlers());
beforeEach(() => fake.reset());
afterAll(() => fake.close());

describe("media.fetch", () => {
  it("fetches a WhatsApp photo through the Graph lookup, checks the webhook's base64 SHA-256, stores it", async () => {
    fake.reset();
    const photo = fake.fixtures.photo.bytes;
    const a = await attachment({
      providerRef: `photo-${uid()}`,
      expectedSha256: crypto.createHash("sha256").update(photo).digest("base64"),
    });
    await drain();
    const row = await stored(a.id);
    expect(row).toMatchObject({
      fetchState: "STORED",
      mime: "image/jpeg",
      size: photo.length,
      sha256: sha(photo),
      fetchError: null,
      attempts: 1,
    });
    expect(row.storageKey).toMatch(/^[0-9a-f]{2}\/[0-9a-f]{32}\.jpg$/);
    expect(row.storageKey).not.toContain(a.providerRef);
    expect((await read(row.storageKey!)).equals(photo)).toBe(true);
    expect((await jobOf(a.id)).state).toBe("DONE");
    expect(fake.calls.map((c) => [c.route, c.path.split("?")[0], c.headers.authorization])).toEqual([
      ["meta.media", `/meta/v23.0/${a.providerRef}`, "Bearer test-access-token"],
      ["meta.download", `/meta/download/${a.providerRef}`, "Bearer test-access-token"],
    ]);
  });

  it("records a voice note's duration from its Ogg pages", async () => {
    const a = await attachment({ providerRef: `voice-${uid()}` });
    await drain();
    const row = await stored(a.id);
    expect(row.fetchState).toBe("STORED");
    expect(row.mime).toBe("audio/ogg");
    expect(row.durationSec).toBeGreaterThan(3.9);
    expect(row.durationSec).toBeLessThan(4.1);
  });

  it("fails for good on a SHA-256 mismatch and keeps nothing", async () => {
    const id = `mismatch-${uid()}`;
    fake.addMedia(id, {
      mime: "image/jpeg",
      bytes: Buffer.from("not the announced bytes"),
      announcedSha256: "0".repeat(64),
    });
    const a = await attachment({ providerRef: id });
    await drain();
    const row = await stored(a.id);
    expect(row.fetchState).toBe("FAILED");
    expect(row.fetchError).toContain("SHA-256 mismatch");
    expect(row.storageKey).toBeNull();
    const job = await jobOf(a.id);
    expect(job).toMatchObject({ state: "FAILED", attempts: 1 });
  });

  it("also checks the hash the webhook announced, even when Graph agrees with the bytes", async () => {
    const a = await attachment({ providerRef: `photo-${uid()}`, expectedSha256: sha(Buffer.from("something else")) });
    await drain();
    expect(await stored(a.id)).toMatchObject({ fetchState: "FAILED", storageKey: null });
  });

  it("refuses media over the size cap (announced by Graph) without downloading it", async () => {
    fake.reset();
    const id = `big-${uid()}`;
    fake.addMedia(id, { mime: "video/mp4", bytes: crypto.randomBytes(300_000) });
    const a = await attachment({ providerRef: id });
    await drain();
    const row = await stored(a.id);
    expect(row.fetchState).toBe("FAILED");
    expect(row.fetchError).toMatch(/larger than/);
    expect(fake.calls.filter((c) => c.route === "meta.download")).toHaveLength(0);
  });

  it("aborts a stream that crosses the cap when no size was announced, leaving nothing stored", async () => {
    let pulled = 0;
    const body = new Readable({
      read() {
        pulled += 1;
        this.push(pulled > 1000 ? null : crypto.randomBytes(16_384));
      },
    });
    const res = new Response(Readable.toWeb(body) as ReadableStream);
    await expect(downloadToStorage(res, { maxBytes: 100_000 })).rejects.toBeInstanceOf(MediaTooLargeError);
    expect(pulled).toBeLessThan(50);
  });

  it("ends an expired WhatsApp media id as FAILED with the reason and no retry", async () => {
    fake.reset();
    const a = await attachment({ providerRef: `expired-${uid()}` });
    await drain();
    const row = await stored(a.id);
    expect(row.fetchState).toBe("FAILED");
    expect(row.fetchError).toMatch(/expired or unknown/);
    expect(await jobOf(a.id)).toMatchObject({ state: "FAILED", attempts: 1 });
    expect(fake.calls.filter((c) => c.route === "meta.download")).toHaveLength(0);
  });

  it("does not even ask Graph for a media id older than 7 days", async () => {
    fake.reset();
    const a = await attachment({ providerRef: `photo-${uid()}`, createdAt: new Date(Date.now() - 8 * 24 * 3600_000) });
    await drain();
    expect(await stored(a.id)).toMatchObject({
      fetchState: "FAILED",
      fetchError: "WhatsApp media id expired (older than 7 days)",
    });
    expect(fake.calls).toHaveLength(0);
  });

  it("retries a transient failure with backoff kept in the job table", async () => {
    fake.reset();
    fake.failNext("meta.media", 1, 503);
    const a = await attachment({ providerRef: `photo-${uid()}` });
    const before = Date.now();
    await drain();
    const row = await stored(a.id);
    expect(row.fetchState).toBe("PENDING");
    expect(row.fetchError).toMatch(/HTTP 503/);
    const job = await jobOf(a.id);
    expect(job.state).toBe("PENDING");
    expect(job.attempts).toBe(1);
    expect(job.runAt.getTime()).toBeGreaterThanOrEqual(before + 29_000);
    // Not due yet: another drain leaves it alone.
    await drain();
    expect((await jobOf(a.id)).attempts).toBe(1);
    // Time passes (the backoff is due): the next run stores it.
    await db.job.update({ where: { id: job.id }, data: { runAt: new Date() } });
    await drain();
    expect(await stored(a.id)).toMatchObject({ fetchState: "STORED", fetchError: null, attempts: 2 });
  });

  it("gives up after the last attempt", async () => {
    fake.failNext("meta.media", 5, 500);
    const a = await attachment({ providerRef: `photo-${uid()}` }, { maxAttempts: 1 });
    await drain();
    expect(await stored(a.id)).toMatchObject({ fetchState: "FAILED" });
    expect((await jobOf(a.id)).state).toBe("FAILED");
  });

  it("resumes a job a crashed process left RUNNING (the state is in the database)", async () => {
    const a = await attachment({ providerRef: `photo-${uid()}` });
    const job = await jobOf(a.id);
    // What a process killed mid-download leaves behind.
    await db.job.update({
      where: { id: job.id },
      data: { state: "RUNNING", attempts: 1, lockedAt: new Date(Date.now() - 10 * 60_000) },
    });
    await db.attachment.update({ where: { id: a.id }, data: { fetchState: "FETCHING", attempts: 1 } });
    await drain();
    expect(await stored(a.id)).toMatchObject({ fetchState: "STORED" });
    expect(await jobOf(a.id)).toMatchObject({ state: "DONE", attempts: 2 });
  });

  it("leaves a freshly RUNNING job alone (another worker has it)", async () => {
    const a = await attachment({ providerRef: `photo-${uid()}` });
    const job = await jobOf(a.id);
    await db.job.update({ where: { id: job.id }, data: { state: "RUNNING", lockedAt: new Date() } });
    await drain();
    expect((await stored(a.id)).fetchState).toBe("PENDING");
  });

  it("fetches Twilio media with basic auth, rewriting api.twilio.com to the configured base", async () => {
    fake.reset();
    const a = await attachment({
      provider: "TWILIO",
      providerRef: `https://api.twilio.com/2010-04-01/Accounts/ACtest/Messages/MM${uid()}/Media/MEphoto${uid()}`,
    });
    await drain();
    expect(await stored(a.id)).toMatchObject({
      fetchState: "STORED",
      mime: "image/jpeg",
      sha256: sha(fake.fixtures.photo.bytes),
    });
    expect(fake.calls[0]).toMatchObject({
      route: "twilio.media",
      headers: { authorization: "Basic " + Buffer.from("ACtest:12345").toString("base64") },
    });
  });

  it("stores a Twilio call recording (WAV) with its duration", async () => {
    const a = await attachment({
      provider: "TWILIO",
      providerRef: `https://api.twilio.com/2010-04-01/Accounts/ACtest/Recordings/RE${uid()}`,
    });
    await drain();
    const row = await stored(a.id);
    expect(row).toMatchObject({ fetchState: "STORED", mime: "audio/x-wav" });
    expect(row.durationSec).toBeCloseTo(6, 1);
  });

  it("never sends Twilio credentials to another host", async () => {
    fake.reset();
    const a = await attachment({
      provider: "TWILIO",
      providerRef: `https://evil.example/2010-04-01/Accounts/ACtest/Messages/MM1/Media/ME1`,
    });
    await drain();
    expect(await stored(a.id)).toMatchObject({
      fetchState: "FAILED",
      fetchError: "refusing Twilio media URL on unexpected host evil.example",
    });
    expect(fake.calls).toHaveLength(0);
  });

  it("stores an Exotel recording", async () => {
    fake.reset();
    const a = await attachment({ provider: "EXOTEL", providerRef: `${fake.url}/exotel/recordings/${uid()}.mp3` });
    await drain();
    expect(await stored(a.id)).toMatchObject({
      fetchState: "STORED",
      mime: "audio/mpeg",
      sha256: sha(fake.fixtures.mp3.bytes),
    });
    expect(fake.calls[0].headers.authorization).toBe("Basic " + Buffer.from("exo-key:exo-token").toString("base64"));
  });

  it("is a no-op when run again for a stored attachment", async () => {
    const a = await attachment({ providerRef: `photo-${uid()}` });
    await drain();
    fake.reset();
    const { fetchAttachment } = await import("./fetch-attachment");
    await fetchAttachment(a.id);
    expect(fake.calls).toHaveLength(0);
    expect((await stored(a.id)).attempts).toBe(1);
  });
});
