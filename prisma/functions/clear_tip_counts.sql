-- The one current definition (its last migration was 20261201101000_queue_view_counters). Function files are re-applied
-- whenever they change (lib/db/migrate.ts applyFunctions); this is the only place to edit it.
CREATE OR REPLACE FUNCTION mukhbir_internal.clear_tip_counts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM mukhbir_internal.tip_view_count;
  DELETE FROM mukhbir_internal.tip_clock_count;
  RETURN NULL;
END
$$;

DROP TRIGGER IF EXISTS count_tip_truncate ON "Tip";
CREATE TRIGGER count_tip_truncate AFTER TRUNCATE ON "Tip"
  FOR EACH STATEMENT EXECUTE FUNCTION mukhbir_internal.clear_tip_counts();
