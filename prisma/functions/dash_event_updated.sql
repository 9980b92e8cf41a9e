-- The one current definition (its last migration was 20261201200000_dashboard_rollups). Function files are re-applied
-- whenever they change (lib/db/migrate.ts applyFunctions); this is the only place to edit it.
CREATE OR REPLACE FUNCTION mukhbir_internal.dash_event_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO mukhbir_internal.dash_dirty (day) VALUES (mukhbir_internal.ist_day(OLD."at")), (mukhbir_internal.ist_day(NEW."at"));
  RETURN NULL;
END $$;

DROP TRIGGER IF EXISTS dash_event_update ON "TipEvent";
CREATE TRIGGER dash_event_update AFTER UPDATE OF "type", "at", "actorId" ON "TipEvent"
  FOR EACH ROW WHEN ((OLD."type" IN ('claimed', 'closed') OR NEW."type" IN ('claimed', 'closed'))
    AND (OLD."type", OLD."at", OLD."actorId") IS DISTINCT FROM (NEW."type", NEW."at", NEW."actorId"))
  EXECUTE FUNCTION mukhbir_internal.dash_event_updated();
