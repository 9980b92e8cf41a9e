-- The one current definition (its migration is 20261214100000_hot_spot_rollups). Function files are re-applied
-- whenever they change (lib/db/migrate.ts applyFunctions); this is the only place to edit it.
-- Entities added to or removed from a tip of a day that may be built (dash_tracked: before today,
-- or today in its last ten minutes) mark that day for the hot spots (ADR 0705). Once per statement
-- and day; the ingest path's entities of today's new tips write nothing.
CREATE OR REPLACE FUNCTION mukhbir_internal.hot_mark_entities() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO mukhbir_internal.hot_dirty (day)
      SELECT DISTINCT mukhbir_internal.ist_day(t."receivedAt") FROM new_rows n JOIN "Tip" t ON t."id" = n."tipId"
      WHERE mukhbir_internal.dash_tracked(t."receivedAt");
  ELSE
    INSERT INTO mukhbir_internal.hot_dirty (day)
      SELECT DISTINCT mukhbir_internal.ist_day(t."receivedAt") FROM old_rows o JOIN "Tip" t ON t."id" = o."tipId"
      WHERE mukhbir_internal.dash_tracked(t."receivedAt");
  END IF;
  RETURN NULL;
END $$;

DROP TRIGGER IF EXISTS hot_entity_insert ON "TipEntity";
CREATE TRIGGER hot_entity_insert AFTER INSERT ON "TipEntity" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION mukhbir_internal.hot_mark_entities();
DROP TRIGGER IF EXISTS hot_entity_delete ON "TipEntity";
CREATE TRIGGER hot_entity_delete AFTER DELETE ON "TipEntity" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION mukhbir_internal.hot_mark_entities();
