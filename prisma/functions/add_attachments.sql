-- A message's media and their fetch jobs: one attachment per media reference not yet attached to
-- the message (a call's recording callback may come twice), each with a `media.fetch` job.
-- Returns how many were added.
--   p_media: [{providerRef, mime, filename, expectedSha256, durationSec}]
CREATE OR REPLACE FUNCTION mukhbir_internal.add_attachments(p_message uuid, p_provider public."Provider", p_media jsonb) RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
  v_added integer;
BEGIN
  IF jsonb_array_length(COALESCE(p_media, '[]'::jsonb)) = 0 THEN RETURN 0; END IF;
  WITH a AS (
    INSERT INTO public."Attachment" ("id", "messageId", "provider", "providerRef", "mime", "filename", "expectedSha256", "durationSec", "fetchState", "createdAt", "updatedAt")
    SELECT gen_random_uuid(), p_message, p_provider, x->>'providerRef', COALESCE(x->>'mime', 'application/octet-stream'), x->>'filename', x->>'expectedSha256',
           (x->>'durationSec')::double precision, 'PENDING', now(), now()
    FROM jsonb_array_elements(p_media) WITH ORDINALITY AS e(x, i)
    WHERE NOT EXISTS (SELECT 1 FROM public."Attachment" o WHERE o."messageId" = p_message AND o."providerRef" = x->>'providerRef')
    ORDER BY i
    RETURNING "id"
  ), j AS (
    INSERT INTO public."Job" ("kind", "payload", "runAt", "maxAttempts", "dedupeKey", "updatedAt")
    SELECT 'media.fetch', jsonb_build_object('attachmentId', a."id"), now(), 6, 'media.fetch:' || a."id", now() FROM a
    ON CONFLICT ("dedupeKey") DO NOTHING
  )
  SELECT count(*) INTO v_added FROM a;
  RETURN v_added;
END
$$;
