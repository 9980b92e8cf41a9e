// The SLA rule as SQL, for views that must filter in the database ("Breaching SLA"). Same rule
// as computeSla(): an open tip is late when it has no first response past its first-response
// target, or is still open past its resolution target. Targets are bound as parameters.
import type { SlaTargets } from "./targets";
import { PRIORITIES } from "./targets";

/** A priority's target in whole minutes; `priority` is an SQL expression (enum or text). */
export function targetMinutesSql(targets: SlaTargets, kind: "firstResponse" | "resolution", param: (v: unknown) => string, priority = `t."priority"`): string {
  return `CASE ${priority} ${PRIORITIES.map((p) => `WHEN '${p}' THEN ${param(targets[kind][p])}::int`).join(" ")} END`;
}

/** A condition on the "Tip" alias `t`; `param(v)` binds a value and returns its placeholder. */
export function breachingSql(targets: SlaTargets, param: (v: unknown) => string, now: Date): string {
  const n = `${param(now)}::timestamptz`;
  return `(t."status" IN ('NEW', 'IN_PROGRESS', 'WAITING_INFORMANT') AND (
    (t."firstResponseAt" IS NULL AND t."receivedAt" < ${n} - make_interval(mins => ${targetMinutesSql(targets, "firstResponse", param)}))
    OR t."receivedAt" < ${n} - make_interval(mins => ${targetMinutesSql(targets, "resolution", param)})))`;
}
