-- A call message's details after one more callback: the most informative status (voicemail >
-- answered > missed > ringing; "voicemail" only when the recording is a message left because
-- nobody answered), the longest reported duration (callbacks may be stored out of order), the
-- latest provider status and IVR digits, the first direction, and whether the call was confirmed.
CREATE OR REPLACE FUNCTION mukhbir_internal.merge_call_meta(prev jsonb, c jsonb, has_recording boolean) RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$
  WITH rank(s, n) AS (VALUES ('ringing', 0), ('missed', 1), ('answered', 2), ('voicemail', 3)),
  x AS (
    SELECT COALESCE(prev->>'status', 'ringing') AS cur,
           CASE WHEN has_recording AND COALESCE((c->>'voicemail')::boolean, false) THEN 'voicemail' ELSE c->>'status' END AS nxt
  )
  SELECT jsonb_strip_nulls(jsonb_build_object(
    'direction', COALESCE(prev->>'direction', c->>'direction'),
    'status', CASE WHEN (SELECT n FROM rank WHERE s = x.nxt) >= (SELECT n FROM rank WHERE s = x.cur) THEN x.nxt ELSE x.cur END,
    'providerStatus', COALESCE(c->>'providerStatus', prev->>'providerStatus'),
    'durationSec', CASE WHEN c->>'durationSec' IS NULL THEN prev->'durationSec'
                        ELSE to_jsonb(GREATEST((c->>'durationSec')::numeric, COALESCE((prev->>'durationSec')::numeric, 0))) END,
    'digits', COALESCE(c->>'digits', prev->>'digits'),
    'unverified', CASE WHEN prev IS NULL THEN c->>'unverified' ELSE prev->>'unverified' END))
  FROM x
$$;
