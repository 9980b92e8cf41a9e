// Retention on a real database (PGlite and PostgreSQL): an informant silent past the period loses
// the encrypted address and name, replying then says why, a returning informant gets them back;
// old webhook payloads are emptied; the run is audited and the trail never shortened; --dry-run
// changes nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import crypto from "node:crypto";
import { startFakeProviders } from "../simulate/fake-providers";

const fake = await startFakeProviders({ metaToken: "test-access-token" });
process.env.WHATSAPP_API_BASE = `${fake.url}/meta/v23.0`;
process.env.FETCH_ALLOWED_HOSTS = `http://127.0.0.1:${fake.port}`;
process.env.RETENTION_ADDRESS_DAYS = "90";
process.env.RETENTION_PAYLOAD_DAYS = "30";

const { db } = await import("../db");
const { runRetention } = await import("./run-retention");
const { upsertInformant } = await import("../ingest/upsert-informant");
const { decrypt, hashAddress } = await import("../identity/crypto");
const { sendReply } = await import("../tips/send-reply");
const { getTipWorkspace } = await import("../tips/get-tip-workspace");
const { drain } = await import("../jobs/worker");
const { registerHandlers } = await import("../jobs/handlers");
const { makeTip, makeUser } = await import("../testing/factories");

const DAY = 86_400_000;
const daysAgo = (d: number) => new Date(Date.now() - d * DAY);
let seq = 0;
const phone = () => `9195${String(process.pid % 1000).padStart(3, "0")}${String(++seq).padStart(5, "0")}`;
const withSecrets = { omit: { addressCipher: false, nameCipher: false } } as const;

/** An informant as ingest makes one (encrypted address and name), last heard from `at`. */
async function informant(at: Date) {
  const address = { kind: "phone" as const, value: phone() };
  const row = await db.$transaction((tx) => upsertInformant(tx, { address, name: "Ramesh Retention" }, "WHATSAPP", at));
  await db.informant.update({ where: { id: row.id }, data: { lastInboundAt: at } });
  return { ...row, address };
}

async function webhookEvent(receivedAt: Date) {
  return db.webhookEvent.create({
    data: {
      provider: "META",
      externalId: `ret-${crypto.randomUUID()}`,
      kind: "message.text",
      receivedAt,
      payload: { type: "text", text: { body: "kept until the period ends" } },
    },
  });
}

async function officer() {
  const u = await makeUser();
  return { id: u.id, role: u.role, stationId: null, districtWide: true, ip: null };
}

beforeAll(() => registerHandlers());
afterAll(() => fake.close());

