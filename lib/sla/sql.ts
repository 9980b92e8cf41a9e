// The SLA rule as SQL, for views that must filter in the database ("Breaching SLA"). Same rule
// as computeSla(): an open tip is late when it has no first response past its first-response
// target, or is still open past its resolution target. Targets are bound as parameters.
import type { SlaTargets } from "./targets";
import { PRIORITIES } from "./targets";

/** A condition on the "Tip" alias `t`; `param(v)` binds a value and returns its placeholder. */
export function breachingSql(targets: SlaTargets, param: (v: unknown) => string, now: Date): string {
  const minutes = (kind: "firstResponse" | "resolution") =>
    `CASE t."priority" ${PRIORITIES.map((p) => `WHEN '${p}' THEN ${param(targets[kind][p])}::int`).join(" ")} END`;
  const n = `${param(now)}::timestamptz`;
  return `(t."status" IN ('NEW', 'IN_PROGRESS', 'WAITING_INFORMANT') AND (
    (t."firstResponseAt" IS NULL AND t."receivedAt" < ${n} - make_interval(mins => ${minutes("firstResponse")}))
    OR t."receivedAt" < ${n} - make_interval(mins => ${minutes("resolution")})))`;
}
