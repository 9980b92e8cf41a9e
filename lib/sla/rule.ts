// THE SLA rule (docs/SLA.md, ADR 0030), in TypeScript. Its SQL form is the two functions
// mukhbir_internal.sla_breached and sla_window (prisma/functions), bound to the same whole-second
// targets by lib/sla/sql.ts; lib/sla/agreement.int.test.ts runs both over the same tips.
// Pure, so the browser's ticking timer, the server and the tests agree on every instant.
//
// Every tip runs two clocks from its receipt:
//  - first response: stops at the first response (a claim or a reply), or at closing if none came;
//  - resolution: stops at closing (CLOSED or MERGED).
// A clock MISSES its target when it stopped after it, or is still running past it; exactly at the
// target is in time. A tip is BREACHED once either clock missed (the dashboard's figure, the
// closed tip's verdict). An open tip is OVERDUE while the clock it is racing now has run out: the
// earlier of the two while unanswered, the resolution clock after (the queue's "Breaching SLA").
import type { Priority } from "../generated/prisma/enums";
import type { SlaTargets } from "./targets";

export type SlaClock = "firstResponse" | "resolution";
/** What the rule reads of a tip: closed means `closedAt` is set (reopening clears it). */
export type SlaTip = {
  priority: Priority;
  receivedAt: Date | string;
  firstResponseAt: Date | string | null;
  closedAt: Date | string | null;
};
/** Targets in whole seconds per clock and priority: what the rule compares and SQL binds. */
export type SlaSeconds = Record<SlaClock, Record<Priority, number>>;

export const ms = (d: Date | string) => (typeof d === "string" ? Date.parse(d) : d.getTime());

/** Stored targets are minutes (possibly fractional); the rule counts whole seconds. */
export function slaSeconds(t: SlaTargets): SlaSeconds {
  const secs = (m: Record<Priority, number>) => ({
    URGENT: Math.round(m.URGENT * 60),
    HIGH: Math.round(m.HIGH * 60),
    NORMAL: Math.round(m.NORMAL * 60),
    LOW: Math.round(m.LOW * 60),
  });
  return { firstResponse: secs(t.firstResponse), resolution: secs(t.resolution) };
}

/** Breached by `now`: either clock missed its target. SQL: mukhbir_internal.sla_breached. */
export function slaBreached(tip: SlaTip, secs: SlaSeconds, now: number): boolean {
  const received = ms(tip.receivedAt);
  const firstResponseEnd = tip.firstResponseAt ? ms(tip.firstResponseAt) : tip.closedAt ? ms(tip.closedAt) : now;
  const resolutionEnd = tip.closedAt ? ms(tip.closedAt) : now;
  return (
    firstResponseEnd - received > secs.firstResponse[tip.priority] * 1000 ||
    resolutionEnd - received > secs.resolution[tip.priority] * 1000
  );
}

/**
 * Seconds from receipt an open tip has before the clock it is racing runs out: the resolution
 * target once answered, else whichever target comes first. SQL: mukhbir_internal.sla_window.
 */
export function slaWindow(responded: boolean, firstResponseSecs: number, resolutionSecs: number): number {
  return responded ? resolutionSecs : Math.min(firstResponseSecs, resolutionSecs);
}

/** The clock an open tip is racing, and when it runs out. */
export function runningClock(tip: SlaTip, secs: SlaSeconds): { clock: SlaClock; targetMs: number; dueMs: number } {
  const fr = secs.firstResponse[tip.priority],
    res = secs.resolution[tip.priority];
  const window = slaWindow(!!tip.firstResponseAt, fr, res);
  const clock: SlaClock = !tip.firstResponseAt && fr <= res ? "firstResponse" : "resolution";
  return { clock, targetMs: window * 1000, dueMs: ms(tip.receivedAt) + window * 1000 };
}

/** Overdue at `now`: open, and the clock it is racing ran out. SQL: lib/sla/sql.ts overdueSql. */
export function slaOverdue(tip: SlaTip, secs: SlaSeconds, now: number): boolean {
  return !tip.closedAt && now > runningClock(tip, secs).dueMs;
}
