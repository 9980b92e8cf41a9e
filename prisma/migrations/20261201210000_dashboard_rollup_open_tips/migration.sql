-- Dashboard rollups hold every tip of a built day, open ones included (ADR 0520, "open tips in
-- the rollups"). An open tip's figures depend on the clock only through its breach, and that is a
-- step: breached from one instant on until the tip changes. `ba` keeps those instants, sorted, for
-- the day's open tips whose breach is still on the clock; a read counts the ones before its "now".
ALTER TABLE mukhbir_internal.dash_rollup ADD COLUMN IF NOT EXISTS ba timestamptz[];

-- Days built before held closed tips only: rebuild them (lazily, by the next read that covers them).
DELETE FROM mukhbir_internal.dash_day;

-- A tip entering marks its receive day unless it is merged (never counted) or arrives for today
-- well before midnight: today is never built (read live), and the ingest path's insert of a new
-- tip must write nothing. In the last ten minutes of the IST day every insert marks, so a
-- transaction that commits after midnight cannot leave a just-built yesterday stale.
CREATE OR REPLACE FUNCTION mukhbir_internal.dash_tips_added() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO mukhbir_internal.dash_dirty (day)
    SELECT DISTINCT mukhbir_internal.ist_day(n."receivedAt") FROM new_rows n
    WHERE n."status" <> 'MERGED'
      AND (mukhbir_internal.ist_day(n."receivedAt") < mukhbir_internal.ist_day(clock_timestamp())
        OR mukhbir_internal.ist_day(clock_timestamp() + interval '10 minutes') > mukhbir_internal.ist_day(clock_timestamp()));
  RETURN NULL;
END $$;
CREATE OR REPLACE FUNCTION mukhbir_internal.dash_tips_removed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO mukhbir_internal.dash_dirty (day)
    SELECT DISTINCT mukhbir_internal.ist_day(o."receivedAt") FROM old_rows o WHERE o."status" <> 'MERGED';
  RETURN NULL;
END $$;
CREATE OR REPLACE FUNCTION mukhbir_internal.dash_tip_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD."status" <> 'MERGED' THEN
    INSERT INTO mukhbir_internal.dash_dirty (day) VALUES (mukhbir_internal.ist_day(OLD."receivedAt"));
  END IF;
  IF NEW."status" <> 'MERGED' AND (OLD."status" = 'MERGED' OR OLD."receivedAt" <> NEW."receivedAt") THEN
    INSERT INTO mukhbir_internal.dash_dirty (day) VALUES (mukhbir_internal.ist_day(NEW."receivedAt"));
  END IF;
  RETURN NULL;
END $$;

-- Open tips now count too: any change of a column a figure reads marks the day, except moves
-- between the open statuses (no figure tells NEW, IN_PROGRESS and WAITING_INFORMANT apart).
-- The ingest path's per-message update sets none of these columns, so the trigger never fires for it.
DROP TRIGGER IF EXISTS dash_tip_update ON "Tip";
CREATE TRIGGER dash_tip_update AFTER UPDATE OF "status", "priority", "category", "channel", "stationId", "assigneeId",
    "receivedAt", "firstResponseAt", "closedAt", "outcome" ON "Tip"
  FOR EACH ROW WHEN ((OLD."status" <> 'MERGED' OR NEW."status" <> 'MERGED')
    AND (OLD."status" = 'CLOSED', OLD."status" = 'MERGED', OLD."priority", OLD."category", OLD."channel", OLD."stationId", OLD."assigneeId",
         OLD."receivedAt", OLD."firstResponseAt", OLD."closedAt", OLD."outcome")
    IS DISTINCT FROM (NEW."status" = 'CLOSED', NEW."status" = 'MERGED', NEW."priority", NEW."category", NEW."channel", NEW."stationId",
         NEW."assigneeId", NEW."receivedAt", NEW."firstResponseAt", NEW."closedAt", NEW."outcome"))
  EXECUTE FUNCTION mukhbir_internal.dash_tip_updated();

