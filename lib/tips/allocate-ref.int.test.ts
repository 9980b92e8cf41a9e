import { describe, expect, it } from "vitest";
import { db } from "../db";
import { allocateRef, formatRef } from "./allocate-ref";

describe("tip refs", () => {
  it("stay gap-free and unique under 50 concurrent tip creations", async () => {
    const informant = await db.informant.create({
      data: { alias: "M-REF1", channel: "WHATSAPP", addressHash: "ref-test-hash", addressCipher: "x", keyId: "t2" },
    });
    const at = new Date("2026-06-01T10:00:00Z");
    const created = await Promise.all(
      Array.from({ length: 50 }, () =>
        db.$transaction(async (tx) => {
          const { ref, year, seq } = await allocateRef(tx, at);
          return tx.tip.create({ data: { ref, year, seq, channel: "WHATSAPP", informantId: informant.id }, select: { ref: true, seq: true } });
        }),
      ),
    );
    const seqs = created.map((t) => t.seq).sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(new Set(created.map((t) => t.ref)).size).toBe(50);
    expect(created.map((t) => t.ref)).toContain(formatRef(2026, 50));
  });

  it("rolls a number back with its transaction, leaving no gap", async () => {
    const informant = await db.informant.findFirstOrThrow({ where: { alias: "M-REF1" } });
    const at = new Date("2026-06-02T10:00:00Z");
    await expect(
      db.$transaction(async (tx) => {
        await allocateRef(tx, at);
        throw new Error("abort");
      }),
    ).rejects.toThrow("abort");
    const next = await db.$transaction(async (tx) => {
      const r = await allocateRef(tx, at);
      await tx.tip.create({ data: { ...r, channel: "WHATSAPP", informantId: informant.id } });
      return r;
    });
    expect(next.seq).toBe(51);
  });

  it("counts each year (India time) separately", async () => {
    // 31 Dec 2026 20:00 UTC is already 1 Jan 2027 in India.
    const r = await db.$transaction((tx) => allocateRef(tx, new Date("2026-12-31T20:00:00Z")));
    expect(r.ref).toBe("EM-2027-000001");
  });

  it("formats a ref in SQL (tip_ref, used by the trigger that numbers ingested tips) exactly as formatRef does", async () => {
    for (const seq of [1, 42, 999_999, 1_000_000, 12_345_678]) {
      const [row] = await db.$queryRaw<{ ref: string }[]>`SELECT tip_ref(2026, ${seq}::int) AS "ref"`;
      expect(row.ref).toBe(formatRef(2026, seq));
    }
  });
});
