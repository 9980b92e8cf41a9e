import { describe, expect, it } from "vitest";
import { db } from "../db";
import { makeInformant } from "../testing/factories";
import { allocateRef, formatRef } from "./allocate-ref";

/** The year's last number so far (0 before its first tip): tests count on from it, never from 1. */
const lastSeq = async (year: number) => (await db.tipCounter.findUnique({ where: { year } }))?.last ?? 0;

/** Every tip of the year numbered 1…counter, once each. */
async function expectGapFree(year: number) {
  const seqs = (await db.tip.findMany({ where: { year }, select: { seq: true }, orderBy: { seq: "asc" } })).map(
    (t) => t.seq,
  );
  expect(seqs).toEqual(Array.from({ length: await lastSeq(year) }, (_, i) => i + 1));
}

describe("tip refs", () => {
  it("stay gap-free and unique under 50 concurrent tip creations", async () => {
    const informant = await makeInformant();
    const at = new Date("2026-06-01T10:00:00Z");
    const before = await lastSeq(2026);
    const created = await Promise.all(
      Array.from({ length: 50 }, () =>
        db.$transaction(async (tx) => {
          const { ref, year, seq } = await allocateRef(tx, at);
          return tx.tip.create({
            data: { ref, year, seq, channel: "WHATSAPP", informantId: informant.id },
            select: { ref: true, seq: true },
          });
        }),
      ),
    );
    const seqs = created.map((t) => t.seq).sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: 50 }, (_, i) => before + i + 1));
    expect(new Set(created.map((t) => t.ref)).size).toBe(50);
    expect(created.map((t) => t.ref)).toContain(formatRef(2026, before + 50));
    await expectGapFree(2026);
  });

  it("rolls a number back with its transaction, leaving no gap", async () => {
    const informant = await makeInformant();
    const at = new Date("2026-06-02T10:00:00Z");
    const before = await lastSeq(2026);
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
    expect(next.seq).toBe(before + 1);
    await expectGapFree(2026);
  });

  it("counts each year (India time) separately", async () => {
    // 31 Dec 2026 20:00 UTC is already 1 Jan 2027 in India: 2027's counter moves, 2026's does not.
    const [y2026, y2027] = [await lastSeq(2026), await lastSeq(2027)];
    const r = await db.$transaction((tx) => allocateRef(tx, new Date("2026-12-31T20:00:00Z")));
    expect(r).toEqual({ year: 2027, seq: y2027 + 1, ref: formatRef(2027, y2027 + 1) });
    expect(r.ref).toMatch(/^EM-2027-\d{6}$/);
    expect(await lastSeq(2026)).toBe(y2026);
  });

  it("formats a ref in SQL (tip_ref, used by the trigger that numbers ingested tips) exactly as formatRef does", async () => {
    for (const seq of [1, 42, 999_999, 1_000_000, 12_345_678]) {
      const [row] = await db.$queryRaw<{ ref: string }[]>`SELECT tip_ref(2026, ${seq}::int) AS "ref"`;
      expect(row.ref).toBe(formatRef(2026, seq));
    }
  });
});
