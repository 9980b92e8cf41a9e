-- Retention (ADR 0212) and unconfirmed Exotel calls (ADR 0211).
-- An informant's encrypted address can be destroyed after a period without activity, and an
-- unconfirmed call's informant never has one: the column becomes optional.
ALTER TABLE "Informant" ALTER COLUMN "addressCipher" DROP NOT NULL;
ALTER TABLE "Informant" ADD COLUMN "addressDestroyedAt" TIMESTAMPTZ(3);
CREATE INDEX "Informant_lastSeenAt_idx" ON "Informant"("lastSeenAt");

-- Stored webhook payloads are emptied after their period; the event row (idempotency key, status) stays.
ALTER TABLE "WebhookEvent" ADD COLUMN "payloadPurgedAt" TIMESTAMPTZ(3);

-- upsert_informant as in 20261201000000_ingest_message_function, except that a returning informant
-- whose address retention destroyed gets it back (encrypted, from this message).
CREATE OR REPLACE FUNCTION mukhbir_internal.upsert_informant(
  p_hash text, p_address_cipher text, p_name_cipher text, p_key_id text, p_channel public."Channel", p_at timestamptz, p_aliases text[])
RETURNS TABLE (id uuid, alias text, blocked boolean, created boolean)
LANGUAGE plpgsql AS $$
#variable_conflict use_column
DECLARE
  v_whatsapp boolean := p_channel = 'WHATSAPP';
  v_alias text;
BEGIN
  FOREACH v_alias IN ARRAY p_aliases LOOP
    RETURN QUERY
      UPDATE public."Informant" SET
        "lastSeenAt" = GREATEST("lastSeenAt", p_at),
        "lastInboundAt" = CASE WHEN v_whatsapp THEN GREATEST(COALESCE("lastInboundAt", p_at), p_at) ELSE "lastInboundAt" END,
        "nameCipher" = COALESCE(p_name_cipher, "nameCipher"),
        -- A new name re-encrypts the address under the active key; an address destroyed by retention
        -- comes back when its owner writes again (ADR 0212).
        "addressCipher" = CASE WHEN p_name_cipher IS NULL AND "addressCipher" IS NOT NULL THEN "addressCipher" ELSE COALESCE(p_address_cipher, "addressCipher") END,
        "keyId" = CASE WHEN p_name_cipher IS NULL AND "addressCipher" IS NOT NULL THEN "keyId" WHEN p_address_cipher IS NULL THEN "keyId" ELSE p_key_id END,
        "addressDestroyedAt" = CASE WHEN p_address_cipher IS NULL THEN "addressDestroyedAt" END
      WHERE "addressHash" = p_hash
      RETURNING "id", "alias", "blocked", false;
    IF FOUND THEN RETURN; END IF;
    RETURN QUERY
      INSERT INTO public."Informant" ("id", "alias", "channel", "addressHash", "addressCipher", "nameCipher", "keyId", "firstSeenAt", "lastSeenAt", "lastInboundAt")
      VALUES (gen_random_uuid(), v_alias, p_channel, p_hash, p_address_cipher, p_name_cipher, p_key_id, p_at, p_at, CASE WHEN v_whatsapp THEN p_at END)
      ON CONFLICT DO NOTHING
      RETURNING "id", "alias", "blocked", true;
    IF FOUND THEN RETURN; END IF;
  END LOOP;
  RAISE EXCEPTION 'could not allocate an informant alias';
END
$$;
