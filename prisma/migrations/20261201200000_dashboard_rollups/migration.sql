-- Dashboard rollups (ADR 0520). Per IST receive day, the dashboard's series for the day's CLOSED
-- tips (open tips are always read live: their breach depends on the clock and they change often),
-- and the officers' claims and closes per day. Filled lazily by the app (lib/dashboard/rollup-refresh.ts),
-- which owns the one definition of every figure; a day counts only while it is "clean": it has a
-- dash_day row built with the current SLA targets and no dash_dirty row. Anything else is read
-- from the base tables in the same statement, so a figure is exact whatever the rollups' state.
CREATE SCHEMA IF NOT EXISTS mukhbir_internal;

-- Days whose rollup rows are current, and the SLA targets (seconds) their breach counts used.
CREATE TABLE IF NOT EXISTS mukhbir_internal.dash_day (
  day date PRIMARY KEY,
  sla text NOT NULL,
  built_at timestamptz NOT NULL DEFAULT now()
);

-- Append-only "this day changed" log, written by the triggers below. Plain INSERTs: writers never
-- wait on each other (no unique key, no row updated); the refresh deletes what it has seen.
CREATE TABLE IF NOT EXISTS mukhbir_internal.dash_dirty (day date NOT NULL);
CREATE INDEX IF NOT EXISTS dash_dirty_day_idx ON mukhbir_internal.dash_dirty (day);

