import { describe, expect, it } from "vitest";
import { startOfToday } from "./conditions";

describe("startOfToday", () => {
  it("is midnight in India (UTC+05:30) of the desk's current day", () => {
    expect(startOfToday(new Date("2026-11-29T22:37:00Z")).toISOString()).toBe("2026-11-29T18:30:00.000Z"); // 04:07 on the 30th in India
    expect(startOfToday(new Date("2026-11-29T10:00:00Z")).toISOString()).toBe("2026-11-28T18:30:00.000Z"); // 15:30 on the 29th
    expect(startOfToday(new Date("2026-11-29T18:30:00Z")).toISOString()).toBe("2026-11-29T18:30:00.000Z"); // exactly midnight
    expect(startOfToday(new Date("2026-11-29T18:29:59.999Z")).toISOString()).toBe("2026-11-28T18:30:00.000Z");
    expect(startOfToday(new Date("2027-01-01T00:00:00Z")).toISOString()).toBe("2026-12-31T18:30:00.000Z");
  });
});
