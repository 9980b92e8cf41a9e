import { describe, it, expect } from "vitest";
import { parseFilters, daysOf, filtersToQuery } from "./filters";
import { istDay, istMidnight } from "../time/ist";

// 2026-11-20 00:30 IST is still 2026-11-19 in UTC: "today" must follow Kolkata, not UTC.
const now = new Date("2026-11-19T19:00:00Z");

describe("dashboard filters", () => {
  it("uses IST days", () => {
    expect(istDay(now)).toBe("2026-11-20");
    expect(istMidnight("2026-11-20").toISOString()).toBe("2026-11-19T18:30:00.000Z");
  });

  it("today, 7 and 30 days end with today (IST) and include it", () => {
    const t = parseFilters({ range: "today" }, now);
    expect([t.fromDay, t.toDay, t.from.toISOString(), t.to.toISOString()]).toEqual([
      "2026-11-20",
      "2026-11-20",
      "2026-11-19T18:30:00.000Z",
      "2026-11-20T18:30:00.000Z",
    ]);
    expect(parseFilters({ range: "7d" }, now).fromDay).toBe("2026-11-14");
    const m = parseFilters({ range: "30d" }, now);
    expect(daysOf(m)).toHaveLength(30);
    expect(m.fromDay).toBe("2026-10-22");
  });

  it("defaults to 7 days and ignores junk rather than failing", () => {
    const f = parseFilters(
      { range: "'; DROP TABLE", station: "not-a-uuid", category: "BRIBERY", from: "2026-02-30" },
      now,
    );
    expect(f).toMatchObject({ range: "7d", stationId: null, category: null, fromDay: "2026-11-14" });
    expect(parseFilters({ range: "custom", from: "2026-11-01" }, now).range).toBe("7d");
  });

  it("custom ranges are inclusive, ordered and at most a year", () => {
    const f = parseFilters({ range: "custom", from: "2026-11-10", to: "2026-11-01" }, now);
    expect([f.fromDay, f.toDay, daysOf(f).length]).toEqual(["2026-11-01", "2026-11-10", 10]);
    const long = parseFilters({ range: "custom", from: "2020-01-01", to: "2026-11-10" }, now);
    expect(daysOf(long)).toHaveLength(366);
  });

  it("keeps a station and a category, and round-trips through the URL", () => {
    const station = "6f1c2d3e-4a5b-4c6d-8e7f-901234567890";
    const f = parseFilters(
      { range: "custom", from: "2026-11-01", to: "2026-11-03", station, category: ["NARCOTICS", "GAMBLING"] },
      now,
    );
    expect(f).toMatchObject({ stationId: station, category: "NARCOTICS" });
    const back = parseFilters(Object.fromEntries(new URLSearchParams(filtersToQuery(f))), now);
    expect(back).toEqual(f);
  });
});
