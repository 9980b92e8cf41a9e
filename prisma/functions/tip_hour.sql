-- The one current definition (its last migration was 20261201101000_queue_view_counters). Function files are re-applied
-- whenever they change (lib/db/migrate.ts applyFunctions); this is the only place to edit it.
-- The hour a timestamp falls in, the same in every session time zone (India is UTC+05:30).
CREATE OR REPLACE FUNCTION mukhbir_internal.tip_hour(at timestamptz) RETURNS timestamptz LANGUAGE sql IMMUTABLE AS $$
  SELECT date_bin('1 hour', at, TIMESTAMPTZ '2000-01-01 00:00:00+00')
$$;
