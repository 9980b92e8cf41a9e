-- An informant edited or deleted one of their messages. The message shows the new text (or that
-- it was deleted) and keeps every earlier version in `meta.history`, so the desk never loses what
-- was first reported. Only the author's own message can be changed: one of the sender's
-- identifiers must be the message's informant's. Nothing opens a tip. One statement.
-- Input: the event keys (record_event), providerMessageIds[], senderHashes[], body (or null),
-- revoked, search (the new text's search form), terms (add_search_terms), at.
CREATE OR REPLACE FUNCTION mukhbir_internal.ingest_edit(e jsonb)
RETURNS TABLE (outcome text, tip_id uuid, ref text, message_id uuid, new_tip boolean, reason text)
LANGUAGE plpgsql AS $$
#variable_conflict use_column
DECLARE
  v_row record;
  v_revoked boolean := COALESCE((e->>'revoked')::boolean, false);
  v_body text;
  v_meta jsonb;
  v_reason text;
BEGIN
  IF NOT mukhbir_internal.record_event(e) THEN
    RETURN QUERY SELECT 'duplicate'::text, NULL::uuid, NULL::text, NULL::uuid, false, NULL::text;
    RETURN;
  END IF;
  SELECT m."id", m."tipId", t."ref", m."body", COALESCE(m."meta", '{}'::jsonb) AS meta INTO v_row
  FROM public."Message" m JOIN public."Tip" t ON t."id" = m."tipId"
  WHERE m."provider" = (e->>'provider')::public."Provider" AND m."direction" = 'INBOUND'
    AND m."providerMessageId" IN (SELECT jsonb_array_elements_text(e->'providerMessageIds'))
    AND EXISTS (SELECT 1 FROM public."InformantIdentifier" i WHERE i."informantId" = m."informantId" AND i."hash" IN (SELECT jsonb_array_elements_text(e->'senderHashes')))
  FOR UPDATE OF m;
  IF v_row.id IS NULL THEN
    v_reason := CASE WHEN v_revoked THEN 'deletion' ELSE 'edit' END || ' of a message we do not have';
    PERFORM mukhbir_internal.mark_event(e, 'IGNORED', v_reason);
    RETURN QUERY SELECT 'ignored'::text, NULL::uuid, NULL::text, NULL::uuid, false, v_reason;
    RETURN;
  END IF;
  IF v_revoked THEN
    v_body := v_row.body;
    v_meta := v_row.meta || jsonb_build_object('revoked', true, 'revokedAt', e->>'at');
  ELSE
    v_body := COALESCE(e->>'body', v_row.body);
    v_meta := v_row.meta || jsonb_build_object('edited', true, 'history',
      -- The last 20 versions, oldest first.
      (SELECT jsonb_agg(h ORDER BY i) FROM (SELECT h, i FROM jsonb_array_elements(COALESCE(v_row.meta->'history', '[]'::jsonb)
         || jsonb_build_array(jsonb_build_object('body', v_row.body, 'until', e->>'at'))) WITH ORDINALITY AS a(h, i) ORDER BY i DESC LIMIT 20) last20));
  END IF;
  UPDATE public."Message" SET "body" = v_body, "meta" = v_meta, "updatedAt" = now() WHERE "id" = v_row.id;
  -- The new words are searchable too (the old ones stay searchable: the history is evidence).
  IF v_body IS DISTINCT FROM v_row.body THEN
    PERFORM mukhbir_internal.touch_tip(v_row."tipId", (e->>'at')::timestamptz, true, 0, 0, '', COALESCE(e->>'search', ''), false);
    PERFORM mukhbir_internal.add_search_terms(v_row."tipId", e->'terms');
  END IF;
  PERFORM mukhbir_internal.emit_live(jsonb_build_object('type', 'message.updated', 'tipId', v_row."tipId", 'ref', v_row.ref, 'messageId', v_row.id));
  RETURN QUERY SELECT 'stored'::text, v_row."tipId", v_row.ref, v_row.id, false, NULL::text;
END
$$;
