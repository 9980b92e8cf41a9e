-- The informant for a message or call, matched on ANY of the keyed identifiers it carries (phone
-- number, business-scoped user id): identifiers seen together are linked to one informant, and two
-- informants later found to be one are merged into the one seen first (merge_informants), so a
-- person keeps one alias whichever identifiers a message carries. Shared by ingest_message and
-- lib/ingest/upsert-informant.ts (calls).
--   p_ids: [{hash, cipher, previous[]}] — the identifier replied to (the address in p_address_cipher)
--   first; `previous`: its hashes under peppers being rotated away, matched too and replaced by `hash`.
--   p_pepper: the id of the pepper `hash` was made with.
-- A transaction-scoped advisory lock per identifier, taken in one order, serialises everything
-- done for one person (threading, tip creation) without deadlocks. Only WhatsApp opens WhatsApp's
-- 24-hour reply window. A new name re-encrypts the address under the same active key (and makes
-- it the address replied to), so a row never mixes keys; an address or identifier retention
-- destroyed comes back when its owner writes again (ADR 0212). An unconfirmed call (ADR 0211)
-- brings an identifier with no ciphertext and no address.
DROP FUNCTION IF EXISTS mukhbir_internal.upsert_informant(text, text, text, text, public."Channel", timestamptz, text[]);
DROP FUNCTION IF EXISTS mukhbir_internal.upsert_informant(jsonb, text, text, text, public."Channel", timestamptz, text[]);

CREATE OR REPLACE FUNCTION mukhbir_internal.upsert_informant(
  p_ids jsonb, p_address_cipher text, p_name_cipher text, p_key_id text, p_pepper text, p_channel public."Channel", p_at timestamptz, p_aliases text[])
RETURNS TABLE (id uuid, alias text, blocked boolean, created boolean)
LANGUAGE plpgsql AS $$
#variable_conflict use_column
DECLARE
  v_whatsapp boolean := p_channel = 'WHATSAPP';
  v_hashes text[] := ARRAY(SELECT x->>'hash' FROM jsonb_array_elements(p_ids) AS x);
  v_previous text[] := ARRAY(SELECT jsonb_array_elements_text(COALESCE(x->'previous', '[]'::jsonb)) FROM jsonb_array_elements(p_ids) AS x);
  v_primary text := p_ids->0->>'hash';
  v_found uuid[];
  v_id uuid;
  v_alias text;
  v_created boolean := false;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtextextended(s.h, 72707370)) FROM (SELECT h FROM unnest(v_hashes) AS h ORDER BY h) AS s;
  SELECT array_agg(DISTINCT i."informantId") INTO v_found FROM public."InformantIdentifier" i WHERE i."hash" = ANY(v_hashes) OR i."hash" = ANY(v_previous);

  IF v_found IS NULL THEN
    FOREACH v_alias IN ARRAY p_aliases LOOP
      INSERT INTO public."Informant" ("id", "alias", "channel", "addressHash", "pepperId", "addressCipher", "nameCipher", "keyId", "firstSeenAt", "lastSeenAt", "lastInboundAt")
      VALUES (gen_random_uuid(), v_alias, p_channel, v_primary, p_pepper, p_address_cipher, p_name_cipher, p_key_id, p_at, p_at, CASE WHEN v_whatsapp THEN p_at END)
      ON CONFLICT DO NOTHING
      RETURNING "id" INTO v_id;
      EXIT WHEN v_id IS NOT NULL;
    END LOOP;
    IF v_id IS NULL THEN RAISE EXCEPTION 'could not allocate an informant alias'; END IF;
    v_created := true;
  ELSE
    SELECT i."id" INTO v_id FROM public."Informant" i WHERE i."id" = ANY(v_found) ORDER BY i."firstSeenAt", i."id" LIMIT 1;
    IF cardinality(v_found) > 1 THEN
      PERFORM mukhbir_internal.merge_informants(v_id, array_remove(v_found, v_id));
    END IF;
    -- The address replied to moves to this message's (re-encrypted under the active key) when it
    -- comes with a name, or when retention had destroyed the old one (ADR 0212).
    UPDATE public."Informant" SET
      "lastSeenAt" = GREATEST("lastSeenAt", p_at),
      "lastInboundAt" = CASE WHEN v_whatsapp THEN GREATEST(COALESCE("lastInboundAt", p_at), p_at) ELSE "lastInboundAt" END,
      "nameCipher" = COALESCE(p_name_cipher, "nameCipher"),
      "addressCipher" = CASE WHEN p_address_cipher IS NOT NULL AND (p_name_cipher IS NOT NULL OR "addressCipher" IS NULL) THEN p_address_cipher ELSE "addressCipher" END,
      "addressHash" = CASE WHEN p_address_cipher IS NOT NULL AND (p_name_cipher IS NOT NULL OR "addressCipher" IS NULL) THEN v_primary ELSE "addressHash" END,
      "pepperId" = CASE WHEN p_address_cipher IS NOT NULL AND (p_name_cipher IS NOT NULL OR "addressCipher" IS NULL) THEN p_pepper ELSE "pepperId" END,
      "keyId" = CASE WHEN p_address_cipher IS NOT NULL AND (p_name_cipher IS NOT NULL OR "addressCipher" IS NULL) THEN p_key_id ELSE "keyId" END,
      "addressDestroyedAt" = CASE WHEN p_address_cipher IS NOT NULL THEN NULL ELSE "addressDestroyedAt" END
    WHERE "id" = v_id;
  END IF;

  -- An identifier still hashed under a pepper being rotated away takes its current hash now.
  IF cardinality(v_previous) > 0 THEN
    DELETE FROM public."InformantIdentifier" WHERE "hash" = ANY(v_previous) AND "informantId" = v_id;
  END IF;
  INSERT INTO public."InformantIdentifier" ("hash", "informantId", "cipher", "keyId", "pepperId", "firstSeenAt")
  SELECT x->>'hash', v_id, x->>'cipher', p_key_id, p_pepper, p_at FROM jsonb_array_elements(p_ids) AS x
  ON CONFLICT ("hash") DO UPDATE SET "cipher" = EXCLUDED."cipher", "keyId" = EXCLUDED."keyId"
    WHERE "InformantIdentifier"."cipher" IS NULL AND EXCLUDED."cipher" IS NOT NULL;

  RETURN QUERY SELECT i."id", i."alias", i."blocked", v_created FROM public."Informant" i WHERE i."id" = v_id;
END
$$;