describe("retention", () => {
  it("--dry-run counts what would go and changes nothing", async () => {
    const old = await informant(daysAgo(120));
    const ev = await webhookEvent(daysAgo(45));
    const audits = await db.auditLog.count();
    const r = await runRetention({ dryRun: true });
    expect(r).toMatchObject({ dryRun: true, addressDays: 90, payloadDays: 30 });
    expect(r.addressesDestroyed).toBeGreaterThanOrEqual(1);
    expect(r.payloadsPurged).toBeGreaterThanOrEqual(1);
    expect(
      (await db.informant.findUniqueOrThrow({ where: { id: old.id }, ...withSecrets })).addressCipher,
    ).not.toBeNull();
    expect((await db.webhookEvent.findUniqueOrThrow({ where: { id: ev.id } })).payloadPurgedAt).toBeNull();
    expect(await db.auditLog.count()).toBe(audits);
  });

  it("destroys the address and name of an informant silent past the period; keeps the others; empties old payloads; audits the counts", async () => {
    const old = await informant(daysAgo(91));
    const recent = await informant(daysAgo(89));
    const oldTip = await makeTip({ informantId: old.id, receivedAt: daysAgo(91) });
    const oldEvent = await webhookEvent(daysAgo(31));
    const newEvent = await webhookEvent(daysAgo(29));
    const trail = await db.auditLog.findMany({ orderBy: { id: "asc" }, select: { id: true, hash: true } });

    const r = await runRetention();
    expect(r.addressesDestroyed).toBeGreaterThanOrEqual(1);
    const gone = await db.informant.findUniqueOrThrow({ where: { id: old.id }, ...withSecrets });
    expect(gone).toMatchObject({ addressCipher: null, nameCipher: null, alias: old.alias });
    expect(gone.addressDestroyedAt).toBeInstanceOf(Date);
    // Every identifier's ciphertext is an encrypted address too: gone with it; its hash stays for matching.
    const ids = await db.informantIdentifier.findMany({
      where: { informantId: old.id },
      omit: { cipher: false, hash: false },
    });
    expect(ids.length).toBeGreaterThan(0);
    expect(ids.every((i) => i.cipher === null)).toBe(true);
    expect(
      (await db.informantIdentifier.findMany({ where: { informantId: recent.id }, omit: { cipher: false } })).every(
        (i) => i.cipher !== null,
      ),
    ).toBe(true);
    // The keyed hash stays: a returning informant keeps the alias.
    expect(
      (await db.informant.findUniqueOrThrow({ where: { id: old.id }, omit: { addressHash: false } })).addressHash,
    ).toBe(hashAddress(old.address));
    const kept = await db.informant.findUniqueOrThrow({ where: { id: recent.id }, ...withSecrets });
    expect(decrypt(kept.addressCipher!, kept.keyId)).toBe(`phone:${recent.address.value}`);
    expect(kept.addressDestroyedAt).toBeNull();

    expect(await db.webhookEvent.findUniqueOrThrow({ where: { id: oldEvent.id } })).toMatchObject({
      payload: {},
      payloadPurgedAt: expect.any(Date),
      externalId: oldEvent.externalId,
    });
    expect(await db.webhookEvent.findUniqueOrThrow({ where: { id: newEvent.id } })).toMatchObject({
      payload: newEvent.payload,
      payloadPurgedAt: null,
    });

    // Audited, appended: every earlier row is still there, unchanged.
    const row = await db.auditLog.findFirstOrThrow({ where: { action: "retention.run" }, orderBy: { id: "desc" } });
    expect(row).toMatchObject({ actorId: null, actorRole: "SYSTEM" });
    expect(row.detail).toMatchObject({
      addressesDestroyed: r.addressesDestroyed,
      payloadsPurged: r.payloadsPurged,
      addressDays: 90,
      payloadDays: 30,
      dryRun: false,
    });
    const after = await db.auditLog.findMany({
      where: { id: { lte: trail.at(-1)?.id ?? 0n } },
      orderBy: { id: "asc" },
      select: { id: true, hash: true },
    });
    expect(after).toEqual(trail);

    // Replying is impossible, and says why (the tip page's reply box shows this reason).
    const me = await officer();
    expect((await getTipWorkspace(me, oldTip.ref))!.reply).toEqual({ mode: "disabled", reason: "addressDeleted" });
    await expect(sendReply(me, oldTip.ref, { text: "Kya aap wahan hain?" })).rejects.toMatchObject({
      code: "conflict",
      detail: { reason: "addressDeleted" },
    });

    // A second run finds nothing more to do.
    expect(await runRetention()).toMatchObject({ addressesDestroyed: 0, payloadsPurged: 0 });
  });

  it("a reply queued before the address was destroyed fails with the reason instead of being sent", async () => {
    const i = await informant(new Date(Date.now() - 3600_000));
    const tip = await makeTip({ informantId: i.id });
    const { messageId } = await sendReply(await officer(), tip.ref, { text: "Dhanyavaad, hum dekh rahe hain." });
    // Time passes: 91 days from now, the informant has been silent past the period.
    await runRetention({ now: new Date(Date.now() + 91 * DAY) });
    fake.reset();
    await drain();
    const m = await db.message.findUniqueOrThrow({ where: { id: messageId } });
    expect(m.deliveryStatus).toBe("FAILED");
    expect(m.deliveryError).toMatch(/deleted under the retention policy/);
    expect(fake.calls.filter((c) => c.route === "meta.send")).toEqual([]);
  });

  it("an informant who writes again gets the address back, and replies are possible again", async () => {
    const i = await informant(daysAgo(100));
    const tip = await makeTip({ informantId: i.id });
    await runRetention();
    expect((await db.informant.findUniqueOrThrow({ where: { id: i.id }, ...withSecrets })).addressCipher).toBeNull();
    const again = await db.$transaction((tx) => upsertInformant(tx, { address: i.address }, "WHATSAPP", new Date()));
    expect(again.id).toBe(i.id);
    const back = await db.informant.findUniqueOrThrow({ where: { id: i.id }, ...withSecrets });
    expect(decrypt(back.addressCipher!, back.keyId)).toBe(`phone:${i.address.value}`);
    expect(back.addressDestroyedAt).toBeNull();
    expect((await getTipWorkspace(await officer(), tip.ref))!.reply.mode).toBe("free");
  });
});
