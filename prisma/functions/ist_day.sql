-- The one current definition (its last migration was 20261201200000_dashboard_rollups). Function files are re-applied
-- whenever they change (lib/db/migrate.ts applyFunctions); this is the only place to edit it.
CREATE OR REPLACE FUNCTION mukhbir_internal.ist_day(at timestamptz) RETURNS date
  LANGUAGE sql IMMUTABLE AS $$ SELECT (at AT TIME ZONE 'Asia/Kolkata')::date $$;
