import { describe, expect, it } from "vitest";
import { indianMobile } from "./mobile";

describe("Indian mobile numbers", () => {
  it("accepts the ways officers write one", () => {
    for (const v of ["9876543210", "98765 43210", "+91 98765-43210", "919876543210", "09876543210", "0091 9876543210"])
      expect(indianMobile(v)).toBe("919876543210");
  });
  it("refuses landlines, short numbers, letters and other countries", () => {
    for (const v of ["0532 2440111", "5876543210", "987654321", "98765432100", "+1 415 555 0100", "98765abcde", ""])
      expect(indianMobile(v)).toBeNull();
  });
});
