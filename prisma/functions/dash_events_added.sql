-- The one current definition (its last migration was 20261201200000_dashboard_rollups). Function files are re-applied
-- whenever they change (lib/db/migrate.ts applyFunctions); this is the only place to edit it.
-- Claims and closes mark the event's day (today for the app; the past for imports and tests).
CREATE OR REPLACE FUNCTION mukhbir_internal.dash_events_added() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO mukhbir_internal.dash_dirty (day)
    SELECT DISTINCT mukhbir_internal.ist_day(n."at") FROM new_rows n WHERE n."type" IN ('claimed', 'closed');
  RETURN NULL;
END $$;

DROP TRIGGER IF EXISTS dash_event_insert ON "TipEvent";
CREATE TRIGGER dash_event_insert AFTER INSERT ON "TipEvent" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION mukhbir_internal.dash_events_added();
