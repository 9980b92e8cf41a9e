// Recurring work on the durable job table: one job per period slot, deduplicated by
// `<kind>@<slot start>`, so several app instances (or restarts) schedule a slot once. A handler that
// finishes schedules the next slot; start-up schedules the current one in case the chain broke.
// Slots are counted from IST midnight (lib/time): the daily jobs run just after the desk's midnight.
import "server-only";
import { db } from "../db";
import { enqueue } from "./queue";
import { DAY_MS, HOUR_MS, istPeriodStart } from "../time/ist";

export const RECURRING = {
  "audit.checkpoint": HOUR_MS,
  "maintenance.daily": DAY_MS,
  /** Retention (docs/decisions/0212-retention.md): addresses and payloads past their periods. */
  "retention.run": DAY_MS,
  /** Dashboard day rollups built ahead of the first read (lib/dashboard/warm-rollups.ts). */
  "dashboard.rollups": HOUR_MS,
  /** Overdue action requests (docs/decisions/0604-escalation.md). */
  "requests.escalate": 5 * 60_000,
  /** Unclaimed urgent tips (docs/decisions/0609-desk-escalation.md): minutes matter, so every minute. */
  "tips.unclaimed": 60_000,
} as const;
export type RecurringKind = keyof typeof RECURRING;

function slot(kind: RecurringKind, at: number) {
  return istPeriodStart(at, RECURRING[kind]);
}

/** A one-off rollup build now (start-up, new SLA targets); `reason` keeps it apart from the hourly slots. */
export async function warmRollupsSoon(reason: string, at = Date.now()) {
  await db.$transaction((tx) =>
    enqueue(
      tx,
      "dashboard.rollups",
      {},
      { runAt: new Date(at), maxAttempts: 3, dedupeKey: `dashboard.rollups@${reason}@${new Date(at).toISOString()}` },
    ),
  );
}

/** Schedules the slot containing `at` (now by default), to run at once, or the next slot. */
export async function scheduleRecurring(kind: RecurringKind, which: "current" | "next" = "current", at = Date.now()) {
  const start = which === "current" ? slot(kind, at) : slot(kind, at) + RECURRING[kind];
  const runAt = new Date(Math.max(start, at));
  await db.$transaction((tx) =>
    enqueue(tx, kind, {}, { runAt, maxAttempts: 3, dedupeKey: `${kind}@${new Date(start).toISOString()}` }),
  );
}
