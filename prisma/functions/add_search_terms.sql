-- A message's search terms on its tip (docs/decisions/0700-cross-script-search.md): the phonetic
-- keys and the romanised words lib/search/keys.ts `indexTerms` computed. Idempotent. Each term row
-- carries the tip's receivedAt, so a search can walk a key's tips newest first (ADR 0710).
-- Input: {keys: text[], words: [{word, key}]} (either may be missing).
CREATE OR REPLACE FUNCTION mukhbir_internal.add_search_terms(p_tip uuid, p_terms jsonb)
RETURNS void LANGUAGE sql AS $$
  INSERT INTO mukhbir_internal.search_term ("key", received_at, tip_id)
  SELECT k, t."receivedAt", t."id" FROM public."Tip" t
  CROSS JOIN jsonb_array_elements_text(COALESCE(p_terms->'keys', '[]'::jsonb)) AS k
  WHERE t."id" = p_tip
  ON CONFLICT DO NOTHING;
  INSERT INTO mukhbir_internal.search_word (word, "key")
  SELECT w->>'word', w->>'key' FROM jsonb_array_elements(COALESCE(p_terms->'words', '[]'::jsonb)) AS w
  ON CONFLICT DO NOTHING;
$$;
