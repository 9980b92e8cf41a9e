// The late ref allocation of the ingest pipeline: a new tip — opened by a message or a call — is
// numbered in the last steps of its one statement (prisma/functions/new_tip.sql, ADR 0120). These
// tests check what that must never break: gap-free, unique numbers under concurrent new tips (also
// when a transaction rolls back after numbering), the real ref in the acknowledgement text and in
// every live-bus payload.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ownerRaw } from "../testing/owner-raw";
import { db } from "../db";
import { subscribe, type LiveEvent } from "../live/bus";
import { ingestEvent } from "./ingest-event";
import { envelope, inbound } from "./testing/meta-fixtures";
import { postMeta } from "./testing/post-meta";

let n = 0;
const phone = () => `9197${String(process.pid % 1000).padStart(3, "0")}${String(++n).padStart(5, "0")}`;
const post = postMeta;

const seen: LiveEvent[] = [];
let unsubscribe: () => void;
beforeAll(async () => {
  unsubscribe = await subscribe((b) => seen.push(...b.events.map((e) => e.event)));
});
afterAll(() => unsubscribe());

/** Every tip of the year numbered 1…counter, once each, and no placeholder committed anywhere. */
async function expectGapFree(year: number) {
  const tips = await db.tip.findMany({ where: { year }, select: { seq: true, ref: true }, orderBy: { seq: "asc" } });
  const counter = await db.tipCounter.findUniqueOrThrow({ where: { year } });
  expect(tips.map((t) => t.seq)).toEqual(Array.from({ length: counter.last }, (_, i) => i + 1));
  expect(tips.map((t) => t.ref)).toEqual(tips.map((t) => `EM-${year}-${String(t.seq).padStart(6, "0")}`));
}

async function eventually(check: () => boolean, ms = 5000) {
  const end = Date.now() + ms;
  while (!check() && Date.now() < end) await new Promise((r) => setTimeout(r, 25));
}

describe("ingest numbers new tips at the end of the transaction", () => {
  it("keeps refs gap-free and unique for 24 concurrent first contacts, with the real ref in each acknowledgement and bus event", async () => {
    const senders = Array.from({ length: 24 }, phone);
    const results = await Promise.all(
      senders.map((from) =>
        post(envelope([inbound({ wa_id: from }, [{ type: "text", text: { body: `tip from ${from.slice(-3)}` } }])])),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(Array(24).fill(200));
    const tips = await db.tip.findMany({
      where: { messages: { some: { body: { startsWith: "tip from " } } } },
      select: {
        id: true,
        ref: true,
        year: true,
        messageCount: true,
        messages: { select: { id: true, direction: true, body: true } },
      },
    });
    expect(tips).toHaveLength(24);
    await expectGapFree(tips[0].year);
    for (const t of tips) {
      const ack = t.messages.find((m) => m.direction === "OUTBOUND")!;
      expect(ack.body).toContain(t.ref);
      expect(t.messageCount).toBe(2);
    }
    // tip.created + inbound + acknowledgement per tip, each carrying the committed ref.
    await eventually(() => seen.filter((e) => "tipId" in e && tips.some((t) => t.id === e.tipId)).length >= 72);
    const events = seen.filter((e) => tips.some((t) => t.id === e.tipId));
    expect(events).toHaveLength(72);
    for (const e of events) expect(e.ref).toBe(tips.find((t) => t.id === e.tipId)!.ref);
    expect(events.filter((e) => e.type === "tip.created")).toHaveLength(24);
  });

  it("publishes a threaded message under its tip's existing ref", async () => {
    const from = phone();
    await post(envelope([inbound({ wa_id: from }, [{ type: "text", text: { body: "first" } }])]));
    await post(envelope([inbound({ wa_id: from }, [{ type: "text", text: { body: "second" } }])]));
    const msg = await db.message.findFirstOrThrow({
      where: { body: "second" },
      select: { id: true, tip: { select: { ref: true } } },
    });
    await eventually(() => seen.some((e) => e.type === "message.created" && e.messageId === msg.id));
    expect(seen.find((e) => e.type === "message.created" && e.messageId === msg.id)).toMatchObject({
      ref: msg.tip.ref,
    });
  });

  it("rolls the number back when the commit fails after numbering, so the next tip takes it", async () => {
    const before = await db.tipCounter.findMany();
    // A deferred constraint trigger fails at COMMIT, i.e. after the counter was bumped.
    await ownerRaw().exec(`
      CREATE OR REPLACE FUNCTION fail_commit() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'simulated commit failure'; END $$;
      CREATE CONSTRAINT TRIGGER fail_commit AFTER INSERT ON "Message" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION fail_commit();`);
    try {
      expect(
        (await post(envelope([inbound({ wa_id: phone() }, [{ type: "text", text: { body: "lost" } }])]))).status,
      ).toBe(503);
    } finally {
      await ownerRaw().exec(`DROP TRIGGER fail_commit ON "Message"; DROP FUNCTION fail_commit();`);
    }
    expect(await db.tipCounter.findMany()).toEqual(before);
    expect(
      (await post(envelope([inbound({ wa_id: phone() }, [{ type: "text", text: { body: "kept" } }])]))).status,
    ).toBe(200);
    const tip = await db.tip.findFirstOrThrow({ where: { messages: { some: { body: "kept" } } } });
    // The year's counter may not exist yet when this is the file's first new tip (then it starts at 0).
    expect(tip.seq).toBe((before.find((c) => c.year === tip.year)?.last ?? 0) + 1);
    await expectGapFree(tip.year);
  });

  it("numbers a tip opened by a call, too", async () => {
    const r = await ingestEvent({
      type: "call",
      provider: "EXOTEL",
      externalId: `call-test-${phone()}`,
      kind: "call.passthru",
      at: new Date(),
      payload: {},
      sender: { address: { kind: "phone", value: phone() } },
      callId: `CA${phone()}`,
      direction: "INBOUND",
      status: "missed",
    });
    expect(r).toMatchObject({ outcome: "stored", newTip: true });
    expect(r.ref).toMatch(/^EM-\d{4}-\d{6}$/);
    const tip = await db.tip.findUniqueOrThrow({ where: { id: r.tipId } });
    expect(tip.ref).toBe(r.ref);
    await expectGapFree(tip.year);
  });
});
