// The live bus on the engine under test (PGlite's in-process LISTEN, or PostgreSQL LISTEN/NOTIFY):
// a notification sent inside a transaction arrives only after commit, and never after a rollback.
import { describe, expect, it } from "vitest";
import { db } from "../db";
import { publish, subscribe, type LiveEvent } from "../live/bus";

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(pred: () => boolean, ms = 5000) {
  const end = Date.now() + ms;
  while (!pred() && Date.now() < end) await wait(20);
  return pred();
}

describe("live bus", () => {
  it("delivers after commit only", async () => {
    const got: LiveEvent[] = [];
    const off = await subscribe((e) => got.push(e));
    const id = crypto.randomUUID();
    let seenInside = -1;
    await db.$transaction(async (tx) => {
      await publish(tx, { type: "tip.updated", tipId: id, ref: "EM-2026-000001" });
      await wait(300);
      seenInside = got.filter((e) => e.type === "tip.updated" && e.tipId === id).length;
    });
    expect(seenInside).toBe(0);
    expect(await until(() => got.some((e) => e.type === "tip.updated" && e.tipId === id))).toBe(true);

    const rolled = crypto.randomUUID();
    await expect(
      db.$transaction(async (tx) => {
        await publish(tx, { type: "tip.updated", tipId: rolled, ref: "EM-2026-000002" });
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    await wait(500);
    expect(got.some((e) => e.type === "tip.updated" && e.tipId === rolled)).toBe(false);
    off();
  });
});
