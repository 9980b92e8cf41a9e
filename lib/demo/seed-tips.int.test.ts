// Demo tips go through the real ingest pipeline once: realistic spread, media stored, nothing left
// queued, identity only as hash and ciphertext, and a second run adds nothing.
import { describe, expect, it } from "vitest";
import { db } from "../db";
import { storage } from "../storage/storage";
import { makeStation, makeUser } from "../testing/factories";
import { seedDemoTips } from "./seed-tips";

describe("seedDemoTips", () => {
  it("seeds a few dozen varied tips once", async () => {
    for (let i = 0; i < 4; i++) await makeStation();
    await makeUser({ role: "OFFICER" });
    const n = await seedDemoTips(30);
    expect(n).toBeGreaterThanOrEqual(25);

    const tips = await db.tip.findMany({
      select: { status: true, category: true, stationId: true, receivedAt: true, ref: true, messageCount: true },
    });
    expect(new Set(tips.map((t) => t.status)).size).toBeGreaterThanOrEqual(3);
    expect(new Set(tips.map((t) => t.category)).size).toBeGreaterThanOrEqual(5);
    expect(tips.filter((t) => t.stationId).length).toBeGreaterThan(10);
    const days = new Set(tips.map((t) => t.receivedAt.toISOString().slice(0, 10)));
    expect(days.size).toBeGreaterThanOrEqual(3);
    expect(tips.every((t) => /^EM-\d{4}-\d{6}$/.test(t.ref))).toBe(true);

    const media = await db.attachment.findMany({ select: { fetchState: true, storageKey: true, size: true } });
    expect(media.length).toBeGreaterThan(3);
    expect(media.every((a) => a.fetchState === "STORED")).toBe(true);
    expect(await storage().stat(media[0].storageKey!)).toEqual({ size: media[0].size });
    expect(await db.job.count({ where: { state: { in: ["PENDING", "RUNNING"] } } })).toBe(0);
    expect(await db.message.count({ where: { deliveryStatus: "QUEUED" } })).toBe(0);

    // Identity: nothing in the informant rows looks like a phone number.
    const informants = await db.informant.findMany({
      omit: { addressCipher: false, nameCipher: false, addressHash: false },
    });
    for (const i of informants)
      for (const v of [i.alias, i.addressCipher, i.nameCipher ?? "", i.addressHash])
        expect(v).not.toMatch(/91[6-9]\d{9}/);

    expect(await seedDemoTips(30)).toBe(0);
    expect(await db.tip.count()).toBe(tips.length);
  });
});
