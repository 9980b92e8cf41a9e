// Chart series for the range: arrivals per day by channel, by category, by police station, the
// hour × weekday load, outcomes of closed tips and first-response buckets. One scan of the range
// with GROUPING SETS instead of six scans (the range can hold hundreds of thousands of tips).
import "server-only";
import { db } from "../db";
import type { Category, Channel, Outcome } from "../generated/prisma/enums";
import { daysOf, type DashboardFilters } from "./filters";
import { rangeWhere, ARRIVAL_DAY, FIRST_RESPONSE_SECONDS } from "./sql";

/** Upper bounds (seconds, exclusive) of the first-response buckets; the last bucket is open-ended. */
export const RESPONSE_BUCKETS = [5 * 60, 15 * 60, 60 * 60, 4 * 60 * 60] as const;
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

type Row = {
  gDay: number; gCategory: number; gStation: number; gHour: number; gOutcome: number; gBucket: number;
  day: string | null; channel: Channel | null; category: Category | null; stationId: string | null;
  isoDow: number | null; hour: number | null; outcome: Outcome | null; bucket: number | null; n: number;
};

export async function getCharts(f: DashboardFilters): Promise<Charts> {
  const [b5, b15, b60, b240] = RESPONSE_BUCKETS;
  const rows = await db.$queryRaw<Row[]>`
    WITH r AS (
      SELECT ${ARRIVAL_DAY} AS "day", t."channel", t."category", t."stationId",
        EXTRACT(ISODOW FROM t."receivedAt" AT TIME ZONE 'Asia/Kolkata')::int AS "isoDow",
        EXTRACT(HOUR FROM t."receivedAt" AT TIME ZONE 'Asia/Kolkata')::int AS "hour",
        CASE WHEN t."status" = 'CLOSED' THEN t."outcome" END AS "outcome",
        CASE WHEN t."firstResponseAt" IS NULL THEN NULL
          WHEN ${FIRST_RESPONSE_SECONDS} < ${b5}::int THEN 0 WHEN ${FIRST_RESPONSE_SECONDS} < ${b15}::int THEN 1
          WHEN ${FIRST_RESPONSE_SECONDS} < ${b60}::int THEN 2 WHEN ${FIRST_RESPONSE_SECONDS} < ${b240}::int THEN 3 ELSE 4 END AS "bucket"
      FROM "Tip" t WHERE ${rangeWhere(f)}
    )
    SELECT GROUPING("day")::int AS "gDay", GROUPING("category")::int AS "gCategory", GROUPING("stationId")::int AS "gStation",
      GROUPING("hour")::int AS "gHour", GROUPING("outcome")::int AS "gOutcome", GROUPING("bucket")::int AS "gBucket",
      "day", "channel", "category", "stationId", "isoDow", "hour", "outcome", "bucket", count(*)::int AS "n"
    FROM r
    GROUP BY GROUPING SETS (("day", "channel"), ("category"), ("stationId"), ("isoDow", "hour"), ("outcome"), ("bucket"))`;

  const perDay = new Map(daysOf(f).map((d) => [d, { day: d, WHATSAPP: 0, VOICE: 0 }]));
  const heat = new Map<string, number>();
  const charts: Charts = { perDay: [], byCategory: [], byStation: [], heatmap: [], outcomes: [], responseBuckets: [] };
  const buckets = [0, 0, 0, 0, 0];
  for (const r of rows) {
    if (r.gDay === 0) {
      const d = perDay.get(r.day!);
      if (d) d[r.channel!] += r.n;
    } else if (r.gCategory === 0) charts.byCategory.push({ category: r.category!, count: r.n });
    else if (r.gStation === 0) charts.byStation.push({ stationId: r.stationId, count: r.n });
    else if (r.gHour === 0) heat.set(`${r.isoDow}:${r.hour}`, r.n);
    else if (r.gOutcome === 0 && r.outcome) charts.outcomes.push({ outcome: r.outcome, count: r.n });
    else if (r.gBucket === 0 && r.bucket !== null) buckets[r.bucket] = r.n;
  }
  charts.perDay = [...perDay.values()];
  for (let isoDow = 1; isoDow <= 7; isoDow++)
    for (let hour = 0; hour < 24; hour++) charts.heatmap.push({ isoDow, hour, count: heat.get(`${isoDow}:${hour}`) ?? 0 });
  const desc = <T extends { count: number }>(a: T, b: T) => b.count - a.count;
  charts.byCategory.sort(desc);
  charts.byStation.sort(desc);
  charts.outcomes.sort(desc);
  charts.responseBuckets = BUCKET_KEYS.map((bucket, i) => ({ bucket, count: buckets[i] }));
  return charts;
}
