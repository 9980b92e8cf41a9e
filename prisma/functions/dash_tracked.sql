-- The one current definition (its last migration was 20261202000000_dashboard_tip_deltas). Function files are re-applied
-- whenever they change (lib/db/migrate.ts applyFunctions); this is the only place to edit it.
-- Whether a tip received at `at` can be in a built day: any day before today, and today itself in
-- its last ten minutes (a transaction that commits after midnight must not miss a just-built
-- yesterday). Today is never built, so the ingest path's new tips and today's claims write nothing.
CREATE OR REPLACE FUNCTION mukhbir_internal.dash_tracked(at timestamptz) RETURNS boolean LANGUAGE sql VOLATILE AS $$
  SELECT mukhbir_internal.ist_day(at) < mukhbir_internal.ist_day(clock_timestamp())
    OR mukhbir_internal.ist_day(clock_timestamp() + interval '10 minutes') > mukhbir_internal.ist_day(clock_timestamp())
$$;
