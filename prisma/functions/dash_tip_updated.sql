-- The one current definition (its last migration was 20261201210000_dashboard_rollup_open_tips, 20261202000000_dashboard_tip_deltas). Function files are re-applied
-- whenever they change (lib/db/migrate.ts applyFunctions); this is the only place to edit it.
-- An updated tip: its old state out, its new state in. The trigger's WHEN (unchanged, migration
-- 20261201210000) fires only when a column a figure reads changed, so moves between the open
-- statuses and the ingest path's per-message updates write nothing.
CREATE OR REPLACE FUNCTION mukhbir_internal.dash_tip_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD."status" <> 'MERGED' AND mukhbir_internal.dash_tracked(OLD."receivedAt") THEN
    INSERT INTO mukhbir_internal.dash_delta (day, w, "receivedAt", "status", "priority", "category", "channel", "stationId", "assigneeId", "firstResponseAt", "closedAt", "outcome")
      VALUES (mukhbir_internal.ist_day(OLD."receivedAt"), -1, OLD."receivedAt", OLD."status", OLD."priority", OLD."category", OLD."channel", OLD."stationId",
        OLD."assigneeId", OLD."firstResponseAt", OLD."closedAt", OLD."outcome");
  END IF;
  IF NEW."status" <> 'MERGED' AND mukhbir_internal.dash_tracked(NEW."receivedAt") THEN
    INSERT INTO mukhbir_internal.dash_delta (day, w, "receivedAt", "status", "priority", "category", "channel", "stationId", "assigneeId", "firstResponseAt", "closedAt", "outcome")
      VALUES (mukhbir_internal.ist_day(NEW."receivedAt"), 1, NEW."receivedAt", NEW."status", NEW."priority", NEW."category", NEW."channel", NEW."stationId",
        NEW."assigneeId", NEW."firstResponseAt", NEW."closedAt", NEW."outcome");
  END IF;
  RETURN NULL;
END $$;

DROP TRIGGER IF EXISTS dash_tip_update ON "Tip";
CREATE TRIGGER dash_tip_update AFTER UPDATE OF "status", "priority", "category", "channel", "stationId", "assigneeId",
    "receivedAt", "firstResponseAt", "closedAt", "outcome" ON "Tip"
  FOR EACH ROW WHEN ((OLD."status" <> 'MERGED' OR NEW."status" <> 'MERGED')
    AND (OLD."status" = 'CLOSED', OLD."status" = 'MERGED', OLD."priority", OLD."category", OLD."channel", OLD."stationId", OLD."assigneeId",
         OLD."receivedAt", OLD."firstResponseAt", OLD."closedAt", OLD."outcome")
    IS DISTINCT FROM (NEW."status" = 'CLOSED', NEW."status" = 'MERGED', NEW."priority", NEW."category", NEW."channel", NEW."stationId",
         NEW."assigneeId", NEW."receivedAt", NEW."firstResponseAt", NEW."closedAt", NEW."outcome"))
  EXECUTE FUNCTION mukhbir_internal.dash_tip_updated();
