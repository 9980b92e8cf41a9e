import { describe, expect, it } from "vitest";
import { compareRows, cursorFor, mergeRows } from "./merge-rows";
import { decodeCursor } from "@/lib/queue/cursor";
import type { QueueRow } from "@/lib/queue/list-queue";

const row = (n: number, over: Partial<QueueRow> = {}): QueueRow => ({
  id: `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`,
  ref: `EM-2026-${String(n).padStart(6, "0")}`,
  receivedAt: new Date(Date.UTC(2026, 10, 30, 10, n)).toISOString(),
  lastActivityAt: new Date(Date.UTC(2026, 10, 30, 10, n)).toISOString(),
  channel: "WHATSAPP",
  preview: "",
  mediaCount: 0,
  category: "UNCATEGORISED",
  priority: "NORMAL",
  stationId: null,
  stationName: null,
  stationNameHi: null,
  status: "NEW",
  assigneeId: null,
  assigneeName: null,
  firstResponseAt: null,
  closedAt: null,
  flagged: false,
  grade: null,
  suggestedSource: "2",
  abusing: false,
  sla: { state: "ok", phase: "firstResponse", dueAt: "", remainingMs: 0, breached: false },
  ...over,
});
const sort = { key: "received" as const, desc: false };

describe("mergeRows", () => {
  it("inserts a new row where it sorts, updates and removes others, and never exceeds the page size", () => {
    const page = { rows: [row(1), row(3), row(5)], prev: null, next: null };
    const r = mergeRows(page, [row(2), row(3, { priority: "HIGH" })], [row(2).id, row(3).id, row(5).id], {
      sort,
      size: 3,
      firstPage: true,
    });
    expect(r.page.rows.map((x) => x.ref)).toEqual([row(1).ref, row(2).ref, row(3).ref]);
    expect(r.page.rows[2].priority).toBe("HIGH");
    expect(r.inserted).toEqual([row(2).id]);
    // row 5 left the view; nothing was trimmed, so there is still no next page.
    expect(r.page.next).toBeNull();
    const full = mergeRows(r.page, [row(0)], [row(0).id], { sort, size: 3, firstPage: true });
    expect(full.page.rows).toHaveLength(3);
    expect(decodeCursor(full.page.next!, 2)).toEqual([row(2).receivedAt, row(2).id]);
  });

  it("leaves rows that belong to other pages alone", () => {
    const page = { rows: [row(3), row(4)], prev: "p", next: "n" };
    const r = mergeRows(page, [row(1), row(9)], [row(1).id, row(9).id], { sort, size: 2, firstPage: false });
    expect(r.page.rows.map((x) => x.ref)).toEqual([row(3).ref, row(4).ref]);
    expect(r.inserted).toEqual([]);
  });

  it("sorts by priority rank, then received", () => {
    const s = { key: "priority" as const, desc: false };
    expect(compareRows(row(5, { priority: "URGENT" }), row(1, { priority: "LOW" }), s)).toBeLessThan(0);
    expect(cursorFor(row(5, { priority: "URGENT" }), "priority")).toBeTruthy();
  });

  it("keeps a relevance page to the newest matches, shown exact first, its cursor the oldest row's time (ADR 0710)", () => {
    const s = { key: "relevance" as const, desc: true };
    // Shown: rank 3 first, then 2, newest first within each.
    const page = { rows: [row(4, { rank: 3 }), row(2, { rank: 3 }), row(5, { rank: 2 })], prev: null, next: "n" };
    // A new phonetic match, newest of all, enters; the oldest row (2) leaves for the next page.
    const r = mergeRows(page, [row(6, { rank: 2 })], [row(6).id], { sort: s, size: 3, firstPage: true });
    expect(r.page.rows.map((x) => x.id)).toEqual([row(4).id, row(6).id, row(5).id]);
    expect(decodeCursor(r.page.next!, 2)).toEqual([row(4).receivedAt, row(4).id]);
    // An exact match older than the page's oldest row belongs to a later page, whatever its rank.
    const later = mergeRows(r.page, [row(1, { rank: 3 })], [row(1).id], { sort: s, size: 3, firstPage: true });
    expect(later.inserted).toEqual([]);
  });
});
