-- The first step of every ingest entry point (ingest_message, ingest_call, ingest_status,
-- ingest_edit, ingest_notice): the webhook event, unique per provider and event key. A redelivery
-- — even ten at once — inserts nothing (ON CONFLICT waits for the first copy's transaction) and the
-- caller stops. During a pepper rotation the event may be stored under its previous key (ADR 0153).
--   e: provider, externalId, previousKeys[], kind, payload, reason, repairs, eventStatus (default PROCESSED)
CREATE OR REPLACE FUNCTION mukhbir_internal.record_event(e jsonb) RETURNS boolean LANGUAGE plpgsql AS $$
BEGIN
  IF jsonb_array_length(COALESCE(e->'previousKeys', '[]'::jsonb)) > 0 AND EXISTS (
    SELECT 1 FROM public."WebhookEvent" w
    WHERE w."provider" = (e->>'provider')::public."Provider" AND w."externalId" IN (SELECT jsonb_array_elements_text(e->'previousKeys'))) THEN
    RETURN false;
  END IF;
  INSERT INTO public."WebhookEvent" ("id", "provider", "externalId", "kind", "receivedAt", "status", "error", "payload", "repairs")
  VALUES (gen_random_uuid(), (e->>'provider')::public."Provider", e->>'externalId', e->>'kind', now(),
          COALESCE(e->>'eventStatus', 'PROCESSED')::public."WebhookStatus", e->>'reason', COALESCE(e->'payload', '{}'::jsonb), COALESCE((e->>'repairs')::integer, 0))
  ON CONFLICT ("provider", "externalId") DO NOTHING;
  RETURN FOUND;
END
$$;
