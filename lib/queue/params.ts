// The queue's whole state lives in the URL: view, filters, search, sort and keyset cursor. This is
// the one parser for it (pages, the rows JSON route and the client all use it). Unknown or bad
// values fall back to defaults instead of failing, so an old or hand-edited link still opens.
import { z } from "zod";
import { Category, Channel, Priority, TipStatus } from "../generated/prisma/enums";
import { normaliseSearch, parseSearch, type ParsedSearch } from "../search/query";
import { INTEL_GRADES } from "../grading/scale";

/** `watched`: tips tagged by a watch item the viewer owns or that is shared (ADR 0702). */
export const VIEWS = ["unassigned", "mine", "open", "breaching", "waiting", "closedToday", "watched", "all"] as const;
export type View = (typeof VIEWS)[number];
/** Views that show a count (the archive-wide "all" would cost a full count at a million tips; "watched" is a list of alerts). */
export const COUNTED_VIEWS = VIEWS.filter((v) => v !== "all" && v !== "watched");

/** `relevance` only with a search: the newest matches, each page shown exact, then phonetic, then fuzzy (ADR 0710). */
export const SORTS = ["received", "lastActivity", "priority", "ref", "closed", "relevance"] as const;
export type SortKey = (typeof SORTS)[number];
export const PAGE_SIZES = [25, 50, 100] as const;

const soft = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);
const istDaySchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d));
const uuidOr = (...extra: string[]) => soft(z.union([z.uuid(), z.enum(extra as [string, ...string[]])]));

export const queueParamsSchema = z.object({
  view: z.enum(VIEWS).catch("unassigned").default("unassigned"),
  status: soft(z.enum(TipStatus)),
  priority: soft(z.enum(Priority)),
  category: soft(z.enum(Category)),
  channel: soft(z.enum(Channel)),
  station: uuidOr("none"),
  assignee: uuidOr("none"),
  q: soft(
    z
      .string()
      .trim()
      .max(200)
      .transform((s) => s || undefined),
  ),
  /** `kind:value`, e.g. vehicle:UP70AB1234 (TipEntity). */
  entity: soft(
    z
      .string()
      .trim()
      .regex(/^[a-z_]{1,32}:.{1,100}$/),
  ),
  /** The officer's grade (ADR 0707): source evaluation 1-3 and information assessment A-E; `none`: not graded. */
  source: soft(z.enum(["1", "2", "3", "none"])),
  intel: soft(z.enum([...INTEL_GRADES, "none"])),
  /** Received on or after this IST day / on or before this one (YYYY-MM-DD): the dashboard's hot-spot links (ADR 0705). */
  from: soft(istDaySchema),
  to: soft(istDaySchema),
  sort: soft(z.enum(SORTS)),
  dir: soft(z.enum(["asc", "desc"])),
  after: soft(z.string().max(500)),
  before: soft(z.string().max(500)),
  size: z.coerce
    .number()
    .pipe(
      z.union(
        PAGE_SIZES.map((n) => z.literal(n)) as unknown as [z.ZodLiteral<25>, z.ZodLiteral<50>, z.ZodLiteral<100>],
      ),
    )
    .catch(50)
    .default(50),
});

export type QueueParams = z.infer<typeof queueParamsSchema>;

type RawParams = Record<string, string | string[] | undefined> | URLSearchParams;

export function parseQueueParams(input: RawParams): QueueParams {
  const flat: Record<string, string> = {};
  if (input instanceof URLSearchParams) input.forEach((v, k) => (flat[k] ??= v));
  else for (const [k, v] of Object.entries(input)) if (v !== undefined) flat[k] = Array.isArray(v) ? v[0] : v;
  return queueParamsSchema.parse(flat);
}

/** The sort a view uses unless the URL says otherwise: first in, first out for work views. */
export function effectiveSort(p: QueueParams): { key: SortKey; desc: boolean } {
  const fallback: { key: SortKey; desc: boolean } =
    p.view === "closedToday"
      ? { key: "closed", desc: true }
      : p.view === "all" || p.view === "watched"
        ? { key: "received", desc: true }
        : { key: "received", desc: false };
  const searching = !!p.q && parseSearch(p.q).ok;
  if (searching && (!p.sort || p.sort === "relevance")) return { key: "relevance", desc: true };
  const key =
    p.sort && p.sort !== "relevance" && (p.sort !== "closed" || p.view === "closedToday") ? p.sort : fallback.key;
  const desc = p.dir ? p.dir === "desc" : key === fallback.key ? fallback.desc : key === "lastActivity";
  return { key, desc };
}

/** Serialises params back to a query string, dropping defaults (for links and the rows route). */
export function queueSearch(
  p: Partial<QueueParams>,
  overrides: Partial<Record<keyof QueueParams, string | number | undefined>> = {},
): string {
  const s = new URLSearchParams();
  const merged = { ...p, ...overrides } as Record<string, unknown>;
  for (const [k, v] of Object.entries(merged)) {
    if (v === undefined || v === null || v === "") continue;
    if (k === "view" && v === "unassigned") continue;
    if (k === "size" && Number(v) === 50) continue;
    s.set(k, String(v));
  }
  const out = s.toString();
  return out ? `?${out}` : "";
}

/** Search text the way Tip.searchText is stored: NFKC, lower case, collapsed spaces. */
export { normaliseSearch };

/** The URL's search, parsed (undefined: none); `ok: false` is a query too short to run. */
export function searchOf(p: Pick<QueueParams, "q">): ParsedSearch | undefined {
  return p.q ? parseSearch(p.q) : undefined;
}
