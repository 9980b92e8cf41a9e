// A tiny builder for parameterised SQL: values are bound ($1, $2…), never spliced into the text.
// Used by the queue queries and the claim statement, which need conditions Prisma cannot express
// (keyset comparisons, trigram LIKE, the SLA rule) together with the station scope.
import { tipScopeSql, type Viewer } from "../tips/scope";

export class SqlParams {
  readonly values: unknown[] = [];
  /** Binds a value and returns its placeholder. */
  add = (value: unknown): string => {
    this.values.push(value instanceof Date ? value.toISOString() : value);
    return `$${this.values.length}`;
  };
}

/** tipScope(viewer) as a condition on alias `t`, bound into `p`. */
export function scopeCondition(viewer: Viewer, p: SqlParams): string {
  const s = tipScopeSql(viewer);
  return s.params.length ? s.sql.replace("$SCOPE", p.add(s.params[0])) : s.sql;
}

export const OPEN_STATUSES = ["NEW", "IN_PROGRESS", "WAITING_INFORMANT"] as const;
/** Matches the partial indexes' predicate text so the planner can use them. */
export const OPEN_SQL = `t."status" = ANY (ARRAY['NEW'::"TipStatus", 'IN_PROGRESS'::"TipStatus", 'WAITING_INFORMANT'::"TipStatus"])`;
