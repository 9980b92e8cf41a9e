// The SLA rule (lib/sla/rule.ts) as SQL fragments on the "Tip" alias `t` (or a relation with its
// columns, such as the dashboard's deltas): calls of mukhbir_internal.sla_breached and sla_window
// (prisma/functions) with the tip's targets bound as whole-second parameters. The queue's view, its
// counters, and the dashboard's tiles and rollups all filter and count through these.
import { Prisma } from "../generated/prisma/client";
import { OPEN_SQL } from "../tips/open-sql";
import type { SlaClock, SlaSeconds } from "./rule";

const PRIORITY = Prisma.sql`t."priority"`;

/** A clock's target in seconds for `priority` (an SQL expression, enum or text). */
export function targetSql(secs: SlaSeconds, clock: SlaClock, priority: Prisma.Sql = PRIORITY): Prisma.Sql {
  const s = secs[clock];
  return Prisma.sql`CASE ${priority} WHEN 'URGENT' THEN ${s.URGENT}::int WHEN 'HIGH' THEN ${s.HIGH}::int WHEN 'NORMAL' THEN ${s.NORMAL}::int WHEN 'LOW' THEN ${s.LOW}::int END`;
}

/** Breached by `at` (a Date, or an SQL expression): either clock missed its target. */
export function breachedSql(secs: SlaSeconds, at: Date | Prisma.Sql): Prisma.Sql {
  const instant = at instanceof Date ? Prisma.sql`${at}::timestamptz` : at;
  return Prisma.sql`mukhbir_internal.sla_breached(t."receivedAt", t."firstResponseAt", t."closedAt", ${targetSql(secs, "firstResponse")}, ${targetSql(secs, "resolution")}, ${instant})`;
}

/** Seconds an open tip of `priority` has from receipt; `responded` is an SQL boolean. */
export function windowSql(secs: SlaSeconds, responded: Prisma.Sql, priority: Prisma.Sql = PRIORITY): Prisma.Sql {
  return Prisma.sql`mukhbir_internal.sla_window(${responded}, ${targetSql(secs, "firstResponse", priority)}, ${targetSql(secs, "resolution", priority)})`;
}

/** Overdue at `now` ("Breaching SLA"): open, and the clock it is racing ran out. */
export function overdueSql(secs: SlaSeconds, now: Date): Prisma.Sql {
  return Prisma.sql`(${OPEN_SQL} AND t."receivedAt" < ${now}::timestamptz - make_interval(secs => ${windowSql(secs, Prisma.sql`t."firstResponseAt" IS NOT NULL`)}))`;
}
