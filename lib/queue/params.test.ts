import { describe, expect, it } from "vitest";
import { effectiveSort, normaliseSearch, parseQueueParams, queueSearch } from "./params";
import { decodeCursor, encodeCursor } from "./cursor";

describe("queue URL state", () => {
  it("defaults to Unassigned, oldest first, 50 a page; bad values fall back", () => {
    const p = parseQueueParams({ view: "bogus", size: "7", priority: "NOPE", station: "x", q: "  " });
    expect(p).toMatchObject({ view: "unassigned", size: 50 });
    expect(p.priority).toBeUndefined();
    expect(p.station).toBeUndefined();
    expect(p.q).toBeUndefined();
    expect(effectiveSort(p)).toEqual({ key: "received", desc: false });
    expect(effectiveSort(parseQueueParams({ view: "closedToday" }))).toEqual({ key: "closed", desc: true });
    expect(effectiveSort(parseQueueParams({ view: "open", sort: "closed" }))).toEqual({ key: "received", desc: false });
  });

  it("round-trips through a query string without defaults", () => {
    const p = parseQueueParams(new URLSearchParams("view=open&priority=HIGH&sort=priority&dir=desc&q=शराब"));
    const s = queueSearch(p);
    expect(parseQueueParams(new URLSearchParams(s.slice(1)))).toEqual(p);
    expect(queueSearch(parseQueueParams({}))).toBe("");
  });

  it("normalises search like the stored text", () => {
    expect(normaliseSearch("  ＣＡＳＩＮＯ   Raja ")).toBe("casino raja");
  });

  it("cursors reject tampering", () => {
    const c = encodeCursor(["2026-01-01T00:00:00.000Z", "3b0c8c7e-0000-4000-8000-000000000000"]);
    expect(decodeCursor(c, 2)).toHaveLength(2);
    expect(decodeCursor(c, 3)).toBeUndefined();
    expect(decodeCursor("!!", 2)).toBeUndefined();
  });
});
