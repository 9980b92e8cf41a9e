import { describe, expect, it } from "vitest";
import { mapStrings, ownIdentityRedactor } from "./redact-own-identity";

const sender = { address: { kind: "phone" as const, value: "919876543210" }, name: "Canary Kumar" };

describe("own identity in message content", () => {
  const clean = ownIdentityRedactor(sender);

  it("masks the sender's own number in any spelling, keeps third parties", () => {
    for (const spelling of ["9876543210", "+91 98765 43210", "098765-43210", "919876543210", "९८७६५४३२१०"])
      expect(clean(`mera number ${spelling} hai`)).toBe("mera number [•••] hai");
    expect(clean("malik ka number 99887 76655")).toBe("malik ka number 99887 76655");
  });

  it("masks the sender's profile name, case-insensitively, as a whole phrase only", () => {
    expect(clean("I am canary  KUMAR from Naini")).toBe("I am [•••] from Naini");
    expect(clean("Canary Kumari is someone else")).toBe("Canary Kumari is someone else");
  });

  it("reaches every string of a JSON value", () => {
    const meta = { contacts: [{ name: { formatted_name: "Canary Kumar" }, phones: [{ phone: "+91 98765 43210", wa_id: "919876543210" }] }] };
    expect(JSON.stringify(mapStrings(meta, clean))).not.toMatch(/9876543210|Canary/);
  });
});
