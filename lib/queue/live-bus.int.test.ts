// The live bus on the engine under test (PGlite in-process, or PostgreSQL LISTEN/NOTIFY), backed by
// the live event log (ADR 0150): an event written inside a transaction is read only after commit
// and never after a rollback, and a cursor taken before a commit is given that commit's events —
// also when a transaction that began earlier commits later.
import { describe, expect, it } from "vitest";
import { db, raw } from "../db";
import { liveCursor, publish, pruneLiveLog, readSince, subscribe, type LiveEvent } from "../live/bus";

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(pred: () => boolean, ms = 5000) {
  const end = Date.now() + ms;
  while (!pred() && Date.now() < end) await wait(20);
  return pred();
}

const updated = (ref = "EM-2026-000001"): LiveEvent => ({ type: "tip.updated", tipId: crypto.randomUUID(), ref });
const idsOf = (events: { event: LiveEvent }[]) => events.map((e) => e.event.tipId);

describe("live bus", () => {
  it("delivers after commit only, and never a rolled-back event", async () => {
    const got: LiveEvent[] = [];
    const off = await subscribe((b) => got.push(...b.events.map((e) => e.event)));
    const e = updated();
    const cursor = await liveCursor();
    let seenInside: number | undefined;
    await db.$transaction(async (tx) => {
      await publish(tx, e);
      // Another connection reads the log while this transaction is open: the event is not there.
      // (PGlite has one connection: nothing can read beside an open transaction, by construction.)
      if (raw().kind === "postgres")
        seenInside = (await readSince(cursor)).events.filter((x) => x.event.tipId === e.tipId).length;
    });
    if (raw().kind === "postgres") expect(seenInside).toBe(0);
    expect(await until(() => got.some((x) => x.tipId === e.tipId))).toBe(true);

    const rolled = updated();
    await expect(
      db.$transaction(async (tx) => {
        await publish(tx, rolled);
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    // A later event arriving proves the reader has read past the rolled-back one.
    const after = updated();
    await db.$transaction((tx) => publish(tx, after));
    expect(await until(() => got.some((x) => x.tipId === after.tipId))).toBe(true);
    expect(got.some((x) => x.tipId === rolled.tipId)).toBe(false);
    off();
  });

  it("gives a cursor exactly the events committed after it was taken", async () => {
    const before = updated();
    await db.$transaction((tx) => publish(tx, before));
    const cursor = await liveCursor();
    const a = updated();
    const b = updated();
    await db.$transaction((tx) => publish(tx, a));
    await db.$transaction((tx) => publish(tx, b));
    const batch = await readSince(cursor);
    expect(batch.resync).toBe(false);
    expect(idsOf(batch.events)).toEqual([a.tipId, b.tipId]);
    // The returned cursor covers them: reading from it gives nothing more.
    expect((await readSince(batch.cursor)).events).toEqual([]);
  });

  it.runIf(raw().kind === "postgres")(
    "does not skip a transaction that began before the cursor and committed after it",
    async () => {
      // Two connections: the early transaction writes its event (lower log id), then a cursor is
      // taken and a later transaction commits first. The early one commits last; its event must still
      // be read from the cursor, though its id is smaller than one already read.
      const { default: pg } = await import("pg");
      const early = new pg.Client(process.env.DATABASE_URL);
      await early.connect();
      const slow = updated();
      await early.query("BEGIN");
      await early.query("SELECT mukhbir_internal.emit_live($1::jsonb)", [JSON.stringify(slow)]);
      const cursor = await liveCursor();
      const fast = updated();
      await db.$transaction((tx) => publish(tx, fast));
      const first = await readSince(cursor);
      expect(idsOf(first.events)).toEqual([fast.tipId]);
      await early.query("COMMIT");
      await early.end();
      const second = await readSince(first.cursor);
      expect(idsOf(second.events)).toEqual([slow.tipId]);
    },
  );

  it("answers resync for a cursor it cannot serve: malformed, from the future, or older than the pruned log", async () => {
    expect((await readSince("not-a-cursor")).resync).toBe(true);
    expect((await readSince("99999999999:99999999999:")).resync).toBe(true);
    const old = await liveCursor();
    await db.$transaction((tx) => publish(tx, updated()));
    await raw().query(`UPDATE mukhbir_internal.live_event SET "at" = now() - interval '2 days'`);
    await pruneLiveLog();
    expect(
      await raw().query(`SELECT 1 FROM mukhbir_internal.live_event WHERE "at" < now() - interval '1 day'`),
    ).toEqual([]);
    expect((await readSince(old)).resync).toBe(true);
    // A cursor taken after the prune is served again.
    const fresh = await liveCursor();
    const e = updated();
    await db.$transaction((tx) => publish(tx, e));
    const batch = await readSince(fresh);
    expect(batch.resync).toBe(false);
    expect(idsOf(batch.events)).toEqual([e.tipId]);
  });

  it("tells a reader to refetch instead of listing more than it may", async () => {
    const cursor = await liveCursor();
    await db.$transaction(async (tx) => {
      for (let i = 0; i < 4; i++) await publish(tx, updated());
    });
    expect((await readSince(cursor, 3)).resync).toBe(true);
    expect((await readSince(cursor, 4)).events).toHaveLength(4);
  });
});
