// Recurring work on the durable job table: one job per period slot, deduplicated by
// `<kind>@<slot start>`, so several app instances (or restarts) schedule a slot once. A handler that
// finishes schedules the next slot; start-up schedules the current one in case the chain broke.
import "server-only";
import { db } from "../db";
import { enqueue } from "./queue";

export const RECURRING = {
  "audit.checkpoint": 60 * 60_000,
  "maintenance.daily": 24 * 60 * 60_000,
  /** Retention (docs/decisions/0212-retention.md): addresses and payloads past their periods. */
  "retention.run": 24 * 60 * 60_000,
} as const;
export type RecurringKind = keyof typeof RECURRING;

function slot(kind: RecurringKind, at: number) {
  const every = RECURRING[kind];
  return Math.floor(at / every) * every;
}

/** Schedules the slot containing `at` (now by default), to run at once, or the next slot. */
export async function scheduleRecurring(kind: RecurringKind, which: "current" | "next" = "current", at = Date.now()) {
  const start = which === "current" ? slot(kind, at) : slot(kind, at) + RECURRING[kind];
  const runAt = new Date(Math.max(start, at));
  await db.$transaction((tx) => enqueue(tx, kind, {}, { runAt, maxAttempts: 3, dedupeKey: `${kind}@${new Date(start).toISOString()}` }));
}
