-- The one current definition (its migration is 20261214100000_hot_spot_rollups). Function files are re-applied
-- whenever they change (lib/db/migrate.ts applyFunctions); this is the only place to edit it.
-- A tip of a day that may be built moving station or category, or being merged or unmerged, changes
-- that day's hot spots (ADR 0705): mark it. Claims, replies and closes change none of these columns.
CREATE OR REPLACE FUNCTION mukhbir_internal.hot_mark_tip() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF mukhbir_internal.dash_tracked(OLD."receivedAt") THEN
    INSERT INTO mukhbir_internal.hot_dirty (day) VALUES (mukhbir_internal.ist_day(OLD."receivedAt"));
  END IF;
  IF NEW."receivedAt" IS DISTINCT FROM OLD."receivedAt" AND mukhbir_internal.dash_tracked(NEW."receivedAt") THEN
    INSERT INTO mukhbir_internal.hot_dirty (day) VALUES (mukhbir_internal.ist_day(NEW."receivedAt"));
  END IF;
  RETURN NULL;
END $$;

DROP TRIGGER IF EXISTS hot_tip_update ON "Tip";
CREATE TRIGGER hot_tip_update AFTER UPDATE OF "status", "category", "stationId", "receivedAt" ON "Tip"
  FOR EACH ROW WHEN ((OLD."status" = 'MERGED', OLD."category", OLD."stationId", OLD."receivedAt")
    IS DISTINCT FROM (NEW."status" = 'MERGED', NEW."category", NEW."stationId", NEW."receivedAt"))
  EXECUTE FUNCTION mukhbir_internal.hot_mark_tip();
