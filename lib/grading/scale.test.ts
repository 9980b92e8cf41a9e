import { describe, expect, it } from "vitest";
import { formatGrade, parseGrade, sourceNumber, sourceOfNumber } from "./scale";

describe("grading scale (3x5x2)", () => {
  it("accepts every grade on the scale and writes it the way officers do", () => {
    expect(parseGrade({ source: "2", intel: "B", handling: "P" })).toEqual({
      source: "UNTESTED",
      intel: "B",
      handling: "P",
    });
    expect(formatGrade(parseGrade({ source: "3", intel: "E", handling: "C" })!)).toBe("3E C");
    let count = 0;
    for (const source of ["1", "2", "3"])
      for (const intel of ["A", "B", "C", "D", "E"])
        for (const handling of ["P", "C"]) if (parseGrade({ source, intel, handling })) count++;
    expect(count).toBe(30);
  });

  it("refuses anything outside the scale", () => {
    for (const bad of [
      { source: "4", intel: "A", handling: "P" },
      { source: "0", intel: "A", handling: "P" },
      { source: 1, intel: "A", handling: "P" },
      { source: "1", intel: "F", handling: "P" },
      { source: "1", intel: "a", handling: "P" },
      { source: "1", intel: "A", handling: "X" },
      { source: "1", intel: "A" },
      null,
      "1AP",
    ])
      expect(parseGrade(bad)).toBeNull();
  });

  it("numbers source evaluations 1 to 3 both ways", () => {
    for (const n of ["1", "2", "3"] as const) expect(sourceNumber(sourceOfNumber(n))).toBe(n);
  });
});
