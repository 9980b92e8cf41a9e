-- Something worth recording that belongs to no tip (a webhook-level error, a system message, a
-- status of a call we did not place) or an item that can never be stored: only the event, IGNORED
-- or FAILED with its reason. One statement, as every ingest entry point.
CREATE OR REPLACE FUNCTION mukhbir_internal.ingest_notice(n jsonb)
RETURNS TABLE (outcome text, tip_id uuid, ref text, message_id uuid, new_tip boolean, reason text)
LANGUAGE plpgsql AS $$
#variable_conflict use_column
BEGIN
  IF NOT mukhbir_internal.record_event(n) THEN
    RETURN QUERY SELECT 'duplicate'::text, NULL::uuid, NULL::text, NULL::uuid, false, NULL::text;
    RETURN;
  END IF;
  RETURN QUERY SELECT CASE WHEN n->>'eventStatus' = 'FAILED' THEN 'failed' ELSE 'ignored' END, NULL::uuid, NULL::text, NULL::uuid, false, n->>'reason';
END
$$;
