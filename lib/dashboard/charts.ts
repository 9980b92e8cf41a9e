// Chart series for the range: arrivals per day by channel, by category, by police station, the
// hour × weekday load, outcomes of closed tips and first-response buckets. GROUPING SETS over the
// range's single scan (range-scan.ts); the range can hold hundreds of thousands of tips.
import "server-only";
import type { Category, Outcome } from "../generated/prisma/enums";
import { daysOf, type DashboardFilters } from "./filters";
import { scanRange, type RangeScan } from "./range-scan";
import { splitIstHour } from "../time/ist";

export { RESPONSE_BUCKETS } from "./rollup-series";
export const BUCKET_KEYS = ["m0_5", "m5_15", "m15_60", "h1_4", "h4plus"] as const;
export type BucketKey = (typeof BUCKET_KEYS)[number];

export type Charts = {
  perDay: { day: string; WHATSAPP: number; VOICE: number }[];
  byCategory: { category: Category; count: number }[];
  byStation: { stationId: string | null; count: number }[];
  /** isoDow 1 = Monday … 7 = Sunday; hour 0–23 IST. All 168 cells, zeros included. */
  heatmap: { isoDow: number; hour: number; count: number }[];
  outcomes: { outcome: Outcome; count: number }[];
  responseBuckets: { bucket: BucketKey; count: number }[];
};

export async function getCharts(f: DashboardFilters): Promise<Charts> {
  return chartsFrom(await scanRange(f), f);
}

export function chartsFrom({ sets }: RangeScan, f: DashboardFilters): Charts {
  const perDay = new Map(daysOf(f).map((d) => [d, { day: d, WHATSAPP: 0, VOICE: 0 }]));
  const heat = new Map<string, number>();
  const charts: Charts = { perDay: [], byCategory: [], byStation: [], heatmap: [], outcomes: [], responseBuckets: [] };
  const buckets = [0, 0, 0, 0, 0];
  for (const r of sets) {
    const n = Number(r.n);
    if (r.g === "hour") {
      // Grouped by IST hour and channel: both the per-day series and the 24 × 7 heat map add up from it.
      const { day, isoDow, hour } = splitIstHour(r.h);
      const d = perDay.get(day);
      if (d) d[r.channel] += n;
      const key = `${isoDow}:${hour}`;
      heat.set(key, (heat.get(key) ?? 0) + n);
    } else if (r.g === "category") charts.byCategory.push({ category: r.category, count: n });
    else if (r.g === "station") charts.byStation.push({ stationId: r.stationId, count: n });
    else if (r.g === "outcome" && r.outcome) charts.outcomes.push({ outcome: r.outcome, count: n });
    else if (r.g === "bucket" && r.bucket !== null) buckets[r.bucket] = n;
  }
  charts.perDay = [...perDay.values()];
  for (let isoDow = 1; isoDow <= 7; isoDow++)
    for (let hour = 0; hour < 24; hour++)
      charts.heatmap.push({ isoDow, hour, count: heat.get(`${isoDow}:${hour}`) ?? 0 });
  const desc = <T extends { count: number }>(a: T, b: T) => b.count - a.count;
  charts.byCategory.sort(desc);
  charts.byStation.sort(desc);
  charts.outcomes.sort(desc);
  charts.responseBuckets = BUCKET_KEYS.map((bucket, i) => ({ bucket, count: buckets[i] }));
  return charts;
}
