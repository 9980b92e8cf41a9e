-- The one current definition (its last migration was 20261220110000_clock_count_summary). Function files are re-applied
-- whenever they change (lib/db/migrate.ts applyFunctions); this is the only place to edit it.
-- Folding the view counters' change rows (docs/decisions/0302-queue-view-counters.md) as one SQL
-- function, so the app (lib/queue/fold-view-counts.ts) and a bulk load (bench/queue) fold alike.
-- Rows are only ever inserted by the triggers, so deleting the rows this snapshot sees and
-- inserting their sums changes no total: a change committed meanwhile is not in the snapshot and
-- simply stays. One folder at a time; another caller skips (false) rather than waits.
-- `horizon` (ADR 0814): clock counter rows that end by the start of its UTC day are summed into
-- one summary row per station, priority and clock, ["-infinity", that day) — every clock's cutoff
-- is later (the caller puts the horizon a day before the longest target), so a read counts the
-- summary whole. A summary only grows: an earlier horizon later leaves it as it is. Without a
-- horizon, rows are only folded per hour (and into an existing summary).
DROP FUNCTION IF EXISTS mukhbir_internal.fold_tip_counts();
CREATE OR REPLACE FUNCTION mukhbir_internal.fold_tip_counts(horizon timestamptz DEFAULT NULL) RETURNS boolean LANGUAGE plpgsql AS $$
BEGIN
  IF NOT pg_try_advisory_xact_lock(730302) THEN
    RETURN false;
  END IF;
  WITH gone AS (DELETE FROM mukhbir_internal.tip_view_count RETURNING *)
  INSERT INTO mukhbir_internal.tip_view_count ("stationId", "assigneeId", "status", "n", "folded")
    SELECT "stationId", "assigneeId", "status", sum("n"), true FROM gone GROUP BY 1, 2, 3 HAVING sum("n") <> 0;
  WITH gone AS (DELETE FROM mukhbir_internal.tip_clock_count RETURNING *),
  bound AS (
    SELECT "stationId", "priority", "responded",
      greatest(max("until") FILTER (WHERE "hour" = '-infinity'), date_bin('1 day', horizon, TIMESTAMPTZ '2000-01-01 00:00:00+00')) AS "s"
    FROM gone GROUP BY 1, 2, 3),
  placed AS (
    SELECT g."stationId", g."priority", g."responded", g."n",
      COALESCE(g."until", g."hour" + interval '1 hour') <= b."s" AS "summed", g."hour", g."until", b."s"
    FROM gone g JOIN bound b ON b."stationId" IS NOT DISTINCT FROM g."stationId" AND b."priority" = g."priority" AND b."responded" = g."responded")
  INSERT INTO mukhbir_internal.tip_clock_count ("stationId", "priority", "responded", "hour", "until", "n", "folded")
    SELECT "stationId", "priority", "responded",
      CASE WHEN "summed" THEN '-infinity'::timestamptz ELSE "hour" END, CASE WHEN "summed" THEN "s" ELSE "until" END, sum("n"), true
    FROM placed GROUP BY 1, 2, 3, 4, 5 HAVING sum("n") <> 0;
  RETURN true;
END
$$;
