import { describe, expect, it } from "vitest";
import { hashAddress } from "./crypto";
import { isOwnContact, maskName, maskOwnNumbers } from "./own-identity";

const own = new Set([
  hashAddress({ kind: "phone", value: "919876543210" }),
  hashAddress({ kind: "phone", value: "447911123456" }),
]);

describe("own identity in message content", () => {
  it("masks the sender's own number in any spelling, keeps third parties", () => {
    for (const spelling of [
      "9876543210",
      "+91 98765 43210",
      "098765-43210",
      "919876543210",
      "०९८७६५४३२१०".slice(1),
      "+91-98765.43210",
    ])
      expect(maskOwnNumbers(`mera number ${spelling} hai`, own)).toBe("mera number [•••] hai");
    expect(maskOwnNumbers("malik ka number 99887 76655", own)).toBe("malik ka number 99887 76655");
  });

  it("masks an own number outside India, in international and 00 forms", () => {
    for (const spelling of ["+44 7911 123456", "0044 7911 123456", "+447911123456"])
      expect(maskOwnNumbers(`my number ${spelling}.`, own)).toBe("my number [•••].");
    expect(maskOwnNumbers("his UK number +44 7700 900123", own)).toBe("his UK number +44 7700 900123");
  });

  it("masks an own mobile typed right next to a third party's", () => {
    expect(maskOwnNumbers("9876543210 9988776655", own)).toBe("[•••] 9988776655");
  });

  it("masks the sender's profile name, case-insensitively, as a whole phrase only", () => {
    expect(maskName("I am canary  KUMAR from Naini", "Canary Kumar")).toBe("I am [•••] from Naini");
    expect(maskName("Canary Kumari is someone else", "Canary Kumar")).toBe("Canary Kumari is someone else");
    expect(maskName("राम कुमार बोल रहा हूँ", "राम कुमार")).toBe("[•••] बोल रहा हूँ");
  });

  it("takes a name as data, never as a pattern, and ignores names no person has", () => {
    expect(maskName("a.b(c)* said hi; ab(c) too", "a.b(c)*")).toBe("[•••] said hi; ab(c) too");
    expect(maskName("[[[", "[")).toBe("[[[");
    expect(maskName("x".repeat(30_000), "x".repeat(20_000))).toBe("x".repeat(30_000));
  });

  it("recognises the sender's own card among shared contacts", () => {
    expect(
      isOwnContact(
        { name: { formatted_name: "Me" }, phones: [{ phone: "+91 98765 43210", wa_id: "919876543210" }] },
        own,
      ),
    ).toBe(true);
    expect(isOwnContact({ name: { formatted_name: "Pappu" }, phones: [{ phone: "+91 99887 76655" }] }, own)).toBe(
      false,
    );
  });
});
