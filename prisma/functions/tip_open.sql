-- The one current definition (its last migration was 20261201101000_queue_view_counters). Function files are re-applied
-- whenever they change (lib/db/migrate.ts applyFunctions); this is the only place to edit it.
CREATE OR REPLACE FUNCTION mukhbir_internal.tip_open(status text) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
  SELECT status IN ('NEW', 'IN_PROGRESS', 'WAITING_INFORMANT')
$$;
