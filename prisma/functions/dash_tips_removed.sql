-- The one current definition (its last migration was 20261201200000_dashboard_rollups, 20261202000000_dashboard_tip_deltas). Function files are re-applied
-- whenever they change (lib/db/migrate.ts applyFunctions); this is the only place to edit it.
CREATE OR REPLACE FUNCTION mukhbir_internal.dash_tips_removed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  WITH o AS MATERIALIZED (
    SELECT mukhbir_internal.ist_day(r."receivedAt") AS day, r.* FROM old_rows r
    WHERE r."status" <> 'MERGED' AND mukhbir_internal.dash_tracked(r."receivedAt")),
  bulk AS MATERIALIZED (SELECT day FROM o GROUP BY day HAVING count(*) > 200),
  marks AS (INSERT INTO mukhbir_internal.dash_dirty (day) SELECT day FROM bulk)
  INSERT INTO mukhbir_internal.dash_delta (day, w, "receivedAt", "status", "priority", "category", "channel", "stationId", "assigneeId", "firstResponseAt", "closedAt", "outcome")
    SELECT o.day, -1, o."receivedAt", o."status", o."priority", o."category", o."channel", o."stationId", o."assigneeId", o."firstResponseAt", o."closedAt", o."outcome"
    FROM o WHERE o.day NOT IN (SELECT day FROM bulk);
  RETURN NULL;
END $$;

DROP TRIGGER IF EXISTS dash_tip_delete ON "Tip";
CREATE TRIGGER dash_tip_delete AFTER DELETE ON "Tip" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION mukhbir_internal.dash_tips_removed();
