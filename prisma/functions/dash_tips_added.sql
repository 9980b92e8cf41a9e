-- The one current definition (its last migration was 20261201200000_dashboard_rollups, 20261202000000_dashboard_tip_deltas). Function files are re-applied
-- whenever they change (lib/db/migrate.ts applyFunctions); this is the only place to edit it.
-- Inserted and deleted tips: deltas, except where one statement adds or removes more than 200 tips
-- of a day (a bulk import): that day gets a dirty mark instead and is rebuilt, as before.
CREATE OR REPLACE FUNCTION mukhbir_internal.dash_tips_added() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  WITH n AS MATERIALIZED (
    SELECT mukhbir_internal.ist_day(r."receivedAt") AS day, r.* FROM new_rows r
    WHERE r."status" <> 'MERGED' AND mukhbir_internal.dash_tracked(r."receivedAt")),
  bulk AS MATERIALIZED (SELECT day FROM n GROUP BY day HAVING count(*) > 200),
  marks AS (INSERT INTO mukhbir_internal.dash_dirty (day) SELECT day FROM bulk)
  INSERT INTO mukhbir_internal.dash_delta (day, w, "receivedAt", "status", "priority", "category", "channel", "stationId", "assigneeId", "firstResponseAt", "closedAt", "outcome")
    SELECT n.day, 1, n."receivedAt", n."status", n."priority", n."category", n."channel", n."stationId", n."assigneeId", n."firstResponseAt", n."closedAt", n."outcome"
    FROM n WHERE n.day NOT IN (SELECT day FROM bulk);
  RETURN NULL;
END $$;

DROP TRIGGER IF EXISTS dash_tip_insert ON "Tip";
CREATE TRIGGER dash_tip_insert AFTER INSERT ON "Tip" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION mukhbir_internal.dash_tips_added();
