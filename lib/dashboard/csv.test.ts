import { describe, it, expect } from "vitest";
import { csvCell, csvLine } from "./csv";

describe("csv", () => {
  it("neutralises formula injection", () => {
    for (const evil of ['=HYPERLINK("http://x")', "+91 98765", "-2+3", "@SUM(A1)", "\tcmd", "\r=1"])
      expect(csvCell(evil).replace(/^"/, "").startsWith("'")).toBe(true);
    expect(csvCell("=1+1")).toBe("'=1+1");
    expect(csvCell(-5)).toBe("-5"); // numbers we write ourselves stay numbers
  });

  it("quotes separators, quotes and newlines, keeps Hindi as is", () => {
    expect(csvCell("a,b")).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell("line\nbreak")).toBe('"line\nbreak"');
    expect(csvCell("धूमनगंज")).toBe("धूमनगंज");
    expect(csvLine(["x", null, 3])).toBe("x,,3\r\n");
  });
});
