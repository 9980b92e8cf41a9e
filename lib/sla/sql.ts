// The SLA rule as SQL, for views that must filter in the database ("Breaching SLA"). Same rule
// as computeSla(): an open tip is late when it has no first response past its first-response
// target, or is still open past its resolution target. Targets are bound as parameters.
import { Prisma } from "../generated/prisma/client";
import type { SlaTargets } from "./targets";

/** A priority's target in whole minutes; `priority` is an SQL expression (enum or text). */
export function targetMinutesSql(targets: SlaTargets, kind: "firstResponse" | "resolution", priority = Prisma.sql`t."priority"`): Prisma.Sql {
  const t = targets[kind];
  return Prisma.sql`CASE ${priority} WHEN 'URGENT' THEN ${t.URGENT}::int WHEN 'HIGH' THEN ${t.HIGH}::int WHEN 'NORMAL' THEN ${t.NORMAL}::int WHEN 'LOW' THEN ${t.LOW}::int END`;
}

/** A condition on the "Tip" alias `t`. */
export function breachingSql(targets: SlaTargets, now: Date): Prisma.Sql {
  const n = Prisma.sql`${now}::timestamptz`;
  return Prisma.sql`(t."status" IN ('NEW', 'IN_PROGRESS', 'WAITING_INFORMANT') AND (
    (t."firstResponseAt" IS NULL AND t."receivedAt" < ${n} - make_interval(mins => ${targetMinutesSql(targets, "firstResponse")}))
    OR t."receivedAt" < ${n} - make_interval(mins => ${targetMinutesSql(targets, "resolution")})))`;
}
