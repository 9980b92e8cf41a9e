// Watchlists end to end below the browser (ADR 0702): a supervisor's watch items, a signed webhook
// naming them in other spellings and script, the job that tags the tip, audits and notifies; bad
// values refused; station scoping of an officer's own watch; the GIN lookup with 10,000 items.
import crypto from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../db";
import { drain } from "../jobs/worker";
import { registerHandlers } from "../jobs/handlers";
import { actorOf, makeStation, makeUser } from "../testing/factories";
import { envelope, inbound } from "../ingest/testing/meta-fixtures";
import { postMeta } from "../ingest/testing/post-meta";
import { addWatch, listWatches, removeWatch, tipWatchTags } from "./watch-items";
import { AppError } from "../errors";

beforeAll(() => registerHandlers());

let n = 0;
const phone = () => `9197${String(process.pid % 1000).padStart(3, "0")}${String(++n).padStart(5, "0")}`;
const plate = () =>
  `UP70${String.fromCharCode(65 + crypto.randomInt(26))}${String.fromCharCode(65 + crypto.randomInt(26))}${String(crypto.randomInt(1000, 9999))}`;

async function send(text: string) {
  const wa = phone();
  const res = await postMeta(envelope([inbound({ wa_id: wa }, [{ type: "text", text: { body: text } }])]));
  expect(res.status).toBe(200);
  const msg = await db.message.findFirstOrThrow({
    where: { body: text, direction: "INBOUND" },
    select: { id: true, tipId: true, tip: { select: { ref: true } } },
  });
  return msg;
}

