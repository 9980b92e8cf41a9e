-- A durable job (lib/jobs), deduplicated by its key: replays of one delivery never queue work twice.
CREATE OR REPLACE FUNCTION mukhbir_internal.enqueue_job(p_kind text, p_payload jsonb, p_dedupe text) RETURNS void LANGUAGE sql AS $$
  INSERT INTO public."Job" ("kind", "payload", "runAt", "maxAttempts", "dedupeKey", "updatedAt")
  VALUES (p_kind, p_payload, now(), 6, p_dedupe, now())
  ON CONFLICT ("dedupeKey") DO NOTHING
$$;
