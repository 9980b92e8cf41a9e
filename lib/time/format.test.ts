import { describe, expect, it } from "vitest";
import { dateFormat, formatDateTime, formatDay, formatNumber, intlLocale } from "./format";

const at = Date.parse("2026-12-01T19:27:55Z"); // 00:57:55 on 2 Dec in India

describe("dates and numbers per locale", () => {
  it("chooses the Indian variant of each language", () => {
    expect([intlLocale("en"), intlLocale("hi"), intlLocale("xx")]).toEqual(["en-IN", "hi-IN", "en-IN"]);
  });

  it("shows instants in IST whatever the machine's zone", () => {
    expect(formatDateTime(at, "en")).toBe("2 Dec 2026, 12:57 am");
    expect(formatDateTime(new Date(at), "en", "clock")).toBe("00:57");
    expect(formatDateTime(new Date(at).toISOString(), "en", "date")).toBe("2 Dec 2026");
    expect(formatDateTime(at, "hi", "long")).toContain("दिस॰");
  });

  it("prints the hour after midnight as 00, not 24, and builds each formatter once", () => {
    expect(dateFormat("en", "cell").format(at)).toBe("02 Dec, 00:57");
    expect(dateFormat("hi", "cell").format(at)).toContain("00:57");
    expect(dateFormat("en", "cell")).toBe(dateFormat("en", "cell"));
  });

  it("formats calendar days and numbers", () => {
    expect(formatDay("2026-11-20", "en")).toBe("20 Nov 2026");
    expect(formatNumber(1234567, "en")).toBe("12,34,567");
    expect(formatNumber(0.125, "hi", { style: "percent", maximumFractionDigits: 1 })).toBe("12.5%");
  });
});