describe("watchlists", () => {
  it("tags a tip whose message names a watched vehicle in another spelling and a phrase in the other script", async () => {
    const sup = actorOf(await makeUser({ role: "SUPERVISOR" }));
    const p = plate();
    const spaced = `${p.slice(0, 2)} ${p.slice(2, 4)}-${p.slice(4, 6).toLowerCase()} ${p.slice(6)}`;
    const vehicle = await addWatch(sup, { kind: "ENTITY", entityKind: "vehicle", value: spaced.toLowerCase() });
    const phrase = await addWatch(sup, { kind: "PHRASE", value: "कच्ची शराब" });
    expect(vehicle.normalised).toBe(p);

    const auditBefore = await db.auditLog.count({ where: { action: "watch.hit" } });
    const liveBefore = (
      await db.$queryRaw<
        { n: bigint }[]
      >`SELECT count(*) AS n FROM mukhbir_internal.live_event WHERE payload->>'type' = 'watch.hit'`
    )[0].n;
    const msg = await send(
      `kachchi sharab ki bhatti chal rahi hai, gaadi ${spaced} raat ko aati hai ${crypto.randomUUID()}`,
    );
    await drain();
    const tags = await tipWatchTags(sup, msg.tipId);
    expect(tags.map((t) => t.watchId).sort()).toEqual([vehicle.id, phrase.id].sort());
    expect(await db.auditLog.count({ where: { action: "watch.hit" } })).toBe(auditBefore + 2);
    const live = await db.$queryRaw<
      { n: bigint }[]
    >`SELECT count(*) AS n FROM mukhbir_internal.live_event WHERE payload->>'type' = 'watch.hit'`;
    expect(Number(live[0].n)).toBeGreaterThanOrEqual(Number(liveBefore) + 2);
    // The whole phrase is needed: one of its words alone does not hit it.
    const half = await send(`sirf sharab ki baat ${crypto.randomUUID()}`);
    await drain();
    expect((await tipWatchTags(sup, half.tipId)).map((t) => t.watchId)).not.toContain(phrase.id);
    // Stopped watches hit nothing more.
    await removeWatch(sup, phrase.id);
    const after = await send(`कच्ची शराब फिर से ${crypto.randomUUID()}`);
    await drain();
    expect((await tipWatchTags(sup, after.tipId)).map((t) => t.watchId)).not.toContain(phrase.id);
  });

  it("never matches the informant's own number", async () => {
    const sup = actorOf(await makeUser({ role: "SUPERVISOR" }));
    const wa = phone();
    const own = wa.slice(2);
    const w = await addWatch(sup, { kind: "ENTITY", entityKind: "mobile", value: own });
    const res = await postMeta(
      envelope([inbound({ wa_id: wa }, [{ type: "text", text: { body: `mera number ${own} hai` } }])]),
    );
    expect(res.status).toBe(200);
    await drain();
    expect(await db.tipWatchHit.count({ where: { watchId: w.id } })).toBe(0);
  });

  it("refuses a value that is not what it claims, and changes nothing", async () => {
    const sup = actorOf(await makeUser({ role: "SUPERVISOR" }));
    const before = await db.watchItem.count();
    for (const bad of [
      { kind: "ENTITY", entityKind: "vehicle", value: "kachchi sharab" },
      { kind: "ENTITY", entityKind: "mobile", value: "123" },
      { kind: "PLACE", value: "Timbuktu" },
      { kind: "PHRASE", value: "" },
      { kind: "NOPE", value: "x" },
    ]) {
      const e = await addWatch(sup, bad).catch((x) => x);
      expect(e).toBeInstanceOf(AppError);
      expect((e as AppError).code).toBe("invalid");
    }
    await addWatch(sup, { kind: "PLACE", value: "झूँसी" });
    await expect(addWatch(sup, { kind: "PLACE", value: "Jhusi" })).rejects.toMatchObject({ code: "conflict" });
    expect(await db.watchItem.count()).toBe(before + 1);
    expect((await listWatches(sup)).some((w) => w.normalised === "Jhunsi" && w.mine)).toBe(true);
  });

  it("an officer's own watch is theirs alone and tags only tips of their station", async () => {
    const a = await makeStation();
    const officer = actorOf(await makeUser({ role: "OFFICER", stationId: a.id, districtWide: false }));
    const other = actorOf(await makeUser({ role: "OFFICER" }));
    const word = `zorro${crypto.randomBytes(3).toString("hex").replace(/\d/g, "q")}`;
    const w = await addWatch(officer, { kind: "PHRASE", value: word });
    expect((await listWatches(other)).some((x) => x.id === w.id)).toBe(false);
    const msg = await send(`${word} dikha`);
    await drain();
    // The new tip has no station yet: outside the station-bound officer's reach.
    expect(await db.tipWatchHit.count({ where: { watchId: w.id } })).toBe(0);
    await db.tip.update({ where: { id: msg.tipId }, data: { stationId: a.id } });
    const again = await db.message.findUniqueOrThrow({ where: { id: msg.id } });
    const { matchWatches } = await import("./match");
    expect(await matchWatches(again.id)).toEqual([w.id]);
    expect(await tipWatchTags(other, msg.tipId)).toEqual([]);
  });

  it("looks watch items up on the GIN index of their keys, not by a loop over them", async () => {
    const owner = await makeUser({ role: "SUPERVISOR" });
    await db.$executeRaw`INSERT INTO "WatchItem" ("id", "kind", "value", "normalised", "keys", "ownerId", "shared")
      SELECT gen_random_uuid(), 'PHRASE', 'w' || i, 'k' || i || ${owner.id}, ARRAY['k' || i || 'x'], ${owner.id}::uuid, true FROM generate_series(1, 10000) i`;
    await db.$executeRaw`ANALYZE "WatchItem"`;
    const plan = await db.$queryRaw<
      { "QUERY PLAN": string }[]
    >`EXPLAIN SELECT 1 FROM "WatchItem" w WHERE w."active" AND w."keys" && ARRAY['srb', 'kCi']::text[]`;
    expect(plan.map((r) => r["QUERY PLAN"]).join("\n")).toMatch(/WatchItem_keys_idx/);
  });
});
