-- The IST calendar day an instant falls on (lib/time's istDay), the same in every session time zone.
-- STABLE like date_part, so the planner inlines it.
CREATE OR REPLACE FUNCTION mukhbir_internal.ist_day(at timestamptz) RETURNS date LANGUAGE sql STABLE AS $$
  SELECT DATE '1970-01-01' + floor((date_part('epoch', at) + mukhbir_internal.ist_utc_offset()) / 86400)::int
$$;
