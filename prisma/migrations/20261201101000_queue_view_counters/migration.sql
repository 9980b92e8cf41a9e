-- Exact queue view counts without counting the open tips on every page load
-- (docs/decisions/0302-queue-view-counters.md). Triggers on "Tip" append +1/-1 rows to two
-- counter tables; lib/queue/count-views.ts sums them, lib/queue/fold-view-counts.ts folds them.
-- Append-only inserts take no shared row lock, so concurrent ingest transactions never wait on
-- each other here (ADR 0110). Raw SQL only: Prisma's schema diff sees neither this schema nor
-- triggers. Columns are named as on "Tip" so the queue's station scope (alias t) applies as is;
-- status and priority are text so nothing here depends on types in `public`.

CREATE SCHEMA IF NOT EXISTS mukhbir_internal;

-- This schema outlives a reset of `public` (the test setup does one), so start from empty tables.
DROP TABLE IF EXISTS mukhbir_internal.tip_view_count;
DROP TABLE IF EXISTS mukhbir_internal.tip_clock_count;

-- Open tips by who sees them in which view: station (scope), assignee (Unassigned, Mine), status
-- (Waiting). `folded` rows are sums written by a fold; the others are single +1/-1 changes.
CREATE TABLE mukhbir_internal.tip_view_count (
  "stationId" uuid,
  "assigneeId" uuid,
  "status" text NOT NULL,
  "n" integer NOT NULL,
  "folded" boolean NOT NULL DEFAULT false
);

-- Open tips by SLA clock: priority, whether the first response happened, and the hour they were
-- received in. Whole hours before a clock's cutoff are breaching; the one hour around the cutoff
-- is counted exactly from "Tip_open_clock_idx".
CREATE TABLE mukhbir_internal.tip_clock_count (
  "stationId" uuid,
  "priority" text NOT NULL,
  "responded" boolean NOT NULL,
  "hour" timestamptz NOT NULL,
  "n" integer NOT NULL,
  "folded" boolean NOT NULL DEFAULT false
);

-- The hour a timestamp falls in, the same in every session time zone (India is UTC+05:30).
CREATE OR REPLACE FUNCTION mukhbir_internal.tip_hour(at timestamptz) RETURNS timestamptz LANGUAGE sql IMMUTABLE AS $$
  SELECT date_bin('1 hour', at, TIMESTAMPTZ '2000-01-01 00:00:00+00')
$$;

CREATE OR REPLACE FUNCTION mukhbir_internal.tip_open(status text) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
  SELECT status IN ('NEW', 'IN_PROGRESS', 'WAITING_INFORMANT')
$$;

-- One change of an open tip's counted state: -1 for the old row, +1 for the new one.
CREATE OR REPLACE FUNCTION mukhbir_internal.count_tip_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    IF mukhbir_internal.tip_open(OLD."status"::text) THEN
      INSERT INTO mukhbir_internal.tip_view_count ("stationId", "assigneeId", "status", "n")
        VALUES (OLD."stationId", OLD."assigneeId", OLD."status"::text, -1);
      INSERT INTO mukhbir_internal.tip_clock_count ("stationId", "priority", "responded", "hour", "n")
        VALUES (OLD."stationId", OLD."priority"::text, OLD."firstResponseAt" IS NOT NULL, mukhbir_internal.tip_hour(OLD."receivedAt"), -1);
    END IF;
  END IF;
  IF TG_OP <> 'DELETE' THEN
    IF mukhbir_internal.tip_open(NEW."status"::text) THEN
      INSERT INTO mukhbir_internal.tip_view_count ("stationId", "assigneeId", "status", "n")
        VALUES (NEW."stationId", NEW."assigneeId", NEW."status"::text, 1);
      INSERT INTO mukhbir_internal.tip_clock_count ("stationId", "priority", "responded", "hour", "n")
        VALUES (NEW."stationId", NEW."priority"::text, NEW."firstResponseAt" IS NOT NULL, mukhbir_internal.tip_hour(NEW."receivedAt"), 1);
    END IF;
  END IF;
  RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION mukhbir_internal.clear_tip_counts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM mukhbir_internal.tip_view_count;
  DELETE FROM mukhbir_internal.tip_clock_count;
  RETURN NULL;
END
$$;

-- The WHEN clauses keep the trigger off every other write: closed tips inserted by the archive,
-- and the per-message UPDATEs of ingest (counters, preview, search text, last activity).
CREATE TRIGGER count_tip_insert AFTER INSERT ON "Tip"
  FOR EACH ROW WHEN (mukhbir_internal.tip_open(NEW."status"::text))
  EXECUTE FUNCTION mukhbir_internal.count_tip_change();

CREATE TRIGGER count_tip_update AFTER UPDATE OF "status", "assigneeId", "stationId", "priority", "firstResponseAt", "receivedAt" ON "Tip"
  FOR EACH ROW WHEN (
    (mukhbir_internal.tip_open(OLD."status"::text) OR mukhbir_internal.tip_open(NEW."status"::text))
    AND (OLD."status", OLD."assigneeId", OLD."stationId", OLD."priority", OLD."firstResponseAt" IS NULL, OLD."receivedAt")
        IS DISTINCT FROM (NEW."status", NEW."assigneeId", NEW."stationId", NEW."priority", NEW."firstResponseAt" IS NULL, NEW."receivedAt"))
  EXECUTE FUNCTION mukhbir_internal.count_tip_change();

CREATE TRIGGER count_tip_delete AFTER DELETE ON "Tip"
  FOR EACH ROW WHEN (mukhbir_internal.tip_open(OLD."status"::text))
  EXECUTE FUNCTION mukhbir_internal.count_tip_change();

CREATE TRIGGER count_tip_truncate AFTER TRUNCATE ON "Tip"
  FOR EACH STATEMENT EXECUTE FUNCTION mukhbir_internal.clear_tip_counts();

-- Backfill after the triggers exist: CREATE TRIGGER locks "Tip" against writes until this
-- migration commits, so no change falls between the two.
INSERT INTO mukhbir_internal.tip_view_count ("stationId", "assigneeId", "status", "n", "folded")
  SELECT "stationId", "assigneeId", "status"::text, count(*), true FROM "Tip"
  WHERE mukhbir_internal.tip_open("status"::text)
  GROUP BY 1, 2, 3;

INSERT INTO mukhbir_internal.tip_clock_count ("stationId", "priority", "responded", "hour", "n", "folded")
  SELECT "stationId", "priority"::text, "firstResponseAt" IS NOT NULL, mukhbir_internal.tip_hour("receivedAt"), count(*), true FROM "Tip"
  WHERE mukhbir_internal.tip_open("status"::text)
  GROUP BY 1, 2, 3, 4;
