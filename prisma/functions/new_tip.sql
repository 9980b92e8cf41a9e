-- A new tip, inserted whole (counters, preview, search text) so its row is written once, and
-- numbered here: the year's counter (next_tip_seq) stays locked only for the few inserts that
-- follow in the same statement and the COMMIT, with no client in between (ADR 0120).
CREATE OR REPLACE FUNCTION mukhbir_internal.new_tip(
  p_informant uuid, p_channel public."Channel", p_at timestamptz, p_year integer, p_flagged boolean,
  p_messages integer, p_media integer, p_preview text, p_search text)
RETURNS TABLE (id uuid, ref text) LANGUAGE plpgsql AS $$
DECLARE
  v_id uuid := gen_random_uuid();
  v_seq integer := mukhbir_internal.next_tip_seq(p_year);
  v_ref text := public.tip_ref(p_year, v_seq);
BEGIN
  INSERT INTO public."Tip" ("id", "ref", "year", "seq", "channel", "informantId", "flagged", "receivedAt", "lastActivityAt", "lastInboundAt",
                            "messageCount", "mediaCount", "preview", "searchText", "createdAt", "updatedAt")
  VALUES (v_id, v_ref, p_year, v_seq, p_channel, p_informant, p_flagged, p_at, p_at, p_at, p_messages, p_media, p_preview, p_search, now(), now());
  RETURN QUERY SELECT v_id, v_ref;
END
$$;
