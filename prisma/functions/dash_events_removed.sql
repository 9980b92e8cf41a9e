-- The one current definition (its last migration was 20261201200000_dashboard_rollups). Function files are re-applied
-- whenever they change (lib/db/migrate.ts applyFunctions); this is the only place to edit it.
CREATE OR REPLACE FUNCTION mukhbir_internal.dash_events_removed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO mukhbir_internal.dash_dirty (day)
    SELECT DISTINCT mukhbir_internal.ist_day(o."at") FROM old_rows o WHERE o."type" IN ('claimed', 'closed');
  RETURN NULL;
END $$;

DROP TRIGGER IF EXISTS dash_event_delete ON "TipEvent";
CREATE TRIGGER dash_event_delete AFTER DELETE ON "TipEvent" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION mukhbir_internal.dash_events_removed();
