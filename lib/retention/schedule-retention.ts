// The daily retention run as a durable job (the jobs table, ADR 0003): one per India date, whatever
// the number of instances or restarts (the dedupe key is the date). Start-up queues today's; each
// run queues tomorrow's at 03:00 India time before doing its work, so a failed run still leaves the
// next one queued.
import "server-only";
import { db } from "../db";
import { enqueue } from "../jobs/queue";

const IST_OFFSET_MS = 5.5 * 3600_000;
const RUN_AT_HOUR_IST = 3;

/** India's calendar date of an instant, as YYYY-MM-DD. */
export function istDate(at: Date): string {
  return new Date(at.getTime() + IST_OFFSET_MS).toISOString().slice(0, 10);
}

/** 03:00 India time on the day after `at`'s India date. */
export function nextRunAt(at: Date): Date {
  const day = new Date(`${istDate(at)}T00:00:00Z`).getTime() + 86_400_000;
  return new Date(day + RUN_AT_HOUR_IST * 3600_000 - IST_OFFSET_MS);
}

export async function scheduleRetention(now = new Date()) {
  await db.$transaction((tx) => enqueue(tx, "retention.run", { date: istDate(now) }, { dedupeKey: `retention.run:${istDate(now)}`, maxAttempts: 4 }));
}

export async function scheduleNextRetention(now = new Date()) {
  const at = nextRunAt(now);
  await db.$transaction((tx) => enqueue(tx, "retention.run", { date: istDate(at) }, { dedupeKey: `retention.run:${istDate(at)}`, runAt: at, maxAttempts: 4 }));
}
