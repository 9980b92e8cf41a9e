-- The one current definition (its last migration was 20261201102000_queue_view_counters_fold). Function files are re-applied
-- whenever they change (lib/db/migrate.ts applyFunctions); this is the only place to edit it.
-- Folding the view counters' change rows (docs/decisions/0302-queue-view-counters.md) as one SQL
-- function, so the app (lib/queue/fold-view-counts.ts) and a bulk load (bench/queue) fold alike.
-- Rows are only ever inserted by the triggers, so deleting the rows this snapshot sees and
-- inserting their sums changes no total: a change committed meanwhile is not in the snapshot and
-- simply stays. One folder at a time; another caller skips (false) rather than waits.
CREATE OR REPLACE FUNCTION mukhbir_internal.fold_tip_counts() RETURNS boolean LANGUAGE plpgsql AS $$
BEGIN
  IF NOT pg_try_advisory_xact_lock(730302) THEN
    RETURN false;
  END IF;
  WITH gone AS (DELETE FROM mukhbir_internal.tip_view_count RETURNING *)
  INSERT INTO mukhbir_internal.tip_view_count ("stationId", "assigneeId", "status", "n", "folded")
    SELECT "stationId", "assigneeId", "status", sum("n"), true FROM gone GROUP BY 1, 2, 3 HAVING sum("n") <> 0;
  WITH gone AS (DELETE FROM mukhbir_internal.tip_clock_count RETURNING *)
  INSERT INTO mukhbir_internal.tip_clock_count ("stationId", "priority", "responded", "hour", "n", "folded")
    SELECT "stationId", "priority", "responded", "hour", sum("n"), true FROM gone GROUP BY 1, 2, 3, 4 HAVING sum("n") <> 0;
  RETURN true;
END
$$;
