-- An event the entry point could not place (IGNORED) or that reports a failure (FAILED), with why.
CREATE OR REPLACE FUNCTION mukhbir_internal.mark_event(e jsonb, p_status public."WebhookStatus", p_reason text) RETURNS void LANGUAGE sql AS $$
  UPDATE public."WebhookEvent" SET "status" = p_status, "error" = left(p_reason, 500)
  WHERE "provider" = (e->>'provider')::public."Provider" AND "externalId" = e->>'externalId'
$$;
