// Folding live row updates into the open page, in the page's own sort order, without letting the
// page grow: rows that no longer match leave, new ones enter where they sort, and the page keeps at
// most `size` rows (the cursor of its new last row becomes the "next" link).
import type { QueueRow } from "@/lib/queue/list-queue";
import type { SortKey } from "@/lib/queue/params";

export type Sort = { key: SortKey; desc: boolean };
export type PageState = { rows: QueueRow[]; prev: string | null; next: string | null };

const RANK = { URGENT: 0, HIGH: 1, NORMAL: 2, LOW: 3 } as const;

/** The values the server sorts by, in order (the id breaks ties). */
function sortValues(r: QueueRow, key: SortKey): (string | number)[] {
  switch (key) {
    case "received":
      return [r.receivedAt];
    case "lastActivity":
      return [r.lastActivityAt];
    case "priority":
      return [r.priority, r.receivedAt];
    case "ref":
      return [r.ref];
    case "closed":
      return [r.closedAt ?? ""];
    case "relevance":
      return [r.receivedAt];
  }
}

/** Which rows a page holds and its cursors follow this order; relevance pages are the newest matches (ADR 0710). */
const pageOrder = (sort: Sort): Sort => (sort.key === "relevance" ? { key: "received", desc: true } : sort);

/** How a page is shown: relevance puts the page's exact matches first, then phonetic, then typos, each newest first. */
function showOrder(rows: QueueRow[], sort: Sort): QueueRow[] {
  return sort.key === "relevance" ? rows.sort((a, b) => (b.rank ?? 0) - (a.rank ?? 0)) : rows;
}

export function compareRows(a: QueueRow, b: QueueRow, sort: Sort): number {
  const va = [...sortValues(a, sort.key), a.id];
  const vb = [...sortValues(b, sort.key), b.id];
  for (let i = 0; i < va.length; i++) {
    const x = sort.key === "priority" && i === 0 ? RANK[a.priority] : va[i];
    const y = sort.key === "priority" && i === 0 ? RANK[b.priority] : vb[i];
    if (x < y) return sort.desc ? 1 : -1;
    if (x > y) return sort.desc ? -1 : 1;
  }
  return 0;
}

/** The keyset cursor of a row, as lib/queue/cursor.ts encodes it (base64url JSON). */
export function cursorFor(r: QueueRow, key: SortKey): string {
  const json = JSON.stringify([...sortValues(r, key), r.id]);
  return btoa(json).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

export function mergeRows(
  page: PageState,
  fresh: QueueRow[],
  requested: string[],
  opts: { sort: Sort; size: number; firstPage: boolean },
): { page: PageState; inserted: string[] } {
  const sort = pageOrder(opts.sort);
  const byId = new Map(fresh.map((r) => [r.id, r]));
  const gone = new Set(requested.filter((id) => !byId.has(id)));
  let rows = page.rows
    .filter((r) => !gone.has(r.id))
    .map((r) => byId.get(r.id) ?? r)
    .sort((a, b) => compareRows(a, b, sort));
  const present = new Set(rows.map((r) => r.id));
  const inserted: string[] = [];
  for (const r of fresh) {
    if (present.has(r.id)) continue;
    const first = rows[0];
    const last = rows[rows.length - 1];
    // Before this page's first row: it belongs to an earlier page (unless this is the first).
    if (!opts.firstPage && first && compareRows(r, first, sort) < 0) continue;
    // After the last row while later pages exist: it belongs to one of them.
    if (page.next && last && compareRows(r, last, sort) > 0) continue;
    rows.push(r);
    inserted.push(r.id);
  }
  rows.sort((a, b) => compareRows(a, b, sort));
  let next = page.next;
  if (rows.length > opts.size) {
    rows = rows.slice(0, opts.size);
    next = cursorFor(rows[rows.length - 1], sort.key);
  }
  return {
    page: { rows: showOrder(rows, opts.sort), prev: page.prev, next },
    inserted: inserted.filter((id) => rows.some((r) => r.id === id)),
  };
}
