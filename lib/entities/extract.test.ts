import { describe, it, expect } from "vitest";
import { extractEntities } from "./extract";

const values = (text: string, kind: string) =>
  extractEntities(text)
    .filter((e) => e.kind === kind)
    .map((e) => e.value);

describe("vehicle registrations", () => {
  it.each([
    ["gaadi UP70AB1234 mein maal hai", "UP70AB1234"],
    ["number UP 70 AB 1234 wali bolero", "UP70AB1234"],
    ["UP-70-AB-1234 raat ko aati hai", "UP70AB1234"],
    ["up70ab1234", "UP70AB1234"],
    ["सफ़ेद गाड़ी UP70AB1234 रोज़ आती है", "UP70AB1234"],
    ["DL 3C AB 1234", "DL03CAB1234"],
    ["MH 12 A 567", "MH12A0567"],
    ["22BH1234AA and 22 BH 1234 AA", "22BH1234AA"],
  ])("%s → %s", (text, plate) => {
    expect(values(text, "vehicle")).toContain(plate);
  });

  it("normalises spellings of one plate to one value", () => {
    expect(values("UP70AB1234, UP 70 AB 1234 and UP-70-AB-1234", "vehicle")).toEqual(["UP70AB1234"]);
  });

  it("ignores words that only look like plates", () => {
    expect(values("IS 12 A 1234 and XX70AB1234 and UP70AB12345", "vehicle")).toEqual([]);
  });
});

describe("mobile numbers", () => {
  it.each([
    ["call 9876543210", "9876543210"],
    ["call +91 98765 43210 now", "9876543210"],
    ["+91-9876543210", "9876543210"],
    ["919876543210", "9876543210"],
    ["09876543210", "9876543210"],
    ["987-654-3210", "9876543210"],
    ["uska number ९८७६५४३२१० hai", "9876543210"],
    ["6000000001", "6000000001"],
  ])("%s → %s", (text, number) => {
    expect(values(text, "mobile")).toEqual([number]);
  });

  it("rejects numbers that are not Indian mobiles", () => {
    expect(values("5876543210 and 12345 and Aadhaar 9876 5432 1012 and 98765432101234", "mobile")).toEqual([]);
  });

  it("finds two numbers next to each other", () => {
    expect(values("9876543210, 8765432109", "mobile")).toEqual(["9876543210", "8765432109"]);
  });

  it("does not take a plate's digits for a number", () => {
    expect(values("UP70AB1234", "mobile")).toEqual([]);
  });
});
