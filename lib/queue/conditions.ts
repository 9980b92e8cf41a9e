// The WHERE clause of a queue query: station scope (always), the view, the filters and search.
import type { Viewer } from "../tips/scope";
import { breachingSql } from "../sla/sql";
import type { SlaTargets } from "../sla/targets";
import { TIME_ZONE } from "../i18n/locales";
import { normaliseSearch, type QueueParams, type View } from "./params";
import { OPEN_SQL, scopeCondition, type SqlParams } from "./sql";

export type QueryContext = { viewer: Viewer; targets: SlaTargets; now: Date };

// Built once: constructing these formatters (and toLocaleString, which builds one per call) showed
// in the queue page's CPU profile.
const DAY = new Intl.DateTimeFormat("en-CA", { timeZone: TIME_ZONE, year: "numeric", month: "2-digit", day: "2-digit" });
const WALL_CLOCK = new Intl.DateTimeFormat("en-US", { timeZone: TIME_ZONE, hourCycle: "h23", year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric", second: "numeric" });

/** Start of today in the desk's time zone (India has no DST, but compute it properly anyway). */
export function startOfToday(now: Date): Date {
  const utcMidnight = new Date(`${DAY.format(now)}T00:00:00Z`);
  // The desk's wall clock at that UTC instant, read as if it were UTC, gives the zone's offset.
  const p = Object.fromEntries(WALL_CLOCK.formatToParts(utcMidnight).map((x) => [x.type, x.value]));
  const wall = Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour, +p.minute, +p.second);
  return new Date(utcMidnight.getTime() - (wall - utcMidnight.getTime()));
}

export function viewCondition(view: View, ctx: QueryContext, p: SqlParams): string {
  switch (view) {
    case "unassigned":
      // Written as the partial index's predicate so the planner uses it.
      return `(t."assigneeId" IS NULL) AND (${OPEN_SQL})`;
    case "mine":
      return `t."assigneeId" = ${p.add(ctx.viewer.id)}::uuid AND ${OPEN_SQL}`;
    case "open":
      return OPEN_SQL;
    case "breaching":
      return breachingSql(ctx.targets, p.add, ctx.now);
    case "waiting":
      return `t."status" = 'WAITING_INFORMANT'`;
    case "closedToday":
      return `t."closedAt" >= ${p.add(startOfToday(ctx.now))}::timestamptz AND t."status" IN ('CLOSED', 'MERGED')`;
    case "all":
      return "TRUE";
  }
}

/** Escapes LIKE wildcards so a search for "50%" means the text "50%". */
const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export function filterConditions(f: QueueParams, p: SqlParams): string[] {
  const out: string[] = [];
  if (f.status) out.push(`t."status" = ${p.add(f.status)}::"TipStatus"`);
  if (f.priority) out.push(`t."priority" = ${p.add(f.priority)}::"Priority"`);
  if (f.category) out.push(`t."category" = ${p.add(f.category)}::"Category"`);
  if (f.channel) out.push(`t."channel" = ${p.add(f.channel)}::"Channel"`);
  if (f.station) out.push(f.station === "none" ? `t."stationId" IS NULL` : `t."stationId" = ${p.add(f.station)}::uuid`);
  if (f.assignee) out.push(f.assignee === "none" ? `t."assigneeId" IS NULL` : `t."assigneeId" = ${p.add(f.assignee)}::uuid`);
  if (f.q) {
    const q = normaliseSearch(f.q);
    // Trigram GIN (Tip_searchText_idx) serves LIKE '%…%' in any script; a ref typed in full matches too.
    out.push(`(t."searchText" LIKE ${p.add(`%${likeEscape(q)}%`)} OR t."ref" = ${p.add(f.q.trim().toUpperCase())})`);
  }
  if (f.entity) {
    const i = f.entity.indexOf(":");
    out.push(`EXISTS (SELECT 1 FROM "TipEntity" e WHERE e."tipId" = t."id" AND e."kind" = ${p.add(f.entity.slice(0, i))} AND e."value" = ${p.add(f.entity.slice(i + 1))})`);
  }
  return out;
}

export function whereClause(f: QueueParams, ctx: QueryContext, p: SqlParams, view: View = f.view): string {
  return [scopeCondition(ctx.viewer, p), viewCondition(view, ctx, p), ...filterConditions(f, p)].map((c) => `(${c})`).join(" AND ");
}
