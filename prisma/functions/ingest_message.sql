-- An inbound message stored by ONE statement (docs/decisions/0120-ingest-message-in-one-statement.md),
-- from the pieces every ingest entry point shares: record_event, upsert_informant, open_tip,
-- new_tip, touch_tip, add_attachments, enqueue_job, emit_live. The caller runs
-- `SELECT * FROM mukhbir_internal.ingest_message($1::jsonb)` outside any explicit transaction, so
-- the statement is its own transaction: every row below commits together or not at all, and no
-- client round trip happens while it holds a lock (the informant's, the year's tip counter).
-- Identity arrives already hashed and encrypted (lib/identity): the database never sees an
-- address or a name in the clear.
-- Input (built by lib/ingest/store-event.ts; every key present, JSON null where absent):
--   provider, externalId, previousKeys[], kind, payload (allowlisted), reason, repairs → the event (record_event)
--   ids[] {hash, cipher, previous[]}, addressCipher, nameCipher, keyId, pepperId, aliases[] → the informant (upsert_informant)
--   channel, at, since (at − threading window), year (India time, for a new tip's ref)
--   messageKind, body, meta, providerMessageId, replyTo, replyToPrevious[], preview, search ('' for none)
--   threadOnly (no citizen content: never a new tip), media[] (add_attachments), entities[] {kind, value}
--   terms {keys[], words[]} (add_search_terms: the cross-script search index), watchKeys[] (watch items)
--   ack (text with the literal {{ref}} where the ref goes, or null: no acknowledgement)
-- Output: outcome 'stored' | 'duplicate' | 'ignored', and for 'stored' the tip, its ref, the message, new_tip.
-- A message whose provider id is already stored under another event key raises SQLSTATE MKDUP,
-- which undoes the whole statement (the caller reports a duplicate).
DROP FUNCTION IF EXISTS mukhbir_internal.ingest_message(jsonb);
CREATE OR REPLACE FUNCTION mukhbir_internal.ingest_message(m jsonb)
RETURNS TABLE (outcome text, tip_id uuid, ref text, message_id uuid, new_tip boolean, reason text)
LANGUAGE plpgsql AS $$
#variable_conflict use_column
DECLARE
  v_at timestamptz := (m->>'at')::timestamptz;
  v_provider public."Provider" := (m->>'provider')::public."Provider";
  v_inf record;
  v_t_id uuid;
  v_t_ref text;
  v_is_new boolean := false;
  v_msg_id uuid := gen_random_uuid();
  v_ack_id uuid;
  v_media_n integer := jsonb_array_length(m->'media');
  v_ack boolean;
  v_flag jsonb;
BEGIN
  -- 1. The event key: a redelivery stops here.
  IF NOT mukhbir_internal.record_event(m) THEN
    RETURN QUERY SELECT 'duplicate'::text, NULL::uuid, NULL::text, NULL::uuid, false, NULL::text;
    RETURN;
  END IF;

  -- 2. The informant by any of its keyed identifiers.
  SELECT * INTO v_inf FROM mukhbir_internal.upsert_informant(m->'ids', m->>'addressCipher', m->>'nameCipher', m->>'keyId', m->>'pepperId',
    (m->>'channel')::public."Channel", v_at, ARRAY(SELECT jsonb_array_elements_text(m->'aliases')));

  -- 3. The tip (docs/decisions/0101-threading-window.md): a reaction joins the tip of the message
  -- it reacts to; anything else joins the informant's latest open tip active since `since`.
  IF m->>'messageKind' = 'REACTION' AND m->>'replyTo' IS NOT NULL THEN
    SELECT t."id", t."ref" INTO v_t_id, v_t_ref FROM public."Message" x JOIN public."Tip" t ON t."id" = x."tipId"
    WHERE x."provider" = v_provider AND x."informantId" = v_inf.id
      AND (x."providerMessageId" = m->>'replyTo' OR x."providerMessageId" IN (SELECT jsonb_array_elements_text(COALESCE(m->'replyToPrevious', '[]'::jsonb))));
  END IF;
  -- A first contact has no tips yet (nobody else can see the informant row this statement made).
  IF v_t_id IS NULL AND NOT v_inf.created THEN
    SELECT o."id", o."ref" INTO v_t_id, v_t_ref FROM mukhbir_internal.open_tip(v_inf.id, (m->>'since')::timestamptz) o;
  END IF;
  -- Content-less messages (an edit WhatsApp sent without its text) never open a tip.
  IF v_t_id IS NULL AND (m->>'threadOnly')::boolean THEN
    PERFORM mukhbir_internal.mark_event(m, 'IGNORED', COALESCE(m->>'reason', 'no citizen content') || ' (no open tip to attach it to)');
    RETURN QUERY SELECT 'ignored'::text, NULL::uuid, NULL::text, NULL::uuid, false, NULL::text;
    RETURN;
  END IF;

  v_ack := m->>'ack' IS NOT NULL AND NOT v_inf.blocked;
  IF v_t_id IS NULL THEN
    -- 4a. A new tip, numbered as late as the message's foreign key allows.
    v_is_new := true;
    SELECT n."id", n."ref" INTO v_t_id, v_t_ref FROM mukhbir_internal.new_tip(v_inf.id, (m->>'channel')::public."Channel", v_at, (m->>'year')::integer,
      v_inf.blocked, CASE WHEN v_ack THEN 2 ELSE 1 END, v_media_n, m->>'preview', m->>'search') n;
  ELSE
    -- 4b. An existing tip: counters, first preview, search text.
    PERFORM mukhbir_internal.touch_tip(v_t_id, v_at, true, 1, v_media_n, m->>'preview', m->>'search', v_inf.blocked);
  END IF;

  -- 5. The message: unique per provider message id.
  INSERT INTO public."Message" ("id", "tipId", "informantId", "direction", "kind", "body", "meta", "provider", "providerMessageId", "replyToProviderId",
                                "deliveryStatus", "sentAt", "createdAt", "updatedAt")
  VALUES (v_msg_id, v_t_id, v_inf.id, 'INBOUND', (m->>'messageKind')::public."MessageKind", m->>'body', NULLIF(m->'meta', 'null'::jsonb), v_provider,
          m->>'providerMessageId', m->>'replyTo', 'RECEIVED', v_at, now(), now())
  ON CONFLICT ("provider", "providerMessageId") DO NOTHING;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'message already stored' USING ERRCODE = 'MKDUP';
  END IF;

  -- 6. Attachments and their fetch jobs; 7. vehicles and third-party numbers the text mentions.
  PERFORM mukhbir_internal.add_attachments(v_msg_id, v_provider, m->'media');
  INSERT INTO public."TipEntity" ("tipId", "kind", "value")
  SELECT v_t_id, x->>'kind', x->>'value' FROM jsonb_array_elements(m->'entities') AS x
  ON CONFLICT DO NOTHING;
  -- 7b. Cross-script search keys (lib/search/keys.ts).
  PERFORM mukhbir_internal.add_search_terms(v_t_id, m->'terms');
  -- 7c. Watch items (docs/decisions/0702-watchlists.md): a GIN lookup of any item sharing a key;
  -- only then the watch.match job, which checks every key, tags the tip, audits and notifies.
  IF jsonb_array_length(COALESCE(m->'watchKeys', '[]'::jsonb)) > 0 AND EXISTS (
       SELECT 1 FROM public."WatchItem" w WHERE w."active" AND w."keys" && ARRAY(SELECT jsonb_array_elements_text(m->'watchKeys'))) THEN
    PERFORM mukhbir_internal.enqueue_job('watch.match', jsonb_build_object('messageId', v_msg_id), 'watch.match:' || v_msg_id);
  END IF;

  -- 8. A new tip's acknowledgement, sent later by the outbound.send job; never for a blocked informant.
  IF v_is_new AND v_ack THEN
    v_ack_id := gen_random_uuid();
    INSERT INTO public."Message" ("id", "tipId", "informantId", "direction", "kind", "body", "meta", "provider", "providerMessageId", "deliveryStatus", "sentAt", "createdAt", "updatedAt")
    VALUES (v_ack_id, v_t_id, v_inf.id, 'OUTBOUND', 'TEXT', replace(m->>'ack', '{{ref}}', v_t_ref), '{"auto": "ack"}'::jsonb, v_provider, 'local:' || v_ack_id, 'QUEUED', now(), now(), now());
    PERFORM mukhbir_internal.enqueue_job('outbound.send', jsonb_build_object('messageId', v_ack_id), 'outbound.send:' || v_ack_id);
  END IF;

  -- 9. Live events (lib/live/bus.ts LiveEvent) in the live event log, seen by readers only after COMMIT.
  v_flag := CASE WHEN v_inf.blocked THEN '{"flagged": true}'::jsonb ELSE '{}'::jsonb END;
  IF v_is_new THEN
    PERFORM mukhbir_internal.emit_live(jsonb_build_object('type', 'tip.created', 'tipId', v_t_id, 'ref', v_t_ref) || v_flag);
  END IF;
  PERFORM mukhbir_internal.emit_live(jsonb_build_object('type', 'message.created', 'tipId', v_t_id, 'ref', v_t_ref, 'messageId', v_msg_id, 'direction', 'INBOUND') || v_flag);
  IF v_ack_id IS NOT NULL THEN
    PERFORM mukhbir_internal.emit_live(jsonb_build_object('type', 'message.created', 'tipId', v_t_id, 'ref', v_t_ref, 'messageId', v_ack_id, 'direction', 'OUTBOUND'));
  END IF;

  RETURN QUERY SELECT 'stored'::text, v_t_id, v_t_ref, v_msg_id, v_is_new, NULL::text;
END
$$;
