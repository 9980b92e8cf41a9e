// Folds the view counters' +1/-1 change rows into one row per key (ADR 0302), so a count reads a
// few hundred rows however many changes there were. Rows are only ever inserted by the triggers,
// so deleting the ones this snapshot sees and inserting their sums changes no total: a change
// committed meanwhile is not in the snapshot and simply stays. One folder at a time; a second one
// skips rather than waits.
import "server-only";
import { db, type Tx } from "../db";

const FOLD_LOCK = 730_302; // advisory-lock key (ADR number)

export async function foldViewCounts(): Promise<boolean> {
  return db.$transaction(async (tx: Tx) => {
    const [{ locked }] = await tx.$queryRaw<{ locked: boolean }[]>`SELECT pg_try_advisory_xact_lock(${FOLD_LOCK}) AS locked`;
    if (!locked) return false;
    await tx.$executeRawUnsafe(
      `WITH gone AS (DELETE FROM mukhbir_internal.tip_view_count RETURNING *)
       INSERT INTO mukhbir_internal.tip_view_count ("stationId", "assigneeId", "status", "n", "folded")
       SELECT "stationId", "assigneeId", "status", sum("n"), true FROM gone GROUP BY 1, 2, 3 HAVING sum("n") <> 0`,
    );
    await tx.$executeRawUnsafe(
      `WITH gone AS (DELETE FROM mukhbir_internal.tip_clock_count RETURNING *)
       INSERT INTO mukhbir_internal.tip_clock_count ("stationId", "priority", "responded", "hour", "n", "folded")
       SELECT "stationId", "priority", "responded", "hour", sum("n"), true FROM gone GROUP BY 1, 2, 3, 4 HAVING sum("n") <> 0`,
    );
    return true;
  });
}
