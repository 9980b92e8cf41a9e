import { describe, expect, it } from "vitest";
import { geoCell, geoEntities } from "./geo-cell";

describe("geo cells of shared locations", () => {
  it("rounds a point to its 0.01° cell, so nearby points meet", () => {
    expect(geoCell(25.4358, 81.8463)).toBe("25.44,81.85");
    expect(geoCell(25.4401, 81.8499)).toBe("25.44,81.85");
    expect(geoCell(-0.001, 0.004)).toBe("0.00,0.00");
  });
  it("refuses what is not a point", () => {
    expect(geoCell(91, 10)).toBeNull();
    expect(geoCell("25.4", 81)).toBeNull();
    expect(geoCell(Number.NaN, 81)).toBeNull();
    expect(geoEntities("TEXT", { latitude: 25.4, longitude: 81.8 })).toEqual([]);
    expect(geoEntities("LOCATION", null)).toEqual([]);
    expect(geoEntities("LOCATION", { latitude: 25.4358, longitude: 81.8463 })).toEqual([
      { kind: "geo", value: "25.44,81.85" },
    ]);
  });
});
