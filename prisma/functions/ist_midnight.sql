-- The instant an IST calendar day starts (lib/time's istMidnight).
CREATE OR REPLACE FUNCTION mukhbir_internal.ist_midnight(day date) RETURNS timestamptz LANGUAGE sql IMMUTABLE AS $$
  SELECT to_timestamp((day - DATE '1970-01-01')::float8 * 86400 - mukhbir_internal.ist_utc_offset())
$$;
