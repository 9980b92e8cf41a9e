-- A delivery status (sent, delivered, read, played, failed) for one of OUR outbound messages,
-- matched by the provider's message id (a keyed hash for WhatsApp; its previous-pepper forms too).
-- Statuses only move forward — providers deliver them out of order and more than once — except
-- `failed`, which is recorded whenever it comes, with its reason. One statement, as ingest_message.
-- Input: the event keys (record_event), providerMessageIds[], status, error.
CREATE OR REPLACE FUNCTION mukhbir_internal.ingest_status(s jsonb)
RETURNS TABLE (outcome text, tip_id uuid, ref text, message_id uuid, new_tip boolean, reason text)
LANGUAGE plpgsql AS $$
#variable_conflict use_column
DECLARE
  v_status text := s->>'status';
  v_row record;
  v_reason text;
  c_rank CONSTANT jsonb := '{"RECEIVED": 0, "QUEUED": 1, "SENT": 2, "DELIVERED": 3, "READ": 4, "PLAYED": 5, "FAILED": 6}';
BEGIN
  IF NOT mukhbir_internal.record_event(s) THEN
    RETURN QUERY SELECT 'duplicate'::text, NULL::uuid, NULL::text, NULL::uuid, false, NULL::text;
    RETURN;
  END IF;
  SELECT m."id", m."tipId", t."ref", m."deliveryStatus"::text AS cur INTO v_row
  FROM public."Message" m JOIN public."Tip" t ON t."id" = m."tipId"
  WHERE m."provider" = (s->>'provider')::public."Provider" AND m."direction" = 'OUTBOUND'
    AND m."providerMessageId" IN (SELECT jsonb_array_elements_text(s->'providerMessageIds'))
  FOR UPDATE OF m;
  IF v_row.id IS NULL THEN
    PERFORM mukhbir_internal.mark_event(s, 'IGNORED', 'status for a message we did not send');
    RETURN QUERY SELECT 'ignored'::text, NULL::uuid, NULL::text, NULL::uuid, false, 'status for a message we did not send'::text;
    RETURN;
  END IF;
  IF NOT (v_status = 'FAILED' OR (v_row.cur <> 'FAILED' AND (c_rank->>v_status)::integer > (c_rank->>v_row.cur)::integer)) THEN
    v_reason := 'stale status ' || lower(v_status);
    PERFORM mukhbir_internal.mark_event(s, 'IGNORED', v_reason);
    RETURN QUERY SELECT 'ignored'::text, v_row."tipId", v_row.ref, v_row.id, false, v_reason;
    RETURN;
  END IF;
  UPDATE public."Message" SET "deliveryStatus" = v_status::public."DeliveryStatus",
    "deliveryError" = CASE WHEN v_status = 'FAILED' THEN COALESCE(s->>'error', 'failed') END, "updatedAt" = now()
  WHERE "id" = v_row.id;
  PERFORM mukhbir_internal.emit_live(jsonb_build_object('type', 'message.updated', 'tipId', v_row."tipId", 'ref', v_row.ref, 'messageId', v_row.id));
  RETURN QUERY SELECT 'stored'::text, v_row."tipId", v_row.ref, v_row.id, false, NULL::text;
END
$$;
