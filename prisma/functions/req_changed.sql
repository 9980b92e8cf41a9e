-- The one current definition (its first migration was 20261213100000_desk_escalation_station_figures). Function files are re-applied
-- whenever they change (lib/db/migrate.ts applyFunctions); this is the only place to edit it.
-- A request's figures change when it is released, moved, acknowledged or reported: mark its
-- release day (old and new). Escalation stages and edits of the brief mark nothing.
CREATE OR REPLACE FUNCTION mukhbir_internal.req_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' AND OLD."releasedAt" IS NOT NULL THEN
    INSERT INTO mukhbir_internal.req_dirty (day) VALUES (mukhbir_internal.ist_day(OLD."releasedAt"));
  END IF;
  IF TG_OP <> 'DELETE' AND NEW."releasedAt" IS NOT NULL THEN
    INSERT INTO mukhbir_internal.req_dirty (day) VALUES (mukhbir_internal.ist_day(NEW."releasedAt"));
  END IF;
  RETURN NULL;
END $$;
DROP TRIGGER IF EXISTS req_insert_delete ON "ActionRequest";
CREATE TRIGGER req_insert_delete AFTER INSERT OR DELETE ON "ActionRequest"
  FOR EACH ROW EXECUTE FUNCTION mukhbir_internal.req_changed();
DROP TRIGGER IF EXISTS req_update ON "ActionRequest";
CREATE TRIGGER req_update AFTER UPDATE OF "state", "stationId", "releasedAt", "acknowledgedAt", "reportedAt" ON "ActionRequest"
  FOR EACH ROW WHEN ((OLD."state", OLD."stationId", OLD."releasedAt", OLD."acknowledgedAt", OLD."reportedAt")
    IS DISTINCT FROM (NEW."state", NEW."stationId", NEW."releasedAt", NEW."acknowledgedAt", NEW."reportedAt"))
  EXECUTE FUNCTION mukhbir_internal.req_changed();
