-- The one current definition (its last migration was 20261130123000_tip_ref_at_commit). Function files are re-applied
-- whenever they change (lib/db/migrate.ts applyFunctions); this is the only place to edit it.
-- The ref format of lib/tips/allocate-ref.ts formatRef: six digits at least, more past 999,999.
CREATE OR REPLACE FUNCTION tip_ref(year integer, seq integer) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT 'EM-' || year || '-' || lpad(seq::text, greatest(6, length(seq::text)), '0')
$$;
