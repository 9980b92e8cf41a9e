-- THE SLA verdict in SQL (lib/sla/rule.ts slaBreached; docs/SLA.md, ADR 0030): breached by `at` when
-- either clock missed its target — the first response (or the closing, for a tip closed with none)
-- later than the first-response target, or the closing (or `at`, while open) later than the
-- resolution target; exactly at the target is in time. Targets are the tip's, in whole seconds
-- (lib/sla/sql.ts binds them per priority). float8 seconds (date_part) rather than numeric
-- (EXTRACT): per row, numeric arithmetic was most of the dashboard scan's cost (ADR 0510); whole
-- seconds compare exactly with the stored millisecond instants. Plain SQL, IMMUTABLE and used once
-- per argument that is not a column or a constant: the planner inlines it into the scans.
CREATE OR REPLACE FUNCTION mukhbir_internal.sla_breached(
  received timestamptz, first_response timestamptz, closed timestamptz, first_response_secs integer, resolution_secs integer, at timestamptz
) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
  SELECT date_part('epoch', COALESCE(first_response, closed, at) - received) > first_response_secs
      OR date_part('epoch', COALESCE(closed, at) - received) > resolution_secs
$$;
