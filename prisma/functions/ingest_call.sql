-- A call (phone through Twilio or Exotel, or WhatsApp's Business Calling API) stored by ONE
-- statement, from the same pieces as ingest_message: one CALL message per provider call id, built
-- up by its callbacks. The first callback that names the caller threads it into the caller's open
-- tip or opens a new one; later ones merge status, duration, digits and recordings into the same
-- message (locked FOR UPDATE, so concurrent callbacks of one call serialise).
-- Input (lib/ingest/store-event.ts): the event keys (record_event), the informant (`ids` null when
-- the callback names no caller; an unconfirmed call's own informant otherwise, ADR 0211),
-- channel, at, since, year, callId, callPrevious[], direction, status, providerStatus,
-- durationSec, digits, voicemail, unverified, media[] (the recording).
CREATE OR REPLACE FUNCTION mukhbir_internal.ingest_call(c jsonb)
RETURNS TABLE (outcome text, tip_id uuid, ref text, message_id uuid, new_tip boolean, reason text)
LANGUAGE plpgsql AS $$
#variable_conflict use_column
DECLARE
  v_at timestamptz := (c->>'at')::timestamptz;
  v_provider public."Provider" := (c->>'provider')::public."Provider";
  v_inbound boolean := c->>'direction' = 'INBOUND';
  v_inf_id uuid;
  v_inf_blocked boolean := false;
  v_inf_created boolean := false;
  v_msg record;
  v_t_id uuid;
  v_t_ref text;
  v_is_new boolean := false;
  v_msg_id uuid := gen_random_uuid();
  v_media_n integer;
  v_flag jsonb;
BEGIN
  IF NOT mukhbir_internal.record_event(c) THEN
    RETURN QUERY SELECT 'duplicate'::text, NULL::uuid, NULL::text, NULL::uuid, false, NULL::text;
    RETURN;
  END IF;
  IF jsonb_typeof(c->'ids') = 'array' THEN
    SELECT i."id", i."blocked", i."created" INTO v_inf_id, v_inf_blocked, v_inf_created FROM mukhbir_internal.upsert_informant(c->'ids', c->>'addressCipher', c->>'nameCipher', c->>'keyId', c->>'pepperId',
      (c->>'channel')::public."Channel", v_at, ARRAY(SELECT jsonb_array_elements_text(c->'aliases'))) i;
  END IF;

  SELECT m."id", m."tipId", t."ref", m."meta" INTO v_msg FROM public."Message" m JOIN public."Tip" t ON t."id" = m."tipId"
  WHERE m."provider" = v_provider AND (m."providerMessageId" = c->>'callId' OR m."providerMessageId" IN (SELECT jsonb_array_elements_text(COALESCE(c->'callPrevious', '[]'::jsonb))))
  FOR UPDATE OF m;

  IF v_msg.id IS NOT NULL THEN
    -- An unconfirmed callback may not change a confirmed call (a forger who learnt a real call id).
    IF c->>'unverified' IS NOT NULL AND v_msg.meta->>'unverified' IS NULL THEN
      PERFORM mukhbir_internal.mark_event(c, 'IGNORED', 'unverified callback for a confirmed call');
      RETURN QUERY SELECT 'ignored'::text, NULL::uuid, NULL::text, NULL::uuid, false, 'unverified callback for a confirmed call'::text;
      RETURN;
    END IF;
    v_media_n := mukhbir_internal.add_attachments(v_msg.id, v_provider, c->'media');
    UPDATE public."Message" SET "meta" = mukhbir_internal.merge_call_meta(v_msg.meta, c, v_media_n > 0), "updatedAt" = now() WHERE "id" = v_msg.id;
    IF v_media_n > 0 THEN PERFORM mukhbir_internal.touch_tip(v_msg."tipId", v_at, true, 0, v_media_n, '', '', false); END IF;
    PERFORM mukhbir_internal.emit_live(jsonb_build_object('type', 'message.updated', 'tipId', v_msg."tipId", 'ref', v_msg.ref, 'messageId', v_msg.id));
    RETURN QUERY SELECT 'stored'::text, v_msg."tipId", v_msg.ref, v_msg.id, false, NULL::text;
    RETURN;
  END IF;

  -- A callback without the caller (a recording status) for a call we never saw cannot be placed.
  IF v_inf_id IS NULL THEN
    PERFORM mukhbir_internal.mark_event(c, 'IGNORED', 'unknown call');
    RETURN QUERY SELECT 'ignored'::text, NULL::uuid, NULL::text, NULL::uuid, false, 'unknown call'::text;
    RETURN;
  END IF;

  v_media_n := jsonb_array_length(COALESCE(c->'media', '[]'::jsonb));
  IF NOT v_inf_created THEN
    SELECT o."id", o."ref" INTO v_t_id, v_t_ref FROM mukhbir_internal.open_tip(v_inf_id, (c->>'since')::timestamptz) o;
  END IF;
  IF v_t_id IS NULL THEN
    v_is_new := true;
    SELECT n."id", n."ref" INTO v_t_id, v_t_ref FROM mukhbir_internal.new_tip(v_inf_id, (c->>'channel')::public."Channel", v_at, (c->>'year')::integer,
      v_inf_blocked, 1, v_media_n, '', '') n;
  ELSE
    PERFORM mukhbir_internal.touch_tip(v_t_id, v_at, v_inbound, 1, v_media_n, '', '', v_inf_blocked);
  END IF;
  INSERT INTO public."Message" ("id", "tipId", "informantId", "direction", "kind", "body", "meta", "provider", "providerMessageId", "deliveryStatus", "sentAt", "createdAt", "updatedAt")
  VALUES (v_msg_id, v_t_id, v_inf_id, (c->>'direction')::public."Direction", 'CALL', '', mukhbir_internal.merge_call_meta(NULL, c, v_media_n > 0),
          v_provider, c->>'callId', 'RECEIVED', v_at, now(), now());
  PERFORM mukhbir_internal.add_attachments(v_msg_id, v_provider, c->'media');

  v_flag := CASE WHEN v_inf_blocked THEN '{"flagged": true}'::jsonb ELSE '{}'::jsonb END;
  IF v_is_new THEN
    PERFORM mukhbir_internal.emit_live(jsonb_build_object('type', 'tip.created', 'tipId', v_t_id, 'ref', v_t_ref) || v_flag);
  END IF;
  PERFORM mukhbir_internal.emit_live(jsonb_build_object('type', 'message.created', 'tipId', v_t_id, 'ref', v_t_ref, 'messageId', v_msg_id, 'direction', c->>'direction') || v_flag);
  RETURN QUERY SELECT 'stored'::text, v_t_id, v_t_ref, v_msg_id, v_is_new, NULL::text;
END
$$;
