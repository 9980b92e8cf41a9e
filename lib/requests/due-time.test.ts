import { describe, expect, it } from "vitest";
import { parseIstLocal, toIstLocal } from "./due-time";

describe("due time in IST wall-clock", () => {
  it("reads a datetime-local value as IST and writes it back", () => {
    const at = parseIstLocal("2026-12-10T18:30");
    expect(at?.toISOString()).toBe("2026-12-10T13:00:00.000Z");
    expect(toIstLocal(at!)).toBe("2026-12-10T18:30");
  });
  it("refuses what is not a wall-clock time", () => {
    for (const bad of ["", "tomorrow", "2026-12-10 18:30", "2026-12-10T25:00", "2026-13-40T10:00"])
      expect(parseIstLocal(bad)).toBeNull();
  });
});
