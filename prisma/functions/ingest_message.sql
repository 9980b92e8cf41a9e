-- An inbound message stored by ONE statement (docs/decisions/0120-ingest-message-in-one-statement.md).
-- The webhook route calls `SELECT * FROM mukhbir_internal.ingest_message($1::jsonb)` outside any
-- explicit transaction, so the statement is its own transaction: every row below commits together
-- or not at all, and no client round trip happens while it holds a lock (the informant's row, the
-- year's tip counter). Identity arrives already hashed and encrypted (lib/identity): the database
-- never sees an address or a name in the clear.
-- Input (built by lib/ingest/store-message.ts; every key present, JSON null where absent):
--   provider, externalId, kind, payload (identity-free), reason   → the WebhookEvent
--   ids[] {hash, cipher, previous[]}, addressCipher, nameCipher, keyId, pepperId, aliases[] → the Informant (upsert_informant)
--   repairs (characters replaced on the way in), threadOnly (no citizen content: never a new tip)
--   previousKeys[], replyToPrevious[]: the event key and reply-to id under previous peppers (a rotation)
--   channel, at, since (at − threading window), year (India time, for a new tip's ref)
--   messageKind, body, meta, providerMessageId, replyTo, preview, search ('' for none)
--   media[] {providerRef, mime, filename, expectedSha256, durationSec}
--   entities[] {kind, value} (the informant's own number already removed)
--   ack (text with the literal {{ref}} where the ref goes, or null: no acknowledgement)
-- Output: outcome 'stored' | 'duplicate' | 'ignored', and for 'stored' the tip, its ref, the message, new_tip.
-- A message whose provider id is already stored under another event key raises SQLSTATE MKDUP,
-- which undoes the whole statement (the caller reports a duplicate).
CREATE OR REPLACE FUNCTION mukhbir_internal.ingest_message(m jsonb)
RETURNS TABLE (outcome text, tip_id uuid, ref text, message_id uuid, new_tip boolean)
LANGUAGE plpgsql AS $$
#variable_conflict use_column
DECLARE
  v_at timestamptz := (m->>'at')::timestamptz;
  v_provider public."Provider" := (m->>'provider')::public."Provider";
  v_inf_id uuid;
  v_inf_blocked boolean;
  v_inf_created boolean := false;
  v_t_id uuid;
  v_t_ref text;
  v_is_new boolean := false;
  v_msg_id uuid := gen_random_uuid();
  v_ack_id uuid;
  v_media_n integer := jsonb_array_length(m->'media');
  v_flag jsonb;
  v_seq integer;
BEGIN
  -- 1. The event key: a redelivery (even ten at once) inserts nothing here and stops. During a
  -- pepper rotation it may have been stored under its previous key.
  IF jsonb_array_length(COALESCE(m->'previousKeys', '[]'::jsonb)) > 0 AND EXISTS (
    SELECT 1 FROM public."WebhookEvent" w WHERE w."provider" = v_provider AND w."externalId" IN (SELECT jsonb_array_elements_text(m->'previousKeys'))) THEN
    RETURN QUERY SELECT 'duplicate'::text, NULL::uuid, NULL::text, NULL::uuid, false;
    RETURN;
  END IF;
  INSERT INTO public."WebhookEvent" ("id", "provider", "externalId", "kind", "receivedAt", "status", "error", "payload", "repairs")
  VALUES (gen_random_uuid(), v_provider, m->>'externalId', m->>'kind', now(), 'PROCESSED', m->>'reason', m->'payload', COALESCE((m->>'repairs')::integer, 0))
  ON CONFLICT ("provider", "externalId") DO NOTHING;
  IF NOT FOUND THEN
    RETURN QUERY SELECT 'duplicate'::text, NULL::uuid, NULL::text, NULL::uuid, false;
    RETURN;
  END IF;

  -- 2. The informant by any of its keyed identifiers (a lock per identifier serialises this person's messages).
  SELECT i."id", i."blocked", i."created" INTO v_inf_id, v_inf_blocked, v_inf_created
  FROM mukhbir_internal.upsert_informant(m->'ids', m->>'addressCipher', m->>'nameCipher', m->>'keyId', m->>'pepperId', (m->>'channel')::public."Channel", v_at,
                                         ARRAY(SELECT jsonb_array_elements_text(m->'aliases'))) i;

  -- 3. The tip (docs/decisions/0101-threading-window.md): a reaction joins the tip of the message
  -- it reacts to; anything else joins the informant's latest open tip active since `since`.
  IF m->>'messageKind' = 'REACTION' AND m->>'replyTo' IS NOT NULL THEN
    SELECT t."id", t."ref" INTO v_t_id, v_t_ref FROM public."Message" x JOIN public."Tip" t ON t."id" = x."tipId"
    WHERE x."provider" = v_provider AND x."informantId" = v_inf_id
      AND (x."providerMessageId" = m->>'replyTo' OR x."providerMessageId" IN (SELECT jsonb_array_elements_text(COALESCE(m->'replyToPrevious', '[]'::jsonb))));
  END IF;
  -- A first contact has no tips yet (nobody else can see the informant row this statement made).
  IF v_t_id IS NULL AND NOT v_inf_created THEN
    SELECT o."id", o."ref" INTO v_t_id, v_t_ref FROM mukhbir_internal.open_tip(v_inf_id, (m->>'since')::timestamptz) o;
  END IF;

  -- Content-less messages (an edit WhatsApp sent without its text) never open a tip.
  IF v_t_id IS NULL AND (m->>'threadOnly')::boolean THEN
    UPDATE public."WebhookEvent" SET "status" = 'IGNORED', "error" = COALESCE(m->>'reason', 'no citizen content') || ' (no open tip to attach it to)'
    WHERE "provider" = v_provider AND "externalId" = m->>'externalId';
    RETURN QUERY SELECT 'ignored'::text, NULL::uuid, NULL::text, NULL::uuid, false;
    RETURN;
  END IF;

  IF v_t_id IS NULL THEN
    -- 4a. A new tip, inserted whole (counters, preview, search text) so its row is written once.
    -- Its number is taken here, as late as the foreign keys below allow: the counter stays locked
    -- only for the few inserts that follow and the COMMIT, with no client in between (ADR 0110).
    v_is_new := true;
    v_t_id := gen_random_uuid();
    v_seq := mukhbir_internal.next_tip_seq((m->>'year')::integer);
    v_t_ref := public.tip_ref((m->>'year')::integer, v_seq);
    INSERT INTO public."Tip" ("id", "ref", "year", "seq", "channel", "informantId", "flagged", "receivedAt", "lastActivityAt", "lastInboundAt",
                              "messageCount", "mediaCount", "preview", "searchText", "createdAt", "updatedAt")
    VALUES (v_t_id, v_t_ref, (m->>'year')::integer, v_seq, (m->>'channel')::public."Channel", v_inf_id, v_inf_blocked, v_at, v_at, v_at,
            CASE WHEN m->>'ack' IS NOT NULL AND NOT v_inf_blocked THEN 2 ELSE 1 END, v_media_n, m->>'preview', m->>'search', now(), now());
  ELSE
    -- 4b. An existing tip: counters, first preview, search text.
    PERFORM mukhbir_internal.touch_tip(v_t_id, v_at, true, 1, v_media_n, m->>'preview', m->>'search', v_inf_blocked);
  END IF;

  -- 5. The message: unique per provider message id.
  INSERT INTO public."Message" ("id", "tipId", "informantId", "direction", "kind", "body", "meta", "provider", "providerMessageId", "replyToProviderId",
                                "deliveryStatus", "sentAt", "createdAt", "updatedAt")
  VALUES (v_msg_id, v_t_id, v_inf_id, 'INBOUND', (m->>'messageKind')::public."MessageKind", m->>'body', NULLIF(m->'meta', 'null'::jsonb), v_provider,
          m->>'providerMessageId', m->>'replyTo', 'RECEIVED', v_at, now(), now())
  ON CONFLICT ("provider", "providerMessageId") DO NOTHING;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'message already stored' USING ERRCODE = 'MKDUP';
  END IF;

  -- 6. Attachments and their fetch jobs (lib/jobs: one job per attachment, deduplicated by key).
  IF v_media_n > 0 THEN
    WITH a AS (
      INSERT INTO public."Attachment" ("id", "messageId", "provider", "providerRef", "mime", "filename", "expectedSha256", "durationSec", "fetchState", "createdAt", "updatedAt")
      SELECT gen_random_uuid(), v_msg_id, v_provider, x->>'providerRef', COALESCE(x->>'mime', 'application/octet-stream'), x->>'filename', x->>'expectedSha256',
             (x->>'durationSec')::double precision, 'PENDING', now(), now()
      FROM jsonb_array_elements(m->'media') WITH ORDINALITY AS e(x, i) ORDER BY i
      RETURNING "id"
    )
    INSERT INTO public."Job" ("kind", "payload", "runAt", "maxAttempts", "dedupeKey", "updatedAt")
    SELECT 'media.fetch', jsonb_build_object('attachmentId', a."id"), now(), 6, 'media.fetch:' || a."id", now() FROM a
    ON CONFLICT ("dedupeKey") DO NOTHING;
  END IF;

  -- 7. Vehicles and third-party numbers the text mentions.
  INSERT INTO public."TipEntity" ("tipId", "kind", "value")
  SELECT v_t_id, x->>'kind', x->>'value' FROM jsonb_array_elements(m->'entities') AS x
  ON CONFLICT DO NOTHING;

  -- 8. A new tip's acknowledgement, sent later by the outbound.send job; never for a blocked informant.
  IF v_is_new AND m->>'ack' IS NOT NULL AND NOT v_inf_blocked THEN
    v_ack_id := gen_random_uuid();
    INSERT INTO public."Message" ("id", "tipId", "informantId", "direction", "kind", "body", "meta", "provider", "providerMessageId", "deliveryStatus", "sentAt", "createdAt", "updatedAt")
    VALUES (v_ack_id, v_t_id, v_inf_id, 'OUTBOUND', 'TEXT', replace(m->>'ack', '{{ref}}', v_t_ref), '{"auto": "ack"}'::jsonb, v_provider, 'local:' || v_ack_id, 'QUEUED', now(), now(), now());
    INSERT INTO public."Job" ("kind", "payload", "runAt", "maxAttempts", "dedupeKey", "updatedAt")
    VALUES ('outbound.send', jsonb_build_object('messageId', v_ack_id), now(), 6, 'outbound.send:' || v_ack_id, now());
  END IF;

  -- 9. Live events (lib/live/bus.ts LiveEvent) in the live event log, seen by readers only after COMMIT. `flagged` only when set.
  v_flag := CASE WHEN v_inf_blocked THEN '{"flagged": true}'::jsonb ELSE '{}'::jsonb END;
  IF v_is_new THEN
    PERFORM mukhbir_internal.emit_live(jsonb_build_object('type', 'tip.created', 'tipId', v_t_id, 'ref', v_t_ref) || v_flag);
  END IF;
  PERFORM mukhbir_internal.emit_live(jsonb_build_object('type', 'message.created', 'tipId', v_t_id, 'ref', v_t_ref, 'messageId', v_msg_id, 'direction', 'INBOUND') || v_flag);
  IF v_ack_id IS NOT NULL THEN
    PERFORM mukhbir_internal.emit_live(jsonb_build_object('type', 'message.created', 'tipId', v_t_id, 'ref', v_t_ref, 'messageId', v_ack_id, 'direction', 'OUTBOUND'));
  END IF;

  RETURN QUERY SELECT 'stored'::text, v_t_id, v_t_ref, v_msg_id, v_is_new;
END
$$;
