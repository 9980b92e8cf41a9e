import { describe, expect, it } from "vitest";
import {
  addDays,
  daysBetween,
  istDay,
  istHour,
  istMidnight,
  istPeriodStart,
  istTimestampText,
  istYear,
  splitIstHour,
  startOfIstDay,
  DAY_MS,
  HOUR_MS,
  TIME_ZONE,
} from "./ist";

describe("IST day math", () => {
  it("agrees with the time zone database about the wall clock, all year and across years", () => {
    const wall = new Intl.DateTimeFormat("en-CA", {
      timeZone: TIME_ZONE,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    for (
      let t = Date.parse("1990-01-01T00:00:00Z");
      t < Date.parse("2040-01-01T00:00:00Z");
      t += 37 * DAY_MS + 3 * HOUR_MS + 17_000
    ) {
      const p = Object.fromEntries(wall.formatToParts(t).map((x) => [x.type, x.value]));
      expect(istTimestampText(t)).toBe(`${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}`);
      expect(istDay(t)).toBe(`${p.year}-${p.month}-${p.day}`);
    }
  });

  it("starts today at midnight in India (UTC+05:30)", () => {
    expect(startOfIstDay(new Date("2026-11-29T22:37:00Z")).toISOString()).toBe("2026-11-29T18:30:00.000Z"); // 04:07 on the 30th in India
    expect(startOfIstDay(new Date("2026-11-29T10:00:00Z")).toISOString()).toBe("2026-11-28T18:30:00.000Z"); // 15:30 on the 29th
    expect(startOfIstDay(new Date("2026-11-29T18:30:00Z")).toISOString()).toBe("2026-11-29T18:30:00.000Z"); // exactly midnight
    expect(startOfIstDay(new Date("2026-11-29T18:29:59.999Z")).toISOString()).toBe("2026-11-28T18:30:00.000Z");
    expect(startOfIstDay(new Date("2027-01-01T00:00:00Z")).toISOString()).toBe("2026-12-31T18:30:00.000Z");
  });

  it("names days, years and hours in IST", () => {
    expect(istDay(new Date("2026-11-20T12:00:00+05:30"))).toBe("2026-11-20");
    expect(istDay(new Date("2026-11-19T18:30:00Z"))).toBe("2026-11-20");
    expect(istMidnight("2026-11-20").toISOString()).toBe("2026-11-19T18:30:00.000Z");
    expect(istYear(new Date("2026-12-31T20:00:00Z"))).toBe(2027);
    expect(istYear(new Date("2026-12-31T18:29:59.999Z"))).toBe(2026);
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(daysBetween("2026-11-01", "2026-12-01")).toBe(30);
    const h = istHour(new Date("2026-11-20T00:30:00+05:30"));
    expect(splitIstHour(h)).toEqual({ day: "2026-11-20", isoDow: 5, hour: 0 });
    expect(splitIstHour(istHour(new Date("2026-11-23T23:59:59.999+05:30")))).toEqual({
      day: "2026-11-23",
      isoDow: 1,
      hour: 23,
    });
  });

  it("counts periods from IST midnight", () => {
    const at = Date.parse("2026-11-20T03:10:00+05:30");
    expect(new Date(istPeriodStart(at, DAY_MS)).toISOString()).toBe("2026-11-19T18:30:00.000Z");
    expect(new Date(istPeriodStart(at, HOUR_MS)).toISOString()).toBe("2026-11-19T21:30:00.000Z");
  });
});
