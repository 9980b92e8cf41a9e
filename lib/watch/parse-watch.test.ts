import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseGazetteer } from "../entities/gazetteer";
import { parseWatch } from "./parse-watch";

const g = (() => {
  const p = parseGazetteer(fs.readFileSync(path.resolve("lib/entities/gazetteer/prayagraj.csv"), "utf8"));
  if (!p.ok) throw new Error("gazetteer");
  return p.gazetteer;
})();

describe("watch items", () => {
  it("normalises an entity and keys it by kind and value", () => {
    const v = parseWatch({ kind: "ENTITY", entityKind: "vehicle", value: "up 70 ab 1234" }, g);
    expect(v).toMatchObject({ ok: true, normalised: "UP70AB1234", keys: ["e:vehicle:UP70AB1234"] });
    expect(parseWatch({ kind: "ENTITY", entityKind: "mobile", value: "+91 98765 43210" }, g)).toMatchObject({
      ok: true,
      normalised: "9876543210",
    });
    expect(parseWatch({ kind: "ENTITY", entityKind: "upi", value: "Raju@YBL" }, g)).toMatchObject({
      ok: true,
      normalised: "raju@ybl",
    });
    expect(parseWatch({ kind: "ENTITY", entityKind: "social", value: "kallu.bhai" }, g)).toMatchObject({
      ok: true,
      normalised: "@kallu.bhai",
    });
    expect(parseWatch({ kind: "ENTITY", entityKind: "bank", value: "123456789012" }, g)).toMatchObject({
      ok: true,
      normalised: "123456789012",
    });
  });

  it("refuses a value that is not the kind it claims", () => {
    expect(parseWatch({ kind: "ENTITY", entityKind: "vehicle", value: "sharab" }, g)).toEqual({
      ok: false,
      error: "notEntity",
    });
    expect(parseWatch({ kind: "ENTITY", entityKind: "vehicle", value: "XX70AB1234" }, g)).toEqual({
      ok: false,
      error: "notEntity",
    });
    expect(parseWatch({ kind: "ENTITY", entityKind: "mobile", value: "12345" }, g)).toEqual({
      ok: false,
      error: "notEntity",
    });
    expect(parseWatch({ kind: "ENTITY", entityKind: "mobile", value: "9876543210 9988776655" }, g)).toEqual({
      ok: false,
      error: "notEntity",
    });
    expect(parseWatch({ kind: "ENTITY", entityKind: "upi", value: "raju@gmail.com" }, g)).toEqual({
      ok: false,
      error: "notEntity",
    });
    expect(parseWatch({ kind: "PLACE", value: "Mumbai" }, g)).toEqual({ ok: false, error: "notPlace" });
    expect(parseWatch({ kind: "PHRASE", value: "   " }, g)).toEqual({ ok: false, error: "empty" });
    expect(parseWatch({ kind: "PHRASE", value: "a !" }, g)).toEqual({ ok: false, error: "noWords" });
    expect(parseWatch({ kind: "PHRASE", value: "x".repeat(101) }, g)).toEqual({ ok: false, error: "tooLong" });
  });

  it("keys a phrase by its words' phonetic keys, the same in either script", () => {
    const hi = parseWatch({ kind: "PHRASE", value: "कच्ची शराब" }, g);
    const latin = parseWatch({ kind: "PHRASE", value: "kachchi sharab" }, g);
    expect(hi.ok && latin.ok && hi.keys).toEqual(latin.ok && latin.keys);
    expect(parseWatch({ kind: "PLACE", value: "झूँसी" }, g)).toMatchObject({
      ok: true,
      normalised: "Jhunsi",
      keys: ["e:place:Jhunsi"],
    });
  });
});
