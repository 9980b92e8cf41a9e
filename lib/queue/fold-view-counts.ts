// Folds the view counters' +1/-1 change rows into one row per key (ADR 0302), so a count reads a
// few hundred rows however many changes there were. The fold itself is the SQL function
// mukhbir_internal.fold_tip_counts() (migration 20261201102000): its own transaction, skipped when
// another fold is running.
import "server-only";
import { db } from "../db";

export async function foldViewCounts(): Promise<boolean> {
  const [{ folded }] = await db.$queryRaw<{ folded: boolean }[]>`SELECT mukhbir_internal.fold_tip_counts() AS folded`;
  return folded;
}
