// Dashboard filters live in the URL (?range=7d&station=…&category=…, or range=custom&from=&to=).
// Parsed with Zod at the page and route boundary; anything invalid falls back to a safe default
// rather than erroring, because these URLs get bookmarked and shared. Days are IST days (lib/time).
import { z } from "zod";
import { Category } from "../generated/prisma/enums";
import { addDays, daysBetween, istDay, istMidnight } from "../time/ist";

export const RANGES = ["today", "7d", "30d", "custom"] as const;
export type RangeKey = (typeof RANGES)[number];

/** The longest range the dashboard reads (a custom range is cut to it). */
export const MAX_DAYS = 366;

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s));
const one = (v: unknown) => (Array.isArray(v) ? v[0] : v);

export const filterSchema = z.object({
  range: z.preprocess(one, z.enum(RANGES).catch("7d")).default("7d"),
  from: z.preprocess(one, day.optional().catch(undefined)),
  to: z.preprocess(one, day.optional().catch(undefined)),
  station: z.preprocess(one, z.uuid().optional().catch(undefined)),
  category: z.preprocess(
    one,
    z
      .enum(Object.values(Category) as [Category, ...Category[]])
      .optional()
      .catch(undefined),
  ),
});

export type DashboardFilters = {
  range: RangeKey;
  /** First and last IST day of the range, inclusive (YYYY-MM-DD). */
  fromDay: string;
  toDay: string;
  /** The same range as instants: [from, to). */
  from: Date;
  to: Date;
  stationId: string | null;
  category: Category | null;
};

/** Every IST day of the range in order, for filling days that had no tips. */
export function daysOf(f: Pick<DashboardFilters, "fromDay" | "toDay">): string[] {
  const out: string[] = [];
  for (let d = f.fromDay; d <= f.toDay && out.length <= MAX_DAYS; d = addDays(d, 1)) out.push(d);
  return out;
}

export function parseFilters(
  params: Record<string, string | string[] | undefined>,
  now = new Date(),
): DashboardFilters {
  const p = filterSchema.parse(params);
  const today = istDay(now);
  let fromDay = today;
  let toDay = today;
  let range: RangeKey = p.range;
  if (range === "7d") fromDay = addDays(today, -6);
  else if (range === "30d") fromDay = addDays(today, -29);
  else if (range === "custom") {
    if (!p.from || !p.to) {
      range = "7d";
      fromDay = addDays(today, -6);
    } else {
      [fromDay, toDay] = p.from <= p.to ? [p.from, p.to] : [p.to, p.from];
      // A year at most: an accidental ten-year range would be a heavy query for nothing.
      if (daysBetween(fromDay, toDay) >= MAX_DAYS) fromDay = addDays(toDay, -(MAX_DAYS - 1));
    }
  }
  return {
    range,
    fromDay,
    toDay,
    from: istMidnight(fromDay),
    to: istMidnight(addDays(toDay, 1)),
    stationId: p.station ?? null,
    category: p.category ?? null,
  };
}

/** Back to URL search params (only what differs from the default), for links and the CSV URL. */
export function filtersToQuery(
  f: Pick<DashboardFilters, "range" | "fromDay" | "toDay" | "stationId" | "category">,
): string {
  const q = new URLSearchParams();
  q.set("range", f.range);
  if (f.range === "custom") {
    q.set("from", f.fromDay);
    q.set("to", f.toDay);
  }
  if (f.stationId) q.set("station", f.stationId);
  if (f.category) q.set("category", f.category);
  return q.toString();
}
