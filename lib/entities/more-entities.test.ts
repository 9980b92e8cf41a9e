// Entity kinds beyond vehicles and mobiles (ADR 0701), and the informant's own number and UPI id
// never indexed.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { extractEntities } from "./extract";
import { parseGazetteer, findPlaces } from "./gazetteer";
import { entitiesToIndex } from "./index-tip-entities";
import { hashAddress } from "../identity/crypto";

const prayagraj = (() => {
  const p = parseGazetteer(fs.readFileSync(path.resolve("lib/entities/gazetteer/prayagraj.csv"), "utf8"));
  if (!p.ok) throw new Error(JSON.stringify(p.errors));
  return p.gazetteer;
})();
const values = (text: string, kind: string) =>
  extractEntities(text, prayagraj)
    .filter((e) => e.kind === kind)
    .map((e) => e.value);

describe("UPI ids", () => {
  it.each([
    ["paise raju.bhai@ybl pe bhejo", "raju.bhai@ybl"],
    ["UPI: Gupta-Traders@OKAXIS", "gupta-traders@okaxis"],
    ["यूपीआई 9876543210@paytm पर पैसे जाते हैं", "9876543210@paytm"],
    ["pay to sattaking77@upi.", "sattaking77@upi"],
  ])("%s → %s", (text, upi) => expect(values(text, "upi")).toEqual([upi]));

  it("does not take an email address or an @handle for a UPI id", () => {
    expect(values("mail raju@gmail.com or follow @raju_don", "upi")).toEqual([]);
  });
});

describe("bank accounts and IFSC", () => {
  it("finds an account with its IFSC in the same message", () => {
    const text = "khata number 123456789012 IFSC SBIN0001234 mein paisa jata hai";
    expect(values(text, "ifsc")).toEqual(["SBIN0001234"]);
    expect(values(text, "bank")).toEqual(["SBIN0001234/123456789012"]);
  });
  it("finds an account after an account word, in either script, spaced", () => {
    expect(values("A/c no: 3021 4567 8901 23", "bank")).toEqual(["30214567890123"]);
    expect(values("उसका खाता 00112233445566 है", "bank")).toEqual(["00112233445566"]);
  });
  it("ignores digit runs with no account word or IFSC, and never takes a mobile for an account", () => {
    expect(values("order 123456789012 pending", "bank")).toEqual([]);
    expect(values("account 9876543210 pe call karo, IFSC HDFC0000123", "bank")).toEqual([]);
    expect(values("ifsc sbin0001234", "ifsc")).toEqual(["SBIN0001234"]);
    expect(values("SBIN001234 is not one", "ifsc")).toEqual([]);
  });
});

describe("social handles and links", () => {
  it.each([
    ["insta pe dekho https://www.instagram.com/raja_smack_wala/", "instagram:raja_smack_wala"],
    ["facebook.com/Bablu.Don mein photo hai", "facebook:bablu.don"],
    ["telegram t.me/satta_king_prayag", "telegram:satta_king_prayag"],
    ["twitter.com/goonda01 aur x.com/goonda02", "x:goonda01"],
    ["youtube.com/@dabangg_bhaiya", "youtube:dabangg_bhaiya"],
    ["uska id @kallu.bhai hai", "@kallu.bhai"],
  ])("%s → %s", (text, v) => expect(values(text, "social")).toContain(v));

  it("does not take emails or UPI ids for handles", () => {
    expect(values("raju@gmail.com and raju@ybl", "social")).toEqual([]);
  });

  it("does not take the rest of a UPI id masked at ingest for a handle", () => {
    // The informant's own UPI id, its number replaced by the mark (lib/identity/own-identity.ts).
    expect(values("mere [•••]@ybl pe mat bhejna, @kallu.bhai ko bhejo", "social")).toEqual(["@kallu.bhai"]);
  });
});

describe("places from the gazetteer", () => {
  it.each([
    ["Jhunsi mein daru bikti hai", "Jhunsi"],
    ["झूँसी में दारू बिकती है", "Jhunsi"],
    ["jhusi ke paas", "Jhunsi"],
    ["सिविल लाइंस के पास", "Civil Lines"],
    ["civil lines market", "Civil Lines"],
    ["थाना धूमनगंज क्षेत्र", "Dhoomanganj"],
    ["dhumanganj thana", "Dhoomanganj"],
    ["शंकरगढ़ में", "Shankargarh"],
    ["Shankargarh mein", "Shankargarh"],
    ["Teliarganj ke hostel", "Teliarganj"],
    ["तेलियरगंज", "Teliarganj"],
  ])("%s → %s", (text, place) => expect(values(text, "place")).toEqual([place]));

  it("finds nothing in text without a place", () => {
    expect(findPlaces("kal raat sharab bik rahi thi", prayagraj)).toEqual([]);
  });

  it("refuses a broken gazetteer CSV with each bad line", () => {
    const r = parseGazetteer(
      "kind,name_en,name_hi\nstation,Kareli,करेली\nvillage,Foo,फू\nstation,Bar\nstation,Kareli,करेली\nstation,Baz,Baz\n",
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => e.line)).toEqual([3, 4, 5, 6]);
    expect(r.errors.map((e) => e.code)).toEqual(["kind", "fields", "duplicate", "nameHi"]);
    expect(parseGazetteer("name,hi\nx,y").ok).toBe(false);
  });
});

describe("the informant's own number and UPI id", () => {
  const own = hashAddress({ kind: "phone", value: "919876543210" });
  it("are never extracted, while third parties' are", () => {
    const text =
      "mera number 9876543210, meri UPI 9876543210@ybl, malik ka 9988776655 aur 9988776655@paytm, account 9876543210 nahi";
    const found = entitiesToIndex(text, own);
    expect(found.filter((e) => e.kind === "mobile").map((e) => e.value)).toEqual(["9988776655"]);
    expect(found.filter((e) => e.kind === "upi").map((e) => e.value)).toEqual(["9988776655@paytm"]);
    expect(found.some((e) => e.value.includes("9876543210"))).toBe(false);
  });
});