-- One row per (day, filter level, series key). lvl: bit 1 = per station, bit 2 = per category
-- (0 = all tips, 3 = per station and category). g names the series; k its key. A percentile row
-- (g fr, cl, afr) holds its exact values in order (v) and, per value bucket bs[i], the bucket's
-- offset os[i] in v and count ns[i] (lib/dashboard/rollup-series.ts).
CREATE TABLE IF NOT EXISTS mukhbir_internal.dash_rollup (
  day date NOT NULL,
  lvl smallint NOT NULL,
  station_id uuid,
  category "Category",
  g text NOT NULL,
  k text NOT NULL,
  n int NOT NULL,
  closed int NOT NULL,
  breached int NOT NULL,
  actioned int NOT NULL,
  fir int NOT NULL,
  arrest int NOT NULL,
  v float8[],
  bs int[],
  os int[],
  ns int[]
);
-- A read looks rows up by level and filters, then by series and key (a percentile bucket's values).
CREATE INDEX IF NOT EXISTS dash_rollup_idx ON mukhbir_internal.dash_rollup (lvl, station_id, category, g, k, day);
CREATE INDEX IF NOT EXISTS dash_rollup_day_idx ON mukhbir_internal.dash_rollup (day);

-- Claims and closes per officer and IST day of the event (unfiltered officers' table).
CREATE TABLE IF NOT EXISTS mukhbir_internal.dash_activity (
  day date NOT NULL,
  actor_id uuid NOT NULL,
  claimed int NOT NULL,
  closed int NOT NULL
);
CREATE INDEX IF NOT EXISTS dash_activity_day_idx ON mukhbir_internal.dash_activity (day);

CREATE OR REPLACE FUNCTION mukhbir_internal.ist_day(at timestamptz) RETURNS date
  LANGUAGE sql IMMUTABLE AS $$ SELECT (at AT TIME ZONE 'Asia/Kolkata')::date $$;

-- A closed tip entering, leaving or changing marks its receive day. Open tips are read live, so
-- changes to them (claims, assignment, the ingest path's counters and preview) write nothing.
-- Inserts and deletes mark once per statement and day (a bulk import of a million closed tips
-- writes ~90 rows); updates come one tip at a time from the app and fire per row, only when a
-- closed tip is involved and a column a figure reads changed.
CREATE OR REPLACE FUNCTION mukhbir_internal.dash_tips_added() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO mukhbir_internal.dash_dirty (day)
    SELECT DISTINCT mukhbir_internal.ist_day(n."receivedAt") FROM new_rows n WHERE n."status" = 'CLOSED';
  RETURN NULL;
END $$;
CREATE OR REPLACE FUNCTION mukhbir_internal.dash_tips_removed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO mukhbir_internal.dash_dirty (day)
    SELECT DISTINCT mukhbir_internal.ist_day(o."receivedAt") FROM old_rows o WHERE o."status" = 'CLOSED';
  RETURN NULL;
END $$;
CREATE OR REPLACE FUNCTION mukhbir_internal.dash_tip_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD."status" = 'CLOSED' THEN
    INSERT INTO mukhbir_internal.dash_dirty (day) VALUES (mukhbir_internal.ist_day(OLD."receivedAt"));
  END IF;
  IF NEW."status" = 'CLOSED' AND (OLD."status" <> 'CLOSED' OR OLD."receivedAt" <> NEW."receivedAt") THEN
    INSERT INTO mukhbir_internal.dash_dirty (day) VALUES (mukhbir_internal.ist_day(NEW."receivedAt"));
  END IF;
  RETURN NULL;
END $$;

DROP TRIGGER IF EXISTS dash_tip_insert ON "Tip";
CREATE TRIGGER dash_tip_insert AFTER INSERT ON "Tip" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION mukhbir_internal.dash_tips_added();
DROP TRIGGER IF EXISTS dash_tip_delete ON "Tip";
CREATE TRIGGER dash_tip_delete AFTER DELETE ON "Tip" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION mukhbir_internal.dash_tips_removed();
DROP TRIGGER IF EXISTS dash_tip_update ON "Tip";
CREATE TRIGGER dash_tip_update AFTER UPDATE OF "status", "priority", "category", "channel", "stationId", "assigneeId",
    "receivedAt", "firstResponseAt", "closedAt", "outcome" ON "Tip"
  FOR EACH ROW WHEN ((OLD."status" = 'CLOSED' OR NEW."status" = 'CLOSED')
    AND (OLD."status", OLD."priority", OLD."category", OLD."channel", OLD."stationId", OLD."assigneeId", OLD."receivedAt",
         OLD."firstResponseAt", OLD."closedAt", OLD."outcome")
    IS DISTINCT FROM (NEW."status", NEW."priority", NEW."category", NEW."channel", NEW."stationId", NEW."assigneeId", NEW."receivedAt",
         NEW."firstResponseAt", NEW."closedAt", NEW."outcome"))
  EXECUTE FUNCTION mukhbir_internal.dash_tip_updated();

-- Claims and closes mark the event's day (today for the app; the past for imports and tests).
CREATE OR REPLACE FUNCTION mukhbir_internal.dash_events_added() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO mukhbir_internal.dash_dirty (day)
    SELECT DISTINCT mukhbir_internal.ist_day(n."at") FROM new_rows n WHERE n."type" IN ('claimed', 'closed');
  RETURN NULL;
END $$;
CREATE OR REPLACE FUNCTION mukhbir_internal.dash_events_removed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO mukhbir_internal.dash_dirty (day)
    SELECT DISTINCT mukhbir_internal.ist_day(o."at") FROM old_rows o WHERE o."type" IN ('claimed', 'closed');
  RETURN NULL;
END $$;
CREATE OR REPLACE FUNCTION mukhbir_internal.dash_event_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO mukhbir_internal.dash_dirty (day) VALUES (mukhbir_internal.ist_day(OLD."at")), (mukhbir_internal.ist_day(NEW."at"));
  RETURN NULL;
END $$;
DROP TRIGGER IF EXISTS dash_event_insert ON "TipEvent";
CREATE TRIGGER dash_event_insert AFTER INSERT ON "TipEvent" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION mukhbir_internal.dash_events_added();
DROP TRIGGER IF EXISTS dash_event_delete ON "TipEvent";
CREATE TRIGGER dash_event_delete AFTER DELETE ON "TipEvent" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION mukhbir_internal.dash_events_removed();
DROP TRIGGER IF EXISTS dash_event_update ON "TipEvent";
CREATE TRIGGER dash_event_update AFTER UPDATE OF "type", "at", "actorId" ON "TipEvent"
  FOR EACH ROW WHEN ((OLD."type" IN ('claimed', 'closed') OR NEW."type" IN ('claimed', 'closed'))
    AND (OLD."type", OLD."at", OLD."actorId") IS DISTINCT FROM (NEW."type", NEW."at", NEW."actorId"))
  EXECUTE FUNCTION mukhbir_internal.dash_event_updated();

-- No backfill here: a day without a current dash_day row is read from the base tables (exactly)
-- and built by the first dashboard read that covers it, with the SLA targets then in force. The
-- figures' one definition lives in the app (lib/dashboard/rollup-series.ts); a copy here would be a second.
