// The resumable backfill (ADR 0700): messages stored before the search index get their terms, a
// batch at a time, resuming after the last committed batch.
import { describe, expect, it } from "vitest";
import crypto from "node:crypto";
import { db } from "../db";
import { makeTip } from "../testing/factories";
import { backfillBatch, backfillProgress } from "../jobs/backfill";
import { searchBackfill } from "./backfill";

const termsOf = async (tipId: string) =>
  (
    await db.$queryRaw<
      { key: string }[]
    >`SELECT "key" FROM mukhbir_internal.search_term WHERE tip_id = ${tipId}::uuid ORDER BY "key"`
  ).map((r) => r.key);

describe("search backfill", () => {
  it("indexes old messages in batches and resumes where it stopped", async () => {
    const word = `zq${crypto.randomBytes(3).toString("hex").replace(/\d/g, "x")}`;
    const tips = [];
    for (let i = 0; i < 5; i++) tips.push(await makeTip({ text: `${word} शराब ${i}` }));
    // As if stored before the index existed.
    await db.$executeRaw`DELETE FROM mukhbir_internal.search_term WHERE tip_id = ANY(${tips.map((t) => t.id)}::uuid[])`;
    await db.$executeRaw`DELETE FROM mukhbir_internal.backfill WHERE name = 'search'`;
    for (const t of tips) expect(await termsOf(t.id)).toEqual([]);

    expect(await backfillBatch(searchBackfill, 2)).toBe(false);
    const first = await backfillProgress(searchBackfill);
    expect(first.indexed).toBe(2);
    expect(first.afterId).not.toBeNull();
    // A restart: the position was committed with the batch, so the next call goes on from there.
    let rounds = 0;
    while (!(await backfillBatch(searchBackfill, 2))) rounds++;
    const end = await backfillProgress(searchBackfill);
    expect(end.done).toBe(true);
    expect(end.indexed).toBe(await db.message.count({ where: { direction: "INBOUND", body: { not: "" } } }));
    expect(rounds).toBeGreaterThan(0);
    for (const t of tips) expect(await termsOf(t.id)).toContain("srb");
    // Done stays done.
    expect(await backfillBatch(searchBackfill, 2)).toBe(true);
  });
});
