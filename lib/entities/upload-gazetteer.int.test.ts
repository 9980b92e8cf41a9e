// Admin gazetteer upload (ADR 0704): all or nothing with every broken row named; a good file is
// stored in the database, audited, and used by the next extraction without a restart — also when
// another instance stored it. Shared locations become `geo` entities at ingest (ADR 0705).
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { db } from "../db";
import { AppError } from "../errors";
import { actorOf, makeUser } from "../testing/factories";
import { envelope, inbound } from "../ingest/testing/meta-fixtures";
import { postMeta } from "../ingest/testing/post-meta";
import { uploadGazetteer } from "./upload-gazetteer";
import { currentGazetteer, GAZETTEER_SETTING_KEY, refreshGazetteer } from "./current-gazetteer";
import { findPlaces } from "./gazetteer";

const shipped = fs.readFileSync(path.resolve("lib/entities/gazetteer/prayagraj.csv"), "utf8").trimEnd();
// A made-up locality (Latin letters only) added to the shipped list, so other tests' places still exist.
const placeName = () =>
  `Zq${Array.from({ length: 6 }, () => String.fromCharCode(97 + crypto.randomInt(26))).join("")}pur`;
const withPlace = (name: string) => `${shipped}\nlocality,${name},नयापुर,\n`;
let n = 0;
const phone = () => `9196${String(process.pid % 1000).padStart(3, "0")}${String(++n).padStart(5, "0")}`;

afterEach(async () => {
  // Back to the shipped file for every other test (the setting is the database's, not this file's).
  await db.setting.deleteMany({ where: { key: GAZETTEER_SETTING_KEY } });
  await refreshGazetteer(db, { force: true });
});

/** Posts a location message whose place name is a fresh word and returns its tip (ids are stored keyed, so found by the word). */
async function locationTip(latitude: number, longitude: number) {
  const word = crypto.randomBytes(5).toString("hex");
  const body = { type: "location", location: { latitude, longitude, name: word } };
  expect((await postMeta(envelope([inbound({ wa_id: phone() }, [body])]))).status).toBe(200);
  return (await db.message.findFirstOrThrow({ where: { body: word }, select: { tipId: true } })).tipId;
}

describe("gazetteer upload", () => {
  it("stores and audits a good file, and the next message finds its new place", async () => {
    const admin = actorOf(await makeUser({ role: "ADMIN" }));
    const name = placeName();
    const auditsBefore = await db.auditLog.count({ where: { action: "gazetteer.upload", actorId: admin.id } });
    const r = await uploadGazetteer(admin, withPlace(name));
    expect(r.places).toBe(currentGazetteer().places.length);
    expect(findPlaces(`${name} mein bhatti`, currentGazetteer())).toEqual([name]);
    const audits = await db.auditLog.findMany({ where: { action: "gazetteer.upload", actorId: admin.id } });
    expect(audits).toHaveLength(auditsBefore + 1);
    expect(audits.at(-1)!.detail).toMatchObject({ places: r.places, localities: expect.any(Number) });

    const word = crypto.randomBytes(4).toString("hex");
    const text = `${name} ke paas sharab ${word}`;
    const wa = phone();
    expect((await postMeta(envelope([inbound({ wa_id: wa }, [{ type: "text", text: { body: text } }])]))).status).toBe(
      200,
    );
    const msg = await db.message.findFirstOrThrow({ where: { body: text }, select: { tipId: true } });
    expect(
      await db.tipEntity.findMany({ where: { tipId: msg.tipId, kind: "place" }, select: { value: true } }),
    ).toEqual([{ value: name }]);
  });

  it("refuses a file with broken rows, naming each, and changes nothing", async () => {
    const admin = actorOf(await makeUser({ role: "ADMIN" }));
    const good = placeName();
    await uploadGazetteer(admin, withPlace(good));
    const before = await db.setting.findUniqueOrThrow({ where: { key: GAZETTEER_SETTING_KEY } });
    const audits = await db.auditLog.count({ where: { action: "gazetteer.upload" } });
    const broken = `kind,name_en,name_hi,aliases\nstation,Kareli,करेली,\nvillage,Foo,फू,\nstation,Bar\nstation,Kareli,करेली,\nlocality,${placeName()},Baz,\n`;
    const err = await uploadGazetteer(admin, broken).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).detail).toEqual({
      reason: "gazetteerRows",
      rows: "3:kind,4:fields,5:duplicate,6:nameHi",
      more: 0,
    });
    for (const bad of ["", "   ", 42, "x".repeat(300 * 1024)])
      expect(((await uploadGazetteer(admin, bad).catch((e: unknown) => e)) as AppError).detail?.reason).toMatch(
        /^gazetteer(Empty|TooLarge)$/,
      );
    const after = await db.setting.findUniqueOrThrow({ where: { key: GAZETTEER_SETTING_KEY } });
    expect(after.updatedAt).toEqual(before.updatedAt);
    expect(after.value).toEqual(before.value);
    expect(await db.auditLog.count({ where: { action: "gazetteer.upload" } })).toBe(audits);
    expect(findPlaces(`${good} mein`, currentGazetteer())).toEqual([good]);
  });

  it("picks up a file another instance stored, without a restart", async () => {
    const name = placeName();
    expect(findPlaces(`${name} mein`, currentGazetteer())).toEqual([]);
    // What another instance's upload leaves behind: the row in the database (this process never parsed it).
    const csv = withPlace(name);
    await db.setting.create({ data: { key: GAZETTEER_SETTING_KEY, value: { csv, places: 0, sha256: "x" } } });
    await refreshGazetteer(db, { force: true });
    expect(findPlaces(`${name} mein`, currentGazetteer())).toEqual([name]);
  });

  it("indexes a shared location as its grid cell", async () => {
    const lat = 25.4 + crypto.randomInt(0, 99) / 1000;
    const tipId = await locationTip(lat, 81.8463);
    const geo = await db.tipEntity.findMany({ where: { tipId, kind: "geo" }, select: { value: true } });
    expect(geo).toEqual([{ value: `${(Math.round(lat * 100) / 100).toFixed(2)},81.85` }]);
  });
});
