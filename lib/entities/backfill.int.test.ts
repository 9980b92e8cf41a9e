// The entities backfill (ADR 0715): messages stored before a rule found their entities get them —
// a third party's UPI id and number, an old shared location's grid cell — never the sender's own
// number or a UPI id built on it; and a gazetteer upload sends it over old tips for the new places.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "../db";
import type { Prisma } from "../generated/prisma/client";
import { drain } from "../jobs/worker";
import { registerHandlers } from "../jobs/handlers";
import { backfillBatch, backfillProgress } from "../jobs/backfill";
import { actorOf, makeTip, makeUser } from "../testing/factories";
import { envelope, inbound } from "../ingest/testing/meta-fixtures";
import { postMeta } from "../ingest/testing/post-meta";
import { entitiesBackfill } from "./backfill";
import { GAZETTEER_SETTING_KEY, refreshGazetteer } from "./current-gazetteer";
import { uploadGazetteer } from "./upload-gazetteer";

beforeAll(() => registerHandlers());
afterEach(async () => {
  await db.setting.deleteMany({ where: { key: GAZETTEER_SETTING_KEY } });
  await refreshGazetteer(db, { force: true });
});

let n = 0;
const phone = () => `9195${String(process.pid % 1000).padStart(3, "0")}${String(++n).padStart(5, "0")}`;
const entitiesOf = async (tipId: string) =>
  (await db.tipEntity.findMany({ where: { tipId }, select: { kind: true, value: true } }))
    .map((e) => `${e.kind}:${e.value}`)
    .sort();

async function post(wa: string, message: Record<string, unknown>, find: Prisma.MessageWhereInput) {
  expect((await postMeta(envelope([inbound({ wa_id: wa }, [message])]))).status).toBe(200);
  return (await db.message.findFirstOrThrow({ where: find, select: { tipId: true } })).tipId;
}

describe("entities backfill", () => {
  it("gives old messages their entities as ingest would, never the sender's own number", async () => {
    const wa = phone();
    const own = wa.slice(2);
    const other = `98${crypto.randomInt(10_000_000, 99_999_999)}`;
    const handle = `zq${crypto.randomBytes(3).toString("hex")}`;
    const text = `mera number ${own}, ${own}@ybl pe mat bhejna; ${handle}@okaxis aur ${other} wala aadmi daru bechta hai`;
    const textTip = await post(wa, { type: "text", text: { body: text } }, { body: { contains: handle } });
    const word = crypto.randomBytes(5).toString("hex");
    const lat = 25.4 + crypto.randomInt(0, 99) / 1000;
    const locTip = await post(
      phone(),
      { type: "location", location: { latitude: lat, longitude: 81.8463, name: word } },
      { body: word },
    );
    const expectedText = [`mobile:${other}`, `upi:${handle}@okaxis`];
    const expectedGeo = [`geo:${(Math.round(lat * 100) / 100).toFixed(2)},81.85`];
    expect(await entitiesOf(textTip)).toEqual(expectedText);
    // As if stored before the rules: no entities on either tip.
    await db.tipEntity.deleteMany({ where: { tipId: { in: [textTip, locTip] } } });
    await db.$executeRaw`DELETE FROM mukhbir_internal.backfill WHERE name = 'entities'`;

    expect(await backfillBatch(entitiesBackfill, 1)).toBe(false);
    while (!(await backfillBatch(entitiesBackfill, 1000)));
    expect((await backfillProgress(entitiesBackfill)).done).toBe(true);
    expect(await entitiesOf(textTip)).toEqual(expectedText);
    expect(await entitiesOf(locTip)).toEqual(expectedGeo);
    const all = await db.tipEntity.findMany({ where: { value: { contains: own } } });
    expect(all).toEqual([]);
  });

  it("reads old tips again for the places of a new gazetteer", async () => {
    const name = `Zq${Array.from({ length: 6 }, () => String.fromCharCode(97 + crypto.randomInt(26))).join("")}pur`;
    const tip = await makeTip({ text: `${name} ke paas bhatti chalti hai` });
    expect(await entitiesOf(tip.id)).toEqual([]);
    await backfillProgress(entitiesBackfill); // the row may not exist yet: the upload creates it
    const shipped = fs.readFileSync(path.resolve("lib/entities/gazetteer/prayagraj.csv"), "utf8").trimEnd();
    await uploadGazetteer(actorOf(await makeUser({ role: "ADMIN" })), `${shipped}\nlocality,${name},नयापुर,\n`);
    expect(await backfillProgress(entitiesBackfill)).toMatchObject({ done: false, afterId: null });
    await drain();
    expect((await backfillProgress(entitiesBackfill)).done).toBe(true);
    expect(await entitiesOf(tip.id)).toEqual([`place:${name}`]);
  });
});
