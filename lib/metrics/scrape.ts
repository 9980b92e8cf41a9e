// One scrape of /api/metrics: the database-backed gauges are read now, in three cheap statements —
// the job table's unfinished rows by kind and state (index on state), the queue's view counts for
// a district-wide viewer (trigger-maintained counters plus the SLA rule's one-hour edge, ADR 0302;
// the same numbers the queue shows, by lib/sla), and the locked sign-in pairs — then the registry
// is rendered in Prometheus' text format.
import "server-only";
import { db } from "../db";
import { countViews } from "../queue/count-views";
import { slaTargets } from "../sla/settings";
import type { Viewer } from "../auth/scope";
import { metrics } from "./registry";

/** Sees every station, like a supervisor: the counts are the whole district's. */
const DISTRICT: Viewer = {
  id: "00000000-0000-0000-0000-000000000000",
  role: "SUPERVISOR",
  stationId: null,
  districtWide: true,
};

export async function scrapeMetrics(now = new Date()): Promise<{ body: string; contentType: string }> {
  const m = metrics();
  const [jobs, views, locked] = await Promise.all([
    db.$queryRaw<{ kind: string; state: string; n: number }[]>`
      SELECT "kind", "state"::text AS "state", count(*)::int AS n FROM "Job"
      WHERE "state" IN ('PENDING', 'RUNNING', 'FAILED') GROUP BY 1, 2`,
    slaTargets().then((targets) => countViews({ viewer: DISTRICT, targets, now })),
    db.$queryRaw<
      { n: number }[]
    >`SELECT count(*)::int AS n FROM "LoginThrottle" WHERE "key" LIKE 'p:%' AND "lockedUntil" > now()`,
  ]);
  m.jobs.reset();
  for (const r of jobs) m.jobs.set({ kind: r.kind, state: r.state }, r.n);
  m.tipsOpen.set(views.open);
  m.tipsBreaching.set(views.breaching);
  m.signInLocked.set(locked[0]?.n ?? 0);
  return { body: await m.registry.metrics(), contentType: m.registry.contentType };
}
