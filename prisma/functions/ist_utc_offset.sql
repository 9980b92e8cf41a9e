-- India Standard Time's offset from UTC in seconds: +05:30 all year (no daylight saving since 1945,
-- ADR 0500). The SQL side's one copy of lib/time/ist.ts (IST_OFFSET_MS); lib/time/ist.int.test.ts
-- checks they agree. A constant the planner folds into the queries that use it.
CREATE OR REPLACE FUNCTION mukhbir_internal.ist_utc_offset() RETURNS integer LANGUAGE sql IMMUTABLE AS $$ SELECT 19800 $$;
