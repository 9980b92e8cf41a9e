// Folds the view counters' +1/-1 change rows into one row per key (ADR 0302), so a count reads a
// few hundred rows however many changes there were. The fold itself is the SQL function
// mukhbir_internal.fold_tip_counts(horizon) (prisma/functions/fold_tip_counts.sql): its own
// transaction, skipped when another fold is running. The horizon (ADR 0814) is a day before the
// longest SLA window now set: clock rows older than that go into one summary row per station and
// clock, which every clock's cutoff is past, so "Breaching SLA" counts it whole.
import "server-only";
import { db } from "../db";
import { slaSeconds } from "../sla/rule";
import { slaTargets } from "../sla/settings";
import type { SlaTargets } from "../sla/targets";

const DAY_MS = 86_400_000;

/** A day before the longest window of `targets` at `now`: every clock's cutoff is later. */
export function foldHorizon(targets: SlaTargets, now: Date): Date {
  const secs = slaSeconds(targets);
  const longest = Math.max(...Object.values(secs.firstResponse), ...Object.values(secs.resolution));
  return new Date(now.getTime() - longest * 1000 - DAY_MS);
}

export async function foldViewCounts(targets?: SlaTargets, now = new Date()): Promise<boolean> {
  const horizon = foldHorizon(targets ?? (await slaTargets()), now);
  const [{ folded }] = await db.$queryRaw<
    { folded: boolean }[]
  >`SELECT mukhbir_internal.fold_tip_counts(${horizon}::timestamptz) AS folded`;
  return folded;
}
