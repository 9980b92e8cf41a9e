-- Per-tip deltas for the dashboard rollups (ADR 0521). A change to a tip of a built day no longer
-- makes the whole day unclean (read live from "Tip", ~10 k tips on a busy day, until rebuilt):
-- the triggers append the tip's old state with weight -1 and its new state with weight +1, and a
-- read adds a clean day's deltas to its rollup. Rows telescope: a tip changed twice leaves
-- -a +b -b +c, whose sum is -a +c, the change from the state the rollup holds. A day's build
-- deletes its deltas in the same statement (one snapshot) that reads "Tip", so every delta is
-- either inside the rollup or still in this table, never both and never neither.
CREATE TABLE IF NOT EXISTS mukhbir_internal.dash_delta (
  day date NOT NULL,
  w smallint NOT NULL CHECK (w IN (-1, 1)),
  -- The columns a dashboard figure reads, with "Tip"'s types (lib/dashboard/rollup-series.ts).
  "receivedAt" timestamptz(3) NOT NULL,
  "status" "TipStatus" NOT NULL,
  "priority" "Priority" NOT NULL,
  "category" "Category" NOT NULL,
  "channel" "Channel" NOT NULL,
  "stationId" uuid,
  "assigneeId" uuid,
  "firstResponseAt" timestamptz(3),
  "closedAt" timestamptz(3),
  "outcome" "Outcome"
);
CREATE INDEX IF NOT EXISTS dash_delta_day_idx ON mukhbir_internal.dash_delta (day);

-- Whether a tip received at `at` can be in a built day: any day before today, and today itself in
-- its last ten minutes (a transaction that commits after midnight must not miss a just-built
-- yesterday). Today is never built, so the ingest path's new tips and today's claims write nothing.
CREATE OR REPLACE FUNCTION mukhbir_internal.dash_tracked(at timestamptz) RETURNS boolean LANGUAGE sql VOLATILE AS $$
  SELECT mukhbir_internal.ist_day(at) < mukhbir_internal.ist_day(clock_timestamp())
    OR mukhbir_internal.ist_day(clock_timestamp() + interval '10 minutes') > mukhbir_internal.ist_day(clock_timestamp())
$$;

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

-- An updated tip: its old state out, its new state in. The trigger's WHEN (unchanged, migration
-- 20261201210000) fires only when a column a figure reads changed, so moves between the open
-- statuses and the ingest path's per-message updates write nothing.
CREATE OR REPLACE FUNCTION mukhbir_internal.dash_tip_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD."status" <> 'MERGED' AND mukhbir_internal.dash_tracked(OLD."receivedAt") THEN
    INSERT INTO mukhbir_internal.dash_delta (day, w, "receivedAt", "status", "priority", "category", "channel", "stationId", "assigneeId", "firstResponseAt", "closedAt", "outcome")
      VALUES (mukhbir_internal.ist_day(OLD."receivedAt"), -1, OLD."receivedAt", OLD."status", OLD."priority", OLD."category", OLD."channel", OLD."stationId",
        OLD."assigneeId", OLD."firstResponseAt", OLD."closedAt", OLD."outcome");
  END IF;
  IF NEW."status" <> 'MERGED' AND mukhbir_internal.dash_tracked(NEW."receivedAt") THEN
    INSERT INTO mukhbir_internal.dash_delta (day, w, "receivedAt", "status", "priority", "category", "channel", "stationId", "assigneeId", "firstResponseAt", "closedAt", "outcome")
      VALUES (mukhbir_internal.ist_day(NEW."receivedAt"), 1, NEW."receivedAt", NEW."status", NEW."priority", NEW."category", NEW."channel", NEW."stationId",
        NEW."assigneeId", NEW."firstResponseAt", NEW."closedAt", NEW."outcome");
  END IF;
  RETURN NULL;
END $$;
