-- Seconds from receipt an open tip has before the clock it is racing runs out (lib/sla/rule.ts
-- slaWindow): the resolution target once answered, else whichever target comes first. An open tip
-- is overdue ("Breaching SLA") once received + window < now; the queue's view, its counters'
-- cutoffs and the dashboard rollups' breach instants all take the window from here.
CREATE OR REPLACE FUNCTION mukhbir_internal.sla_window(responded boolean, first_response_secs integer, resolution_secs integer)
  RETURNS integer LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN responded THEN resolution_secs ELSE least(first_response_secs, resolution_secs) END
$$;
