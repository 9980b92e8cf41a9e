-- Whole IST hours since 1970-01-01 00:00 IST (lib/time's istHour). Integer arithmetic on the epoch
-- rather than AT TIME ZONE + to_char per row (ADR 0510). STABLE like date_part, so the planner
-- inlines it into the dashboard's scans.
CREATE OR REPLACE FUNCTION mukhbir_internal.ist_hour(at timestamptz) RETURNS integer LANGUAGE sql STABLE AS $$
  SELECT floor((date_part('epoch', at) + mukhbir_internal.ist_utc_offset()) / 3600)::int
$$;
