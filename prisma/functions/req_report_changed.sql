-- The one current definition (its first migration was 20261213100000_desk_escalation_station_figures). Function files are re-applied
-- whenever they change (lib/db/migrate.ts applyFunctions); this is the only place to edit it.
-- A report decides the request's outcome (its latest report that is not a bare acknowledgement).
CREATE OR REPLACE FUNCTION mukhbir_internal.req_report_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO mukhbir_internal.req_dirty (day)
    SELECT mukhbir_internal.ist_day(r."releasedAt") FROM "ActionRequest" r
    WHERE r."id" IN (CASE WHEN TG_OP = 'DELETE' THEN OLD."requestId" ELSE NEW."requestId" END,
                     CASE WHEN TG_OP = 'UPDATE' THEN OLD."requestId" END)
      AND r."releasedAt" IS NOT NULL;
  RETURN NULL;
END $$;
DROP TRIGGER IF EXISTS req_report_change ON "ActionReport";
CREATE TRIGGER req_report_change AFTER INSERT OR UPDATE OR DELETE ON "ActionReport"
  FOR EACH ROW EXECUTE FUNCTION mukhbir_internal.req_report_changed();
