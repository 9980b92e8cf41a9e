import { describe, it, expect } from "vitest";
import { parseOfficerSort, sortOfficers } from "./officer-sort";
import type { OfficerRow } from "./officers";

const row = (name: string, closed: number, fr: number | null): OfficerRow => ({
  id: name,
  name,
  role: "OFFICER",
  claimed: 0,
  closed,
  firstResponseMedian: fr,
  openNow: 0,
});
const rows = [row("Asha", 3, 120), row("Bina", 9, null), row("Chetan", 3, 60)];

describe("officer sort", () => {
  it("defaults to most closed first, ties by name", () => {
    expect(sortOfficers(rows, parseOfficerSort({})).map((r) => r.name)).toEqual(["Bina", "Asha", "Chetan"]);
  });
  it("sorts by first response ascending with officers lacking one last", () => {
    expect(
      sortOfficers(rows, parseOfficerSort({ osort: "firstResponseMedian", odir: "asc" })).map((r) => r.name),
    ).toEqual(["Chetan", "Asha", "Bina"]);
    expect(
      sortOfficers(rows, parseOfficerSort({ osort: "firstResponseMedian", odir: "desc" })).map((r) => r.name),
    ).toEqual(["Asha", "Chetan", "Bina"]);
  });
  it("ignores unknown keys", () => {
    expect(parseOfficerSort({ osort: "passwordHash", odir: "sideways" })).toEqual({ id: "closed", desc: true });
  });
});
