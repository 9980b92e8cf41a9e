// Sorting of the officers' table, from the URL (?osort=closed&odir=desc). The list is small (one
// row per officer with activity), so it is sorted whole on the server after the query.
import { z } from "zod";
import type { OfficerRow } from "./officers";

const KEYS = ["name", "claimed", "closed", "firstResponseMedian", "openNow"] as const;
export const OFFICER_URL_KEYS = { sort: "osort", dir: "odir", after: "oafter", before: "obefore" };
export type OfficerSort = { id: (typeof KEYS)[number]; desc: boolean };

const one = (v: unknown) => (Array.isArray(v) ? v[0] : v);
const schema = z.object({
  osort: z.preprocess(one, z.enum(KEYS).catch("closed")).default("closed"),
  odir: z.preprocess(one, z.enum(["asc", "desc"]).catch("desc")).default("desc"),
});

export function parseOfficerSort(params: Record<string, string | string[] | undefined>): OfficerSort {
  const p = schema.parse(params);
  return { id: p.osort, desc: p.odir === "desc" };
}

/** Sorted copy; officers without a value (no first response yet) always go last. */
export function sortOfficers(rows: OfficerRow[], sort: OfficerSort): OfficerRow[] {
  const dir = sort.desc ? -1 : 1;
  return [...rows].sort((a, b) => {
    const x = a[sort.id];
    const y = b[sort.id];
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
    const c = typeof x === "string" ? x.localeCompare(y as string) : (x as number) - (y as number);
    return c * dir || a.name.localeCompare(b.name);
  });
}
