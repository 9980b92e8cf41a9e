import { describe, expect, it } from "vitest";
import { ACTIONED_PER_DISCREDIT, NO_STANDING, PROVEN_AFTER, suggestSource, type Standing } from "./suggest-source";
import { SOURCE_GRADES } from "./scale";

const s = (over: Partial<Standing>): Standing => ({ ...NO_STANDING, ...over });
const rank = (st: Standing) => SOURCE_GRADES.indexOf(suggestSource(st).grade);

describe("suggestSource", () => {
  it("an alias with no record is untested (2)", () => {
    expect(suggestSource(NO_STANDING)).toEqual({ grade: "UNTESTED", basis: "untested" });
  });

  it("one actioned tip is not yet a record; enough of them make the source reliable (1)", () => {
    expect(suggestSource(s({ actioned: PROVEN_AFTER - 1 })).grade).toBe("UNTESTED");
    expect(suggestSource(s({ actioned: PROVEN_AFTER }))).toEqual({ grade: "RELIABLE", basis: "proven" });
  });

  it("a false or malicious tip with nothing to outweigh it makes the source not reliable (3)", () => {
    expect(suggestSource(s({ falseInfo: 1 }))).toEqual({ grade: "NOT_RELIABLE", basis: "discredited" });
    expect(suggestSource(s({ abuse: 1 }))).toEqual({ grade: "NOT_RELIABLE", basis: "discredited" });
    expect(suggestSource(s({ actioned: 3, falseInfo: 2, abuse: 1 })).grade).toBe("NOT_RELIABLE");
  });

  it("a mostly useful record with a few false tips is mixed (2) until the useful ones outweigh them", () => {
    expect(suggestSource(s({ actioned: 3, falseInfo: 1 }))).toEqual({ grade: "UNTESTED", basis: "mixed" });
    expect(suggestSource(s({ actioned: ACTIONED_PER_DISCREDIT, falseInfo: 1 })).grade).toBe("RELIABLE");
  });

  it("the abuse mark overrides any record", () => {
    expect(suggestSource(s({ actioned: 50, abusing: true }))).toEqual({ grade: "NOT_RELIABLE", basis: "abusing" });
  });

  it("is monotonic: a false or malicious closure never raises the grade, an actioned one never lowers it", () => {
    for (let a = 0; a <= 12; a++)
      for (let f = 0; f <= 6; f++)
        for (let m = 0; m <= 3; m++) {
          const base = s({ actioned: a, falseInfo: f, abuse: m });
          expect(rank(s({ ...base, falseInfo: f + 1 }))).toBeGreaterThanOrEqual(rank(base));
          expect(rank(s({ ...base, abuse: m + 1 }))).toBeGreaterThanOrEqual(rank(base));
          expect(rank(s({ ...base, actioned: a + 1 }))).toBeLessThanOrEqual(rank(base));
        }
  });
});
