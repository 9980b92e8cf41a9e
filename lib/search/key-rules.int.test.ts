// New key rules (ADR 0715): an index and watch phrases built by the old rules are keyed again at the
// next start — old messages written "भट्ठी" then meet "bhatti", and a watch on "bhatthi" stored with
// the old key hits new messages.
import { describe, expect, it } from "vitest";
import crypto from "node:crypto";
import { db } from "../db";
import { actorOf, makeTip, makeUser } from "../testing/factories";
import { addWatch } from "../watch/watch-items";
import { backfillBatch, backfillProgress, scheduleBackfill } from "../jobs/backfill";
import { searchBackfill } from "./backfill";
import { KEY_RULES, tokenise } from "./keys";

const keyOf = (w: string) => tokenise(w)[0].key!;
const termsOf = async (tipId: string) =>
  (
    await db.$queryRaw<{ key: string }[]>`SELECT "key" FROM mukhbir_internal.search_term WHERE tip_id = ${tipId}::uuid`
  ).map((r) => r.key);

describe("a change of the key rules", () => {
  it("re-indexes old messages and re-keys watch phrases once, at the next start", async () => {
    // Version 1 gave भट्ठी the key "bhthi"; the current rules give it bhatti's.
    expect(keyOf("भट्ठी")).toBe(keyOf("bhatti"));
    const OLD = "bhthi";
    const marker = `zq${crypto.randomBytes(3).toString("hex").replace(/\d/g, "x")}`;
    const tip = await makeTip({ text: `${marker} कच्ची शराब की भट्ठी` });
    const sup = actorOf(await makeUser({ role: "SUPERVISOR" }));
    const watch = await addWatch(sup, { kind: "PHRASE", value: `bhatthi ${marker}` });
    // The state an install of version 1 left: the tip's terms and the watch by the old key, the backfill done.
    await db.$executeRaw`DELETE FROM mukhbir_internal.search_term WHERE tip_id = ${tip.id}::uuid AND "key" = ${keyOf("bhatti")}`;
    await db.$executeRaw`INSERT INTO mukhbir_internal.search_term ("key", received_at, tip_id)
      VALUES (${OLD}, ${tip.receivedAt}, ${tip.id}::uuid) ON CONFLICT DO NOTHING`;
    await db.watchItem.update({ where: { id: watch.id }, data: { keys: [OLD, keyOf(marker)] } });
    await db.$executeRaw`INSERT INTO mukhbir_internal.backfill (name, version) VALUES ('search', 1) ON CONFLICT DO NOTHING`;
    await db.$executeRaw`UPDATE mukhbir_internal.backfill SET done = true, version = 1 WHERE name = 'search'`;

    await scheduleBackfill(searchBackfill);
    expect(await backfillProgress(searchBackfill)).toMatchObject({ version: KEY_RULES, done: false, afterId: null });
    expect((await db.watchItem.findUniqueOrThrow({ where: { id: watch.id } })).keys.sort()).toEqual(
      [keyOf("bhatti"), keyOf(marker)].sort(),
    );
    // A second start (another instance) does not start over again.
    const before = await db.job.count({ where: { kind: "search.backfill" } });
    await db.$executeRaw`UPDATE mukhbir_internal.backfill SET indexed = 1 WHERE name = 'search'`;
    await scheduleBackfill(searchBackfill);
    expect((await backfillProgress(searchBackfill)).indexed).toBe(1);
    expect(await db.job.count({ where: { kind: "search.backfill" } })).toBe(before + 1);

    while (!(await backfillBatch(searchBackfill, 2000)));
    expect(await termsOf(tip.id)).toContain(keyOf("bhatti"));
    // The typo vocabulary is written again by the new rules.
    const [w] = await db.$queryRaw<
      { key: string }[]
    >`SELECT "key" FROM mukhbir_internal.search_word WHERE word = ${marker}`;
    expect(w?.key).toBe(keyOf(marker));
  });
});
