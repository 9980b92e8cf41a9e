-- The one current definition (its last migration was 20261201101000_queue_view_counters). Function files are re-applied
-- whenever they change (lib/db/migrate.ts applyFunctions); this is the only place to edit it.
-- One change of an open tip's counted state: -1 for the old row, +1 for the new one.
CREATE OR REPLACE FUNCTION mukhbir_internal.count_tip_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    IF mukhbir_internal.tip_open(OLD."status"::text) THEN
      INSERT INTO mukhbir_internal.tip_view_count ("stationId", "assigneeId", "status", "n")
        VALUES (OLD."stationId", OLD."assigneeId", OLD."status"::text, -1);
      INSERT INTO mukhbir_internal.tip_clock_count ("stationId", "priority", "responded", "hour", "n")
        VALUES (OLD."stationId", OLD."priority"::text, OLD."firstResponseAt" IS NOT NULL, mukhbir_internal.tip_hour(OLD."receivedAt"), -1);
    END IF;
  END IF;
  IF TG_OP <> 'DELETE' THEN
    IF mukhbir_internal.tip_open(NEW."status"::text) THEN
      INSERT INTO mukhbir_internal.tip_view_count ("stationId", "assigneeId", "status", "n")
        VALUES (NEW."stationId", NEW."assigneeId", NEW."status"::text, 1);
      INSERT INTO mukhbir_internal.tip_clock_count ("stationId", "priority", "responded", "hour", "n")
        VALUES (NEW."stationId", NEW."priority"::text, NEW."firstResponseAt" IS NOT NULL, mukhbir_internal.tip_hour(NEW."receivedAt"), 1);
    END IF;
  END IF;
  RETURN NULL;
END
$$;

DROP TRIGGER IF EXISTS count_tip_insert ON "Tip";
CREATE TRIGGER count_tip_insert AFTER INSERT ON "Tip"
  FOR EACH ROW WHEN (mukhbir_internal.tip_open(NEW."status"::text))
  EXECUTE FUNCTION mukhbir_internal.count_tip_change();

DROP TRIGGER IF EXISTS count_tip_update ON "Tip";
CREATE TRIGGER count_tip_update AFTER UPDATE OF "status", "assigneeId", "stationId", "priority", "firstResponseAt", "receivedAt" ON "Tip"
  FOR EACH ROW WHEN (
    (mukhbir_internal.tip_open(OLD."status"::text) OR mukhbir_internal.tip_open(NEW."status"::text))
    AND (OLD."status", OLD."assigneeId", OLD."stationId", OLD."priority", OLD."firstResponseAt" IS NULL, OLD."receivedAt")
        IS DISTINCT FROM (NEW."status", NEW."assigneeId", NEW."stationId", NEW."priority", NEW."firstResponseAt" IS NULL, NEW."receivedAt"))
  EXECUTE FUNCTION mukhbir_internal.count_tip_change();

DROP TRIGGER IF EXISTS count_tip_delete ON "Tip";
CREATE TRIGGER count_tip_delete AFTER DELETE ON "Tip"
  FOR EACH ROW WHEN (mukhbir_internal.tip_open(OLD."status"::text))
  EXECUTE FUNCTION mukhbir_internal.count_tip_change();
